package dev.kiln.wikidata;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which triples {@link Normalizer} keeps.
 *
 * @param dropDatatypes datatypes whose values are noise for training text; Loka's list by default
 *        (external-id, url, commonsMedia, math, lexeme/sense/form, entity-schema, globe-coordinate,
 *        geo-shape, musical-notation, tabular-data)
 * @param keepProperties PIDs kept even though their datatype is dropped. {@link #DEFAULT} keeps the ISO
 *        639/3166/4217/15924 codes: they are Wikidata external-ids, but a language's or country's own code
 *        is a fact about it (and a frequent question), unlike a VIAF or GND record number.
 *        {@link #LOKA} keeps none, reproducing Loka exactly
 */
public record NormalizeConfig(Set<Datatype> dropDatatypes, Set<String> keepProperties) {

    /** Loka's dropped datatypes. */
    public static final Set<Datatype> LOKA_DROPPED = Set.copyOf(EnumSet.of(
            Datatype.EXTERNAL_ID, Datatype.URL, Datatype.COMMONS_MEDIA, Datatype.MATH, Datatype.WIKIBASE_SENSE,
            Datatype.WIKIBASE_LEXEME, Datatype.WIKIBASE_FORM, Datatype.ENTITY_SCHEMA, Datatype.GLOBE_COORDINATE,
            Datatype.GEO_SHAPE, Datatype.MUSICAL_NOTATION, Datatype.TABULAR_DATA));

    /** ISO code properties kept by {@link #DEFAULT}. */
    public static final Set<String> ISO_CODES = Set.of(
            "P218", "P219", "P220", "P221", "P297", "P298", "P299", "P300", "P498", "P506");

    /** Loka's rules, plus the ISO codes. */
    public static final NormalizeConfig DEFAULT = new NormalizeConfig(LOKA_DROPPED, ISO_CODES);

    /** Exactly Loka's rules: every external-id dropped. */
    public static final NormalizeConfig LOKA = new NormalizeConfig(LOKA_DROPPED, Set.of());

    public NormalizeConfig {
        if (dropDatatypes.contains(Datatype.UNKNOWN)) {
            throw new IllegalArgumentException("drop_datatypes cannot contain 'unknown': inputs without datatypes would lose every triple");
        }
        dropDatatypes = Set.copyOf(dropDatatypes);
        keepProperties = Set.copyOf(keepProperties);
    }
}
