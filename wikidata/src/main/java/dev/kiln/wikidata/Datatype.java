package dev.kiln.wikidata;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Wikidata property datatypes, by their JSON-dump names ({@code wikibase-item}, {@code external-id}, ...).
 * {@link #UNKNOWN} is for inputs that carry no datatype and a property kiln has no record of; such
 * values are treated as strings (only the value-shape checks of {@link Normalizer} apply).
 */
public enum Datatype {
    WIKIBASE_ITEM("wikibase-item"),
    WIKIBASE_PROPERTY("wikibase-property"),
    STRING("string"),
    QUANTITY("quantity"),
    TIME("time"),
    MONOLINGUALTEXT("monolingualtext"),
    EXTERNAL_ID("external-id"),
    URL("url"),
    COMMONS_MEDIA("commonsMedia"),
    MATH("math"),
    WIKIBASE_SENSE("wikibase-sense"),
    WIKIBASE_LEXEME("wikibase-lexeme"),
    WIKIBASE_FORM("wikibase-form"),
    ENTITY_SCHEMA("entity-schema"),
    GLOBE_COORDINATE("globe-coordinate"),
    GEO_SHAPE("geo-shape"),
    MUSICAL_NOTATION("musical-notation"),
    TABULAR_DATA("tabular-data"),
    UNKNOWN("unknown");

    private static final Map<String, Datatype> BY_ID = new HashMap<>();

    static {
        for (Datatype d : values()) {
            BY_ID.put(d.id.toLowerCase(Locale.ROOT), d);
        }
    }

    private final String id;

    Datatype(String id) {
        this.id = id;
    }

    /** The name Wikidata uses, e.g. {@code globe-coordinate}. */
    public String id() {
        return id;
    }

    /** The datatype named {@code id} (case-insensitive), or {@link #UNKNOWN}. */
    public static Datatype of(String id) {
        if (id == null) {
            return UNKNOWN;
        }
        Datatype d = BY_ID.get(id.toLowerCase(Locale.ROOT));
        return d == null ? UNKNOWN : d;
    }

    /** Snake-case name used in statistics keys ({@code external_id}). */
    public String statName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
