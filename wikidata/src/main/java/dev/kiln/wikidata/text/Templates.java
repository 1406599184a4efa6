package dev.kiln.wikidata.text;

import dev.kiln.core.io.BadInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sentence templates per property, read from a tab-separated file: {@code key TAB form TAB template}.
 *
 * <p>{@code key} is a property id ({@code P569}) or an English property label ({@code date of birth},
 * matched case-insensitively, which is all Loka's label-only lines offer), or {@code *} for the fallback.
 * {@code form} is {@code one} (a single object), {@code many} (several) or {@code any}. Several lines with
 * the same key and form are variants: the first is used unless seeded variation is on. {@code #} starts a
 * comment line. See {@link Template} for placeholders.
 *
 * <p>The bundled {@code templates.tsv} covers common properties; a user file given with
 * {@link #withOverrides} replaces the bundled entries for each key and form it names and adds new ones.
 * Lookup tries the id, then the label, then {@code *}. Immutable and thread-safe.
 */
public final class Templates {

    /** Resource name of the bundled file. */
    public static final String BUNDLED = "/dev/kiln/wikidata/templates.tsv";

    private final Map<String, List<Template>> one;
    private final Map<String, List<Template>> many;

    private Templates(Map<String, List<Template>> one, Map<String, List<Template>> many) {
        if (!one.containsKey("*") || !many.containsKey("*")) {
            throw new IllegalArgumentException("templates need a fallback: a line with key '*' for forms one and many");
        }
        this.one = Map.copyOf(one);
        this.many = Map.copyOf(many);
    }

    /** The bundled templates. */
    public static Templates bundled() {
        try (InputStream in = Templates.class.getResourceAsStream(BUNDLED)) {
            Map<String, List<Template>> one = new HashMap<>();
            Map<String, List<Template>> many = new HashMap<>();
            parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), "templates.tsv", one, many);
            return new Templates(one, many);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** These templates with the entries of {@code file} replacing or adding to them. */
    public Templates withOverrides(Path file) throws IOException {
        Map<String, List<Template>> addOne = new LinkedHashMap<>();
        Map<String, List<Template>> addMany = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            parse(r, file.toString(), addOne, addMany);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadInputException(file + ": templates file is not valid UTF-8");
        }
        Map<String, List<Template>> o = new HashMap<>(one);
        Map<String, List<Template>> m = new HashMap<>(many);
        o.putAll(addOne);
        m.putAll(addMany);
        return new Templates(o, m);
    }

    private static void parse(BufferedReader r, String name, Map<String, List<Template>> one,
                              Map<String, List<Template>> many) throws IOException {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 3) {
                throw new BadInputException(name + ":" + n + ": expected 'key TAB form TAB template', got "
                        + f.length + " field(s)");
            }
            String key = key(f[0].strip());
            Template t;
            try {
                t = Template.compile(f[2].strip());
            } catch (IllegalArgumentException e) {
                throw new BadInputException(name + ":" + n + ": " + e.getMessage());
            }
            switch (f[1].strip()) {
                case "one" -> one.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                case "many" -> many.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                case "any" -> {
                    one.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                    many.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
                }
                default -> throw new BadInputException(name + ":" + n + ": form must be one, many or any: '" + f[1] + "'");
            }
        }
    }

    private static String key(String k) {
        return k.matches("[PQ]\\d+") ? k : k.toLowerCase(Locale.ROOT);
    }

    /**
     * The variants for a property (never empty): by id, else by label, else the fallback.
     *
     * @param propertyId PID or empty
     * @param label English label
     * @param several whether there is more than one object
     */
    public List<Template> lookup(String propertyId, String label, boolean several) {
        Map<String, List<Template>> map = several ? many : one;
        List<Template> t = propertyId.isEmpty() ? null : map.get(propertyId);
        if (t == null) {
            t = map.get(label.toLowerCase(Locale.ROOT));
        }
        return t != null ? t : map.get("*");
    }

    /** Whether a template other than the fallback exists for the property. */
    public boolean covers(String propertyId, String label) {
        return (!propertyId.isEmpty() && one.containsKey(propertyId)) || one.containsKey(label.toLowerCase(Locale.ROOT));
    }
}
