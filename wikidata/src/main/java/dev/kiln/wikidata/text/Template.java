package dev.kiln.wikidata.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled sentence template such as {@code {subject} was born {object|on}.}
 *
 * <p>Placeholders: {@code {subject}}, {@code {property}}, {@code {object}} (all objects joined as
 * "A, B and C"), {@code {object|a}} (each object with its indefinite article: "a country and an island"),
 * {@code {object|on}} (dates: "on 1952-03-11", "in 1952-03", "in 1952"). Every template must name the
 * subject and the object, so each sentence states its fact in full. Immutable.
 */
public final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)(?:\\|([a-z]+))?}");
    private static final Pattern DAY_PRECISION = Pattern.compile("^-?\\d+-\\d\\d-\\d\\d");

    private enum Kind { LITERAL, SUBJECT, PROPERTY, OBJECT, OBJECT_A, OBJECT_ON }

    private record Part(Kind kind, String text) {
    }

    private final String source;
    private final List<Part> parts;

    private Template(String source, List<Part> parts) {
        this.source = source;
        this.parts = List.copyOf(parts);
    }

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException naming the problem: an unknown placeholder, or no subject or object
     */
    public static Template compile(String text) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        int last = 0;
        boolean subject = false;
        boolean object = false;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Part(Kind.LITERAL, text.substring(last, m.start())));
            }
            String name = m.group(1);
            String mod = m.group(2);
            Kind k = switch (name + (mod == null ? "" : "|" + mod)) {
                case "subject" -> Kind.SUBJECT;
                case "property" -> Kind.PROPERTY;
                case "object" -> Kind.OBJECT;
                case "object|a" -> Kind.OBJECT_A;
                case "object|on" -> Kind.OBJECT_ON;
                default -> throw new IllegalArgumentException("unknown placeholder " + m.group()
                        + " (known: {subject}, {property}, {object}, {object|a}, {object|on})");
            };
            subject |= k == Kind.SUBJECT;
            object |= k == Kind.OBJECT || k == Kind.OBJECT_A || k == Kind.OBJECT_ON;
            parts.add(new Part(k, null));
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(new Part(Kind.LITERAL, text.substring(last)));
        }
        if (!subject || !object) {
            throw new IllegalArgumentException("template must contain {subject} and an {object...} placeholder: " + text);
        }
        return new Template(text, parts);
    }

    /** Renders the sentence for {@code subject}'s {@code property} with {@code objects} (at least one). */
    public String render(String subject, String property, List<String> objects) {
        StringBuilder sb = new StringBuilder(64);
        for (Part p : parts) {
            switch (p.kind) {
                case LITERAL -> sb.append(p.text);
                case SUBJECT -> sb.append(subject);
                case PROPERTY -> sb.append(property);
                case OBJECT -> Join.and(objects, sb);
                case OBJECT_A -> Join.and(objects.stream().map(Template::withArticle).toList(), sb);
                case OBJECT_ON -> sb.append(DAY_PRECISION.matcher(objects.getFirst()).find() ? "on " : "in ")
                        .append(Join.and(objects, new StringBuilder()));
            }
        }
        return sb.toString();
    }

    /** "a country", "an element", "a U.S. state", "a university". */
    static String withArticle(String noun) {
        if (noun.isEmpty()) {
            return noun;
        }
        String lower = noun.toLowerCase(Locale.ROOT);
        boolean vowel = "aeiou".indexOf(lower.charAt(0)) >= 0;
        if (lower.startsWith("u.") || lower.startsWith("uni") || lower.startsWith("use") || lower.startsWith("usu")
                || lower.startsWith("eu") || lower.startsWith("one") || lower.startsWith("once")) {
            vowel = false;
        } else if (lower.startsWith("hour") || lower.startsWith("honor") || lower.startsWith("honour") || lower.startsWith("heir")) {
            vowel = true;
        }
        return (vowel ? "an " : "a ") + noun;
    }

    @Override
    public String toString() {
        return source;
    }
}
