package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunnerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filter fidelity of the default {@code kiln} profile (issue #15) on a labelled set of real web junk and
 * clean prose ({@code fidelity/fidelity-set.jsonl.gz}, built by {@code build_fidelity_set.py}; sources and
 * licences in {@code fidelity/README.md}): lorem-ipsum placeholder pages, code dumps and licence/cookie/terms
 * boilerplate must be dropped (drop-recall &gt;= 0.95 per class), clean prose kept (keep-recall &gt;= 0.99).
 * The documents go through the real {@link PipelineRunner}: web pages with the profile for {@code c4},
 * wikitext records with the profile for {@code wikipedia} (kept when any chunk is kept). The figures per
 * class and per kind are printed; docs/benchmarks/filter-fidelity.md records them.
 */
class FilterFidelityTest {

    record Labelled(String id, String label, String kind, String text) {
    }

    /** The tuning set, on which the thresholds were chosen. */
    static final String TUNING = "/fidelity/fidelity-set.jsonl.gz";
    /** The held-out set, built from other files and never used to choose a threshold ({@code fidelity/HELDOUT.md}). */
    static final String HELD_OUT = "/fidelity/heldout-set.jsonl.gz";
    /** The second held-out set, built blind after the rule changes of 2026-12-07 ({@code fidelity/HELDOUT2.md}). */
    static final String HELD_OUT_2 = "/fidelity/heldout2-set.jsonl.gz";
    /** The third held-out set, built blind after the second's changes ({@code fidelity/HELDOUT3.md}). */
    static final String HELD_OUT_3 = "/fidelity/heldout3-set.jsonl.gz";
    /** The fourth held-out set, built blind after the third's changes ({@code fidelity/HELDOUT4.md}). */
    static final String HELD_OUT_4 = "/fidelity/heldout4-set.jsonl.gz";
    /** The fifth held-out set, built blind after the fourth's changes ({@code fidelity/HELDOUT5.md}). */
    static final String HELD_OUT_5 = "/fidelity/heldout5-set.jsonl.gz";
    static final String HELD_OUT_6 = "/fidelity/heldout6-set.jsonl.gz";
    static final String HELD_OUT_7 = "/fidelity/heldout7-set.jsonl.gz";
    static final String HELD_OUT_8 = "/fidelity/heldout8-set.jsonl.gz";
    static final String HELD_OUT_9 = "/fidelity/heldout9-set.jsonl.gz";
    static final String HELD_OUT_10 = "/fidelity/heldout10-set.jsonl.gz";
    static final String HELD_OUT_11 = "/fidelity/heldout11-set.jsonl.gz";
    static final String HELD_OUT_12 = "/fidelity/heldout12-set.jsonl.gz";
    static final String HELD_OUT_13 = "/fidelity/heldout13-set.jsonl.gz";
    static final String HELD_OUT_14 = "/fidelity/heldout14-set.jsonl.gz";
    static final String HELD_OUT_15 = "/fidelity/heldout15-set.jsonl.gz";
    static final String HELD_OUT_16 = "/fidelity/heldout16-set.jsonl.gz";

    static List<Labelled> load() {
        return load(TUNING);
    }

    /** A set's texts by page id (the first page of an id, where a set repeats one). */
    static Map<String, String> texts(String resource) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Labelled d : load(resource)) {
            out.putIfAbsent(d.id(), d.text());
        }
        return out;
    }

    static List<Labelled> load(String resource) {
        List<Labelled> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = new GZIPInputStream(FilterFidelityTest.class.getResourceAsStream(resource))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    out.add(new Labelled(n.get("id").asText(), n.get("label").asText(), n.get("kind").asText(), n.get("text").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Ids of the documents the profile keeps (any output derived from them), and the reasons of the others. */
    static Map<String, String> decisions(Profile profile, List<Labelled> docs) throws IOException {
        List<Document> in = docs.stream().map(d -> Document.of(d.id(), d.text(), profile.source().id())).toList();
        Set<String> kept = new HashSet<>();
        Map<String, String> reasons = new LinkedHashMap<>();
        new PipelineRunner(RunnerOptions.DEFAULT.withThreads(2)).run(DocumentSource.of(in), profile.pipeline(Rules.REGISTRY),
                d -> kept.add(origin(d.id())), r -> reasons.putIfAbsent(origin(r.doc().id()), r.reason()), Progress.Listener.NONE);
        Map<String, String> out = new LinkedHashMap<>();
        for (Labelled d : docs) {
            out.put(d.id(), kept.contains(d.id()) ? "keep" : reasons.getOrDefault(d.id(), "dropped"));
        }
        return out;
    }

    private static String origin(String id) {
        int hash = id.indexOf('#');
        return hash < 0 ? id : id.substring(0, hash);
    }

    /** Decision per document id with the given profile, web pages as c4 and wikitext as wikipedia. */
    static Map<String, String> run(String profile, List<Labelled> set) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<Labelled> web = set.stream().filter(d -> !d.kind().equals("wikitext")).toList();
        List<Labelled> wiki = set.stream().filter(d -> d.kind().equals("wikitext")).toList();
        out.putAll(decisions(Profiles.builtIn(profile, SourceKind.C4), web));
        out.putAll(decisions(Profiles.builtIn(profile, SourceKind.WIKIPEDIA), wiki));
        return out;
    }

    /** Share of each label's (and kind's) documents that got the decision the label asks for. */
    static Map<String, double[]> recall(List<Labelled> set, Map<String, String> decisions) {
        Map<String, double[]> out = new TreeMap<>();
        for (Labelled d : set) {
            boolean right = d.label().equals("clean") == decisions.get(d.id()).equals("keep");
            for (String key : List.of(d.label(), d.label() + "/" + d.kind())) {
                double[] c = out.computeIfAbsent(key, k -> new double[2]);
                c[0] += right ? 1 : 0;
                c[1]++;
            }
        }
        return out;
    }

    /** The figures per class and per kind, one line each: recall (right / total). */
    static String report(Map<String, double[]> recall) {
        StringBuilder out = new StringBuilder();
        recall.forEach((k, c) -> out.append(String.format("%-28s %.3f (%d/%d)%n", k, c[0] / c[1], (int) c[0], (int) c[1])));
        return out.toString();
    }

    /** Runs the {@code kiln} profile on a set, prints the figures and checks them against the floors per class and kind. */
    static void check(String resource, boolean target, Map<String, Double> floors) throws IOException {
        List<Labelled> set = load(resource);
        Map<String, String> after = run("kiln", set);
        Map<String, double[]> recall = recall(set, after);
        Map<String, Integer> reasons = new TreeMap<>();
        List<String> lostClean = new ArrayList<>();
        for (Labelled d : set) {
            reasons.merge(d.label() + " " + after.get(d.id()), 1, Integer::sum);
            if (d.label().equals("clean") && !after.get(d.id()).equals("keep")) {
                lostClean.add(d.id() + " " + after.get(d.id()));
            }
        }
        String text = resource + "\n" + report(recall) + reasons + "\nclean pages dropped: " + lostClean + "\n";
        System.out.println(text);
        assertEquals(List.of("clean", "code", "lorem", "policy"), recall.keySet().stream().filter(k -> !k.contains("/")).toList());
        for (String junk : List.of("lorem", "code", "policy")) {
            double[] c = recall.get(junk);
            assertTrue(c[1] >= 40 && (!target || c[0] / c[1] >= 0.95), junk + " drop-recall " + c[0] / c[1] + "\n" + text);
        }
        floors.forEach((key, floor) -> {
            double[] c = recall.get(key);
            assertTrue(c != null && c[0] / c[1] >= floor, key + " recall " + (c == null ? "missing" : c[0] / c[1]) + " < " + floor + "\n" + text);
        });
    }

    /**
     * The tuning set: junk drop-recall >= 0.95 per class; the keep-recall floors are the figures measured when
     * the profile was changed (docs/benchmarks/filter-fidelity.md), so a regression fails here.
     */
    @Test
    void kilnProfileOnTheTuningSet() throws IOException {
        check(TUNING, true, FLOORS_TUNING);
    }

    /**
     * The held-out sets, each built from files the thresholds were not chosen on; from the second on, each was built
     * blind by someone who never ran kiln on it, run once, and tuned on after (docs/benchmarks/filter-fidelity.md).
     * The floors per set are its figures after the last change, rounded down; the first-run figures are in the
     * comments above them, so the gaps to the targets stay visible and a regression fails.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("heldOutSets")
    void kilnProfileOnAHeldOutSet(String resource, Map<String, Double> floors) throws IOException {
        check(resource, false, floors);
    }

    static Stream<Arguments> heldOutSets() {
        return Stream.of(Arguments.of(HELD_OUT, FLOORS_HELD_OUT), Arguments.of(HELD_OUT_2, FLOORS_HELD_OUT_2),
                Arguments.of(HELD_OUT_3, FLOORS_HELD_OUT_3), Arguments.of(HELD_OUT_4, FLOORS_HELD_OUT_4),
                Arguments.of(HELD_OUT_5, FLOORS_HELD_OUT_5), Arguments.of(HELD_OUT_6, FLOORS_HELD_OUT_6),
                Arguments.of(HELD_OUT_7, FLOORS_HELD_OUT_7), Arguments.of(HELD_OUT_8, FLOORS_HELD_OUT_8),
                Arguments.of(HELD_OUT_9, FLOORS_HELD_OUT_9), Arguments.of(HELD_OUT_10, FLOORS_HELD_OUT_10),
                Arguments.of(HELD_OUT_11, FLOORS_HELD_OUT_11),
                Arguments.of(HELD_OUT_12, FLOORS_HELD_OUT_12), Arguments.of(HELD_OUT_13, FLOORS_HELD_OUT_13),
                Arguments.of(HELD_OUT_14, FLOORS_HELD_OUT_14), Arguments.of(HELD_OUT_15, FLOORS_HELD_OUT_15),
                Arguments.of(HELD_OUT_16, FLOORS_HELD_OUT_16));
    }

    /**
     * Measured on the second held-out set, rounded down: first run 0.932 clean; after the code_lines and
     * line_structure changes its clean failures led to (2026-12-07), 0.956, so it is now a tuning set too.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_2 = Map.ofEntries(Map.entry("clean", 0.96), Map.entry("clean/brown-fiction", 1.0),
            Map.entry("clean/perl-pod", 1.0), Map.entry("clean/man", 1.0), Map.entry("clean/man7", 0.875), Map.entry("clean/debian-news", 1.0),
            Map.entry("clean/nodejs-docs", 0.78), Map.entry("clean/wikitext", 0.92), Map.entry("lorem", 0.945), Map.entry("code", 1.0),
            Map.entry("policy", 0.966));

    /**
     * Measured on the third held-out set, rounded down: first run clean 0.923, lorem 0.700, code 0.949, policy
     * 0.730; after the other_language, function_words and attribution changes its failures led to (so it is a
     * tuning set now) the figures below.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_3 = Map.ofEntries(Map.entry("clean", 0.99), Map.entry("clean/gnome-help", 1.0),
            Map.entry("clean/debian-handbook", 1.0), Map.entry("clean/python-docs", 0.97), Map.entry("clean/fortunes", 0.93),
            Map.entry("clean/npm-docs", 0.85), Map.entry("lorem", 0.96), Map.entry("code", 0.985), Map.entry("policy", 0.977));

    /**
     * Measured on the fourth held-out set, rounded down: first run clean 0.881 (Bash manual 0.5, Django 0.88, npm
     * docs 0.63), lorem 0.653 (English placeholder made of real sentences); after the reference-term and shell/make
     * changes its failures led to, and the chrome rule and code_lines formats (2026-12-07, fifth session), below.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_4 = Map.ofEntries(Map.entry("clean", 0.981), Map.entry("clean/installation-guide", 1.0),
            Map.entry("clean/mhcc", 1.0), Map.entry("clean/quotations", 1.0), Map.entry("clean/django-docs", 0.97),
            Map.entry("clean/bash-manual", 1.0), Map.entry("clean/npm-docs", 0.84), Map.entry("lorem", 0.653), Map.entry("code", 0.964),
            Map.entry("policy", 0.975));

    /**
     * Measured on the fifth held-out set at its first run (clean 0.919, code 0.854), then after the chrome rule of
     * line_structure its reference pages led to, and the code_lines formats.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_5 = Map.ofEntries(Map.entry("clean", 0.964), Map.entry("clean/austen", 1.0),
            Map.entry("clean/web-bible", 1.0), Map.entry("clean/treasury-david", 1.0), Map.entry("clean/zsh-manual", 1.0),
            Map.entry("clean/abs-guide", 0.78), Map.entry("lorem", 1.0), Map.entry("code", 0.919), Map.entry("policy", 0.975));

    /**
     * The sixth held-out set (HELDOUT6.md), run once after the chrome rule (clean 0.944, lorem 1.000, code 0.881,
     * policy 0.933), then tuned on for code_lines' INI, Lisp and comment-block formats: today's figures, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_6 = Map.ofEntries(Map.entry("clean", 0.949), Map.entry("clean/reuters-news", 1.0),
            Map.entry("clean/crawl-lore", 1.0), Map.entry("clean/sqlite-doc", 1.0), Map.entry("clean/neovim-user-manual", 1.0),
            Map.entry("clean/haskell-report", 1.0), Map.entry("lorem", 1.0), Map.entry("code", 0.94), Map.entry("code/yaml", 1.0),
            Map.entry("code/sql", 1.0), Map.entry("policy", 0.933), Map.entry("policy/choosealicense", 1.0));

    /**
     * The seventh held-out set (HELDOUT7.md), run once after the sixth set's changes (clean 0.865, lorem 0.840, code
     * 0.881, policy 0.939), then tuned on for type signatures, comment blocks and markup: today's figures.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_7 = Map.ofEntries(Map.entry("clean", 0.864), Map.entry("clean/gimp-manual", 1.0),
            Map.entry("clean/endless-sky-conversations", 1.0), Map.entry("clean/wesnoth-httt", 1.0), Map.entry("clean/aisleriot-rules", 1.0),
            Map.entry("lorem", 0.84), Map.entry("code", 0.915), Map.entry("code/csv", 1.0), Map.entry("code/glsl", 1.0),
            Map.entry("policy", 0.963), Map.entry("policy/mediawiki-notices", 1.0));

    /**
     * The eighth held-out set (HELDOUT8.md), built while the seventh was tuned on and run once after everything: the
     * independent figure of the rules of that day (clean 0.979, lorem 0.865, code 0.940, policy 0.824), then tuned on
     * for licence_text (2026-12-07, sixth session): today's figures, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_8 = Map.ofEntries(Map.entry("clean", 0.979), Map.entry("clean/gnucash-guide", 1.0),
            Map.entry("clean/cdda-notes", 1.0), Map.entry("clean/wesnoth-trow", 1.0), Map.entry("clean/strongs-greek", 1.0),
            Map.entry("lorem", 0.865), Map.entry("code", 0.948), Map.entry("code/svg", 1.0), Map.entry("code/scheme", 1.0),
            Map.entry("policy", 0.911), Map.entry("policy/package-licence", 1.0), Map.entry("policy/doc-licence", 1.0));

    /**
     * The ninth held-out set (HELDOUT9.md), built while licence_text was written and run once after it: the
     * independent figure of today's rules, not tuned on. Floors are that run, rounded down. 26 of its clean pages are
     * not in English (Emacs tutorials, fortune files), which the default profile drops by design (other_language);
     * the English clean pages measure 170/187 = 0.909.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_9 = Map.ofEntries(Map.entry("clean", 0.83), Map.entry("clean/rust-book", 1.0),
            Map.entry("clean/erlang-guides", 1.0), Map.entry("clean/freedroid-dialogue", 1.0), Map.entry("clean/pspp-manual", 1.0),
            Map.entry("lorem", 0.788), Map.entry("code", 0.887), Map.entry("code/cpp", 1.0), Map.entry("code/postscript", 1.0),
            Map.entry("policy", 0.871), Map.entry("policy/doc-licence", 1.0));

    /**
     * The tenth held-out set (HELDOUT10.md, all clean pages in English), built while the ninth was examined and run
     * once at 6eeacdb (clean 0.948, lorem 1.000, code 0.911, policy 0.936); a tuning set since the eleventh was built
     * (seventh session: commands with options, configuration directives, {@code ////} rulers). Floors are the figures
     * after that, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_10 = Map.ofEntries(Map.entry("clean", 0.962), Map.entry("lorem", 1.0),
            Map.entry("code", 0.955), Map.entry("code/fish", 1.0), Map.entry("code/openocd-tcl", 1.0), Map.entry("policy", 0.923));

    /**
     * The eleventh held-out set (HELDOUT11.md, all clean pages in English, almost all technical documentation), built
     * while the tenth was tuned on and run once at 6cf19e0 (clean 0.919, lorem 0.812, code 0.889, policy 0.976); a
     * tuning set since the twelfth was built (Lisp forms, settings commented out, star bullets without a block
     * comment). Floors are the figures after that, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_11 = Map.ofEntries(Map.entry("clean", 0.938), Map.entry("clean/krb5-docs", 1.0),
            Map.entry("clean/libvirt-docs", 1.0), Map.entry("clean/ffmpeg-docs", 1.0), Map.entry("clean/grace-docs", 1.0), Map.entry("lorem", 0.958),
            Map.entry("lorem/django-lorem", 1.0), Map.entry("lorem/faker-br-hacker", 1.0), Map.entry("code", 0.907), Map.entry("code/solidity", 1.0), Map.entry("policy", 0.975),
            Map.entry("policy/doc-licence", 1.0));

    /**
     * The twelfth held-out set (HELDOUT12.md, all clean pages in English: game dialogue and help, quotations, verse,
     * manuals), built while the eleventh was tuned on and run once at 170c5f2 (clean 0.831, lorem 0.587, code 0.897,
     * policy 0.909), tuned on after the thirteenth was built. Floors are its figures after that, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_12 = Map.ofEntries(Map.entry("clean", 0.835), Map.entry("clean/wesnoth-dialogue", 1.0),
            Map.entry("clean/misfortune-quotes", 1.0), Map.entry("clean/colobot-help", 1.0), Map.entry("lorem", 0.869),
            Map.entry("lorem/reportlab-randomtext", 1.0), Map.entry("lorem/hulipsum", 1.0), Map.entry("lorem/data-random-words", 1.0),
            Map.entry("code", 0.92), Map.entry("code/povray-scene", 1.0), Map.entry("policy", 0.922));

    /**
     * The thirteenth held-out set (HELDOUT13.md: English manuals, help and game dialogue; random-word filler in seven
     * languages; configs and source of 65 kinds; cookie declarations), built blind while the twelfth was tuned on and
     * run once at 88a4564 (clean 0.927, lorem 0.978, code 0.960, policy 0.845), tuned on after the fourteenth was
     * built. Floors are its figures after that, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_13 = Map.ofEntries(Map.entry("clean", 0.936), Map.entry("clean/octave-manual", 1.0),
            Map.entry("clean/cmake-docs", 1.0), Map.entry("clean/wesnoth-dialogue", 0.977), Map.entry("lorem", 0.978),
            Map.entry("lorem/dict-word-filler", 1.0), Map.entry("code", 0.96), Map.entry("code/rust", 1.0), Map.entry("code/ruby", 1.0),
            Map.entry("policy", 0.957), Map.entry("policy/cookie-declaration", 0.95), Map.entry("policy/debian-copyright", 0.968));

    /**
     * The fourteenth held-out set (HELDOUT14.md: Sphinx docs of Python libraries, GNOME and KDE help, man pages; word
     * lists in six languages and clich\u00e9 ipsum; code of 27 kinds; Debian copyright files, terms of use and privacy
     * pages, most of them not in English), built blind while the thirteenth was tuned on and run once at ed646a1, not
     * tuned on: the newest independent figure (the same as at 9a04d9b: this session's rules met none of its pages).
     * Floors are that run, rounded down.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_14 = Map.ofEntries(Map.entry("clean", 0.963), Map.entry("clean/varnish-docs", 1.0),
            Map.entry("clean/kde-game-handbook", 0.958), Map.entry("clean/sympa-help", 1.0), Map.entry("lorem", 0.875),
            Map.entry("lorem/word-array-filler", 1.0), Map.entry("lorem/dict-word-filler", 1.0), Map.entry("code", 0.951),
            Map.entry("code/js-npm", 1.0), Map.entry("policy", 0.912), Map.entry("policy/debian-copyright", 0.956));

    /**
     * The fifteenth held-out set (HELDOUT15.md: Sphinx docs, KDE and GNOME help, the Jargon File, MIT Scheme manuals;
     * word lists; code of 63 kinds; Debian copyright files and government services' privacy, cookie and terms pages),
     * built blind while the fourteenth was examined and run once at aec3905 (clean 0.934). Not looked at while ef3bae6's
     * line_structure change was made on the fourteenth; after it clean is 0.983 and no junk page changed. A tuning set
     * since the sixteenth was built.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_15 = Map.ofEntries(Map.entry("clean", 0.983), Map.entry("lorem", 0.978),
            Map.entry("code", 0.96), Map.entry("policy", 0.905));

    /**
     * The sixteenth held-out set (HELDOUT16.md: Sphinx docs of Python libraries, GNOME and KDE help, man pages' key
     * lists; word-list and template placeholders; Debian copyright files and browser privacy settings), built blind
     * while the fourteenth was tuned on and run once at ef3bae6 (clean 0.922, lorem 0.957, code 0.968, policy 0.730;
     * at 15b9714, before that session's line_structure change: clean 0.899, lorem 1.000, policy 0.743). Not tuned on.
     */
    static final Map<String, Double> FLOORS_HELD_OUT_16 = Map.ofEntries(Map.entry("clean", 0.921), Map.entry("lorem", 0.956),
            Map.entry("code", 0.967), Map.entry("policy", 0.729));

    /** Measured on the tuning set when the profile was last changed, rounded down. */
    static final Map<String, Double> FLOORS_TUNING = Map.ofEntries(Map.entry("clean", 0.954), Map.entry("clean/scofield", 1.0),
            Map.entry("clean/kjv", 1.0), Map.entry("clean/bierce", 1.0), Map.entry("clean/man", 0.94), Map.entry("clean/debian-readme", 0.94),
            Map.entry("clean/nodejs-docs", 0.72), Map.entry("clean/wikitext", 0.93), Map.entry("lorem", 1.0), Map.entry("code", 0.993),
            Map.entry("policy", 0.971), Map.entry("policy/common-licenses", 1.0));

    /** Measured on the held-out set, rounded down. */
    static final Map<String, Double> FLOORS_HELD_OUT = Map.ofEntries(Map.entry("clean", 0.97), Map.entry("clean/scofield", 1.0),
            Map.entry("clean/kjv-nt", 1.0), Map.entry("clean/kjv-ot", 1.0), Map.entry("clean/man", 0.97), Map.entry("clean/debian-readme", 0.95),
            Map.entry("clean/nodejs-docs", 0.79), Map.entry("clean/jargon", 1.0), Map.entry("lorem", 0.978), Map.entry("code", 1.0),
            Map.entry("code/c-header", 1.0), Map.entry("code/python", 1.0), Map.entry("policy", 0.98));
}
