package dev.kiln.wikidata;

import java.util.Objects;

/**
 * One statement: subject, property and object, each with an English label and, where the input has one,
 * an id. Readers produce triples with the object as written in the input (a Wikidata time such as
 * {@code +1952-03-11T00:00:00Z}, a quantity such as {@code +66553766}); {@link Normalizer} turns them
 * into the text form kiln writes.
 *
 * @param subjectId QID or source key ({@code Q42}, {@code iso3166:FRA}); the subject label when the input
 *        has no ids (Loka TSV)
 * @param subject subject label, never blank
 * @param propertyId PID ({@code P31}) or empty when unknown
 * @param property property label, never blank
 * @param objectId QID/PID/source key of an entity object, or empty for literals and unknown entities
 * @param object the object's label (entities) or value (literals), never null
 * @param datatype the property's datatype, {@link Datatype#UNKNOWN} when the input does not say
 * @param unit for quantities, the unit's label or QID, else empty
 */
public record Triple(String subjectId, String subject, String propertyId, String property,
                     String objectId, String object, Datatype datatype, String unit) {

    public Triple {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(subject, "subject");
        propertyId = propertyId == null ? "" : propertyId;
        Objects.requireNonNull(property, "property");
        objectId = objectId == null ? "" : objectId;
        Objects.requireNonNull(object, "object");
        datatype = datatype == null ? Datatype.UNKNOWN : datatype;
        unit = unit == null ? "" : unit;
    }

    /** A label-only triple as in Loka's {@code subject TAB predicate TAB object} lines. */
    public static Triple ofLabels(String subject, String property, String object) {
        return new Triple(subject, subject, "", property, "", object, Datatype.UNKNOWN, "");
    }

    /** This triple with another object text (normalization keeps everything else). */
    public Triple withObject(String newObject) {
        return new Triple(subjectId, subject, propertyId, property, objectId, newObject, datatype, unit);
    }

    /** This triple with another datatype (resolved from the property table). */
    public Triple withDatatype(Datatype newType) {
        return new Triple(subjectId, subject, propertyId, property, objectId, object, newType, unit);
    }

    /** The key properties are matched on in templates and tables: the PID when known, else the label. */
    public String propertyKey() {
        return propertyId.isEmpty() ? property : propertyId;
    }
}
