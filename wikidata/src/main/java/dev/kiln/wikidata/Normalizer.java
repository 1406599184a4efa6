package dev.kiln.wikidata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies Loka's normalization to triples and decides which to keep.
 *
 * <p>Dropped (counted by reason in {@link TripleStats}): values of a dropped datatype
 * ({@code datatype_external_id}, {@code datatype_globe_coordinate}, ...); values (other than times and
 * quantities) shaped like noise, whatever their datatype says: URLs ({@code url_value}, {@code ^(https?|ftp|irc|ircs|mailto)://}),
 * DOIs ({@code doi_value}), bare ids of 8+ digits in strings ({@code long_numeric_id}), coordinates
 * ({@code coordinate_value}) and media file names ({@code media_value}); empty objects
 * ({@code empty_object}); entities whose only name is their id ({@code unresolved_label}); Loka provenance
 * rows ({@code provenance}).
 *
 * <p>Rewritten: times {@code +1952-03-11T00:00:00Z} → {@code 1952-03-11} with honest precision
 * ({@code +1776-00-00T00:00:00Z} → {@code 1776}, {@code 1828-05-00} → {@code 1828-05}), a leading {@code +}
 * dropped, BCE {@code -} kept, a non-zero time of day kept as {@code THH:MM:SS}; quantities lose a leading
 * {@code +} and gain their unit's label when known ({@code 1.0079 daltons}); {@code "text"@fr} and
 * {@code "v"^^<type>} lose their suffixes; tabs and line breaks inside labels become spaces.
 *
 * <p>Not thread-safe: it counts into one {@link TripleStats}.
 */
public final class Normalizer {

    private static final Pattern URL = Pattern.compile("^(https?|ftp|irc|ircs|mailto)://", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOI = Pattern.compile("^10\\.\\d{4,9}/");
    private static final Pattern LONG_ID = Pattern.compile("^\\d{8,}$");
    private static final Pattern COORDINATE = Pattern.compile(
            "^(Point\\(\\s*-?\\d+(\\.\\d+)?\\s+-?\\d+(\\.\\d+)?\\s*\\)|-?\\d{1,3}(\\.\\d+)?\\s*,\\s*-?\\d{1,3}(\\.\\d+)?)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern MEDIA = Pattern.compile(
            "\\.(jpe?g|png|svg|gif|tiff?|webp|ogg|oga|ogv|webm|mp3|wav|flac|pdf|djvu|stl)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "^([+-]?)(\\d{1,16})(?:-(\\d\\d)(?:-(\\d\\d)(?:T(\\d\\d):(\\d\\d):(\\d\\d)Z?)?)?)?$");
    private static final Pattern FULL_TIME = Pattern.compile("^[+-]\\d{4,}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$");
    private static final Pattern SIGNED_NUMBER = Pattern.compile("^\\+\\d+(\\.\\d+)?([eE][+-]?\\d+)?$");
    private static final Pattern LANG_SUFFIX = Pattern.compile("^\"(.*)\"(@[A-Za-z][A-Za-z0-9-]*|\\^\\^<[^>]*>)$");
    private static final String PROVENANCE = "http://loka.dev/provenance/";
    private static final String ENTITY_PREFIX = "http://www.wikidata.org/entity/";

    private final NormalizeConfig config;
    private final PropertyTable table;
    private final TripleStats stats;

    /**
     * @param config what to keep
     * @param table property datatypes and unit labels for inputs without them
     * @param stats where counts go
     */
    public Normalizer(NormalizeConfig config, PropertyTable table, TripleStats stats) {
        this.config = config;
        this.table = table;
        this.stats = stats;
    }

    /** The normalized triple, or null when it is dropped (the reason is counted). */
    public Triple normalize(Triple t) {
        stats.read();
        String subject = clean(t.subject());
        String property = clean(t.property());
        String object = clean(t.object());
        if (subject.startsWith(PROVENANCE) || property.startsWith(PROVENANCE) || object.startsWith(PROVENANCE)) {
            return drop("provenance");
        }
        if (object.isEmpty()) {
            return drop("empty_object");
        }
        if (object.equals(t.objectId()) || property.equals(t.propertyId()) && !property.isEmpty()) {
            return drop("unresolved_label");
        }
        Datatype type = t.datatype() != Datatype.UNKNOWN ? t.datatype() : table.datatype(t.propertyId(), property);
        if (config.dropDatatypes().contains(type) && !config.keepProperties().contains(t.propertyId())) {
            return drop("datatype_" + type.statName());
        }
        if (object.charAt(0) == '"') {
            Matcher m = LANG_SUFFIX.matcher(object);
            if (m.matches()) {
                object = m.group(1);
                stats.normalized("literal_suffix");
            }
        }
        switch (type) {
            case TIME -> object = time(object);
            case QUANTITY -> object = quantity(object, t.unit());
            default -> {
                String reason = noiseShape(object, type);
                if (reason != null) {
                    return drop(reason);
                }
                if (type == Datatype.UNKNOWN && (object.charAt(0) == '+' || object.charAt(0) == '-')
                        && FULL_TIME.matcher(object).matches()) {
                    object = time(object);
                }
            }
        }
        stats.kept();
        return new Triple(t.subjectId(), subject, t.propertyId(), property, t.objectId(), object, type, t.unit());
    }

    private String noiseShape(String v, Datatype type) {
        // cheap character tests first: the regexes run only on values that could match
        if (v.indexOf("://") > 0 && URL.matcher(v).find()) {
            return "url_value";
        }
        char c = v.charAt(0);
        boolean digit = c >= '0' && c <= '9';
        if (digit && v.startsWith("10.") && DOI.matcher(v).find()) {
            return "doi_value";
        }
        boolean idLike = type == Datatype.STRING || type == Datatype.UNKNOWN || type == Datatype.EXTERNAL_ID;
        if (idLike && digit && v.length() >= 8 && LONG_ID.matcher(v).matches()) {
            return "long_numeric_id";
        }
        if ((digit || c == '-' || c == 'P' || c == 'p') && (v.indexOf(',') > 0 || v.indexOf('(') > 0)
                && COORDINATE.matcher(v).matches()) {
            return "coordinate_value";
        }
        int dot = v.lastIndexOf('.');
        if (dot > 0 && dot >= v.length() - 5 && v.length() < 256 && MEDIA.matcher(v).find()) {
            return "media_value";
        }
        return null;
    }

    /** {@code +1952-03-11T00:00:00Z} → {@code 1952-03-11}; zero month/day shorten the date; other text stays. */
    String time(String v) {
        Matcher m = TIME.matcher(v);
        if (!m.matches()) {
            stats.normalized("time_unparsed");
            return v;
        }
        StringBuilder sb = new StringBuilder(20);
        if (m.group(1).equals("-")) {
            sb.append('-');
        }
        sb.append(m.group(2));
        String month = m.group(3);
        String day = m.group(4);
        if (month != null && !month.equals("00")) {
            sb.append('-').append(month);
            if (day != null && !day.equals("00")) {
                sb.append('-').append(day);
                String hh = m.group(5);
                if (hh != null && !(hh.equals("00") && m.group(6).equals("00") && m.group(7).equals("00"))) {
                    sb.append('T').append(hh).append(':').append(m.group(6)).append(':').append(m.group(7));
                }
            }
        }
        String out = sb.toString();
        if (!out.equals(v)) {
            stats.normalized("time");
        }
        return out;
    }

    /** {@code +1.0079} with unit {@code Q483261} → {@code 1.0079 daltons}. */
    String quantity(String v, String unit) {
        String out = SIGNED_NUMBER.matcher(v).matches() ? v.substring(1) : v;
        if (!unit.isEmpty() && !unit.equals("1")) {
            String qid = unit.startsWith(ENTITY_PREFIX) ? unit.substring(ENTITY_PREFIX.length()) : unit;
            String label = isEntityId(qid) ? table.unitLabel(qid) : qid;
            if (label == null) {
                stats.normalized("quantity_unit_unknown");
            } else {
                out = out + " " + label;
            }
        }
        if (!out.equals(v)) {
            stats.normalized("quantity");
        }
        return out;
    }

    private Triple drop(String reason) {
        stats.drop(reason);
        return null;
    }

    static boolean isEntityId(String s) {
        if (s.length() < 2) {
            return false;
        }
        char c = s.charAt(0);
        if (c != 'Q' && c != 'P' && c != 'L') {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** Tabs and line breaks become spaces; surrounding space is removed. */
    static String clean(String s) {
        boolean dirty = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\t' || c == '\n' || c == '\r') {
                dirty = true;
                break;
            }
        }
        String t = dirty ? s.replaceAll("[\\t\\r\\n]+", " ") : s;
        return t.strip();
    }
}
