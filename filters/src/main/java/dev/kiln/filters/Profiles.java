package dev.kiln.filters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.kiln.core.config.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The built-in filter profiles and YAML profile files.
 *
 * <table>
 * <caption>Built-in profiles</caption>
 * <tr><th>name</th><th>what</th></tr>
 * <tr><td>{@code reference}</td><td>the reference's decisions exactly: C4 = C1..C6, G0..G5; Wikipedia = W0, W3,
 * W1, W2, G0..G5; Gutenberg = GUT0, GUT1, GUT3, G0..G5</td></tr>
 * <tr><td>{@code kiln} (default)</td><td>the same intent with the reference's defects fixed: Unicode weird ratio,
 * whole-word keywords, char runs ignoring digits/spaces/ellipses/rules/box drawing, headings (Markdown's too) and
 * short code lines exempt from the line rule, C2's punctuation ratio without its run rule (which dropped every page
 * with a {@code ----} underline), web pages judged by their share of prose lines rather than by line length,
 * letters at least 0.55 of a web page (verse references and code samples pass), placeholder, code, policy
 * boilerplate, licence texts, pages that exclaim at most sentence ends, text in no language or not in English, and filler
 * of English words without function words dropped (issue #15), Wikipedia and Gutenberg cleaned and chunked before
 * length and quality limits</td></tr>
 * <tr><td>{@code gopher}</td><td>Gopher repetition then quality (datatrove defaults)</td></tr>
 * <tr><td>{@code c4}, {@code c4_tfds}</td><td>C4 rules, paper (3 words / 5 sentences) or TFDS code (5 / 3):
 * pages over 190,000 code points dropped, line rules, bad words, English by langdetect with p &gt;= 0.99</td></tr>
 * <tr><td>{@code fineweb}</td><td>FineWeb recipe: Gopher repetition, Gopher quality, C4 without the terminal
 * punctuation rule, FineWeb quality</td></tr>
 * </table>
 * For Wikipedia the anchor profiles run the wikitext cleaner first; for Gutenberg the book cleaner and
 * the chunker, so rules judge chunks, not whole books.
 *
 * <p>A YAML file gives either {@code stages: [...]} for every source or {@code sources: {c4: [...], ...}}, each
 * stage a map with {@code name} and its parameters.
 */
public final class Profiles {

    private Profiles() {
    }

    /** Names of the built-in profiles. */
    public static final List<String> BUILT_IN = List.of("kiln", "reference", "gopher", "c4", "c4_tfds", "fineweb");

    /** A built-in profile by name, or a YAML file when {@code nameOrFile} ends in {@code .yaml}/{@code .yml}. */
    public static Profile load(String nameOrFile, SourceKind source) throws IOException {
        if (nameOrFile.endsWith(".yaml") || nameOrFile.endsWith(".yml")) {
            return fromYaml(Path.of(nameOrFile), source);
        }
        return builtIn(nameOrFile, source);
    }

    /** A built-in profile. */
    public static Profile builtIn(String name, SourceKind source) {
        List<StageSpec> s = switch (name) {
            case "reference" -> reference(source);
            case "kiln" -> kiln(source);
            case "gopher" -> withCleaner(source, List.of(StageSpec.of("gopher_repetition"), StageSpec.of("gopher_quality")));
            case "c4" -> withCleaner(source, c4("c4_quality"));
            case "c4_tfds" -> withCleaner(source, c4("c4_tfds_quality"));
            case "fineweb" -> withCleaner(source, List.of(StageSpec.of("gopher_repetition"), StageSpec.of("gopher_quality"),
                    StageSpec.of("c4_quality", "filter_no_terminal_punct", false), StageSpec.of("fineweb_quality")));
            default -> throw new ConfigException("unknown profile '" + name + "'; built-in profiles: " + BUILT_IN
                    + ", or a .yaml file");
        };
        return new Profile(name, source, s);
    }

    private static final List<String> GLOBAL = List.of("G0_length", "G1_alpha_ratio", "G2_repeated_chars",
            "G3_weird_symbols", "G4_line_structure", "G5_boilerplate");

    static List<StageSpec> reference(SourceKind source) {
        List<String> names = new ArrayList<>(switch (source) {
            case C4 -> List.of("C1_alpha_ratio", "C2_punct_spam", "C3_web_junk", "C4_nav_patterns",
                    "C5_paragraph_quality", "C6_entropy");
            case WIKIPEDIA -> List.of("W0_strip_wiki_sections", "W3_strip_wiki_markup", "W1_list_heavy",
                    "W2_short_paragraphs");
            case GUTENBERG -> List.of("GUT0_strip_gutenberg_boilerplate", "GUT1_strip_toc", "GUT3_normalize_gutenberg");
        });
        names.addAll(GLOBAL);
        return names.stream().map(StageSpec::of).toList();
    }

    static List<StageSpec> kiln(SourceKind source) {
        List<StageSpec> quality = List.of(
                StageSpec.of("alpha_ratio", "min_alpha_ratio", source == SourceKind.C4 ? 0.55 : 0.65),
                StageSpec.of("char_run"),
                StageSpec.of("weird_symbols"),
                source == SourceKind.WIKIPEDIA ? StageSpec.of("line_structure", "count_list_items", false) : StageSpec.of("line_structure"),
                StageSpec.of("boilerplate"),
                StageSpec.of("placeholder_text"),
                StageSpec.of("code_lines"),
                StageSpec.of("policy_vocabulary"),
                StageSpec.of("licence_text"),
                StageSpec.of("exclamation_share"),
                StageSpec.of("unknown_language"),
                StageSpec.of("function_words"));
        List<StageSpec> out = new ArrayList<>();
        switch (source) {
            case C4 -> {
                out.add(StageSpec.of("punct_share"));
                out.add(StageSpec.of("web_junk"));
                out.add(StageSpec.of("prose_share"));
                out.add(StageSpec.of("C6_entropy"));
                out.add(StageSpec.of("length"));
                out.addAll(quality);
            }
            case WIKIPEDIA -> {
                out.add(StageSpec.of("wikitext_clean"));
                out.add(StageSpec.of("list_heavy"));
                out.add(StageSpec.of("W2_short_paragraphs"));
                out.add(StageSpec.of("max_doc_length"));
                out.addAll(quality);
                out.add(StageSpec.of("chunk"));
                out.add(StageSpec.of("length"));
            }
            case GUTENBERG -> {
                out.add(StageSpec.of("gutenberg_clean"));
                out.add(StageSpec.of("max_doc_length"));
                out.add(StageSpec.of("chunk"));
                out.add(StageSpec.of("length"));
                out.addAll(quality);
            }
        }
        return out;
    }

    /**
     * C4's page rules in TFDS's order: the length bound on the raw page, the line rules, then the two
     * page-level filters on the cleaned text. TFDS runs langdetect before the bad-words rule; both only
     * keep or drop, so the kept pages are the same in either order, and kiln runs the slow langdetect
     * last, on fewer pages (a page with bad words in another language is counted under bad words).
     */
    private static List<StageSpec> c4(String quality) {
        return List.of(StageSpec.of("c4_max_chars"), StageSpec.of(quality), StageSpec.of("c4_badwords"),
                StageSpec.of("c4_langdetect"));
    }

    private static List<StageSpec> withCleaner(SourceKind source, List<StageSpec> rules) {
        List<StageSpec> out = new ArrayList<>();
        if (source == SourceKind.WIKIPEDIA) {
            out.add(StageSpec.of("wikitext_clean"));
        } else if (source == SourceKind.GUTENBERG) {
            out.add(StageSpec.of("gutenberg_clean"));
            out.add(StageSpec.of("chunk"));
        }
        out.addAll(rules);
        return out;
    }

    /** The cleaning-only profile behind {@code kiln clean}: the source's cleaner, optionally the default chunker. */
    public static Profile cleaner(SourceKind source, boolean chunk) {
        return cleaner(source, chunk, 500, 8000);
    }

    /** The cleaning-only profile with a chunker of {@code [chunkMin, chunkMax]} code points when {@code chunk}. */
    public static Profile cleaner(SourceKind source, boolean chunk, int chunkMin, int chunkMax) {
        List<StageSpec> s = new ArrayList<>();
        switch (source) {
            case WIKIPEDIA -> s.add(StageSpec.of("wikitext_clean"));
            case GUTENBERG -> s.add(StageSpec.of("gutenberg_clean"));
            case C4 -> throw new ConfigException("kiln clean supports --source wikipedia or gutenberg: c4");
        }
        if (chunk) {
            s.add(StageSpec.of("chunk", "min_chars", chunkMin, "max_chars", chunkMax));
        }
        return new Profile("clean", source, s);
    }

    /** Reads a YAML profile file. */
    @SuppressWarnings("unchecked")
    public static Profile fromYaml(Path file, SourceKind source) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("profile file not found: " + file);
        }
        Object root = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Object.class);
        if (!(root instanceof Map<?, ?> map)) {
            throw new ConfigException(file + ": a profile is a map with 'stages' or 'sources'");
        }
        Object stages = map.get("stages");
        if (map.get("sources") instanceof Map<?, ?> sources) {
            stages = sources.containsKey(source.id()) ? sources.get(source.id()) : stages;
        }
        if (!(stages instanceof List<?> list)) {
            throw new ConfigException(file + ": no stage list for source " + source.id()
                    + " (expected 'stages: [...]' or 'sources: {" + source.id() + ": [...]}')");
        }
        List<StageSpec> specs = new ArrayList<>();
        for (Object o : list) {
            if (o instanceof String name) {
                specs.add(StageSpec.of(name));
            } else if (o instanceof Map<?, ?> m && m.get("name") instanceof String name) {
                Map<String, Object> params = new java.util.LinkedHashMap<>((Map<String, Object>) m);
                params.remove("name");
                specs.add(new StageSpec(name, params));
            } else {
                throw new ConfigException(file + ": each stage is a name or a map with 'name': " + o);
            }
        }
        String name = file.getFileName().toString();
        return new Profile(name, source, specs);
    }
}
