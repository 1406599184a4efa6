package dev.kiln.wikidata.text;

import dev.kiln.wikidata.Triple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the normalized triples of one subject into the text of one document.
 *
 * <p>In {@link Mode#TEXT} the triples are grouped by property; each property gives one sentence from its
 * template, with all its objects joined ("A, B and C", duplicates removed). {@code instance of} and
 * {@code subclass of} come first, the other properties in the order they first appear; every template
 * names the subject, so the first sentence does. {@link Mode#RAW} writes Loka lines and
 * {@link Mode#LINEAR} one KELM-style line, both in input order.
 *
 * <p>Deterministic: the text depends only on the triples, the templates and, when {@code vary} is on, the
 * seed; a variant is chosen by hashing (seed, subject id, property), so it does not depend on the order
 * subjects arrive in or on threads. Immutable and thread-safe.
 */
public final class Verbalizer {

    private static final Set<String> LEAD = Set.of("P31", "P279", "instance of", "subclass of");

    private final Mode mode;
    private final Templates templates;
    private final boolean vary;
    private final long seed;

    /**
     * @param mode text, raw or linear
     * @param templates sentence templates (text mode)
     * @param vary pick among template variants by seed instead of always the first
     * @param seed seed for the variant choice
     */
    public Verbalizer(Mode mode, Templates templates, boolean vary, long seed) {
        this.mode = mode;
        this.templates = templates;
        this.vary = vary;
        this.seed = seed;
    }

    public Mode mode() {
        return mode;
    }

    /** The text for {@code triples}, all about one subject (non-empty). */
    public String verbalize(List<Triple> triples) {
        return switch (mode) {
            case TEXT -> text(triples);
            case RAW -> raw(triples);
            case LINEAR -> linear(triples);
        };
    }

    private String text(List<Triple> triples) {
        Map<String, List<Triple>> byProperty = new LinkedHashMap<>();
        for (Triple t : triples) {
            byProperty.computeIfAbsent(t.propertyKey(), k -> new ArrayList<>()).add(t);
        }
        List<List<Triple>> groups = new ArrayList<>(byProperty.size());
        for (List<Triple> g : byProperty.values()) {
            if (isLead(g.getFirst())) {
                groups.add(g);
            }
        }
        for (List<Triple> g : byProperty.values()) {
            if (!isLead(g.getFirst())) {
                groups.add(g);
            }
        }
        StringBuilder sb = new StringBuilder(64 * groups.size());
        String subject = triples.getFirst().subject();
        for (List<Triple> g : groups) {
            Set<String> objects = new LinkedHashSet<>();
            for (Triple t : g) {
                objects.add(t.object());
            }
            Triple first = g.getFirst();
            List<Template> variants = templates.lookup(first.propertyId(), first.property(), objects.size() > 1);
            Template tpl = variants.get(vary ? pick(first, variants.size()) : 0);
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(tpl.render(subject, first.property(), List.copyOf(objects)));
        }
        return sb.toString();
    }

    private static boolean isLead(Triple t) {
        return LEAD.contains(t.propertyId()) || t.propertyId().isEmpty() && LEAD.contains(t.property());
    }

    private int pick(Triple t, int n) {
        if (n == 1) {
            return 0;
        }
        long h = seed * 0x9E3779B97F4A7C15L;
        h = mix(h ^ t.subjectId().hashCode());
        h = mix(h ^ t.propertyKey().hashCode());
        return (int) Long.remainderUnsigned(h, n);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String raw(List<Triple> triples) {
        StringBuilder sb = new StringBuilder(48 * triples.size());
        for (Triple t : triples) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(t.subject()).append('\t').append(t.property()).append('\t').append(t.object());
        }
        return sb.toString();
    }

    private static String linear(List<Triple> triples) {
        StringBuilder sb = new StringBuilder(32 * triples.size());
        sb.append(triples.getFirst().subject());
        for (Triple t : triples) {
            sb.append(' ').append(t.property()).append(' ').append(t.object());
        }
        return sb.toString();
    }
}
