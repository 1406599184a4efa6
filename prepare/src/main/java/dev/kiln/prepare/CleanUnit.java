package dev.kiln.prepare;

import java.util.Map;

/**
 * Statistics of one clean unit (an input file; all files of a Wikidata source): the pipeline run and its
 * bad input records by kind. What step 1 records per unit, whichever engine ran it.
 *
 * @param run        the unit's {@code RunStats} as a map
 * @param badRecords bad input records by kind
 */
public record CleanUnit(Map<String, Object> run, Map<String, Long> badRecords) implements java.io.Serializable {

    /** Documents the unit wrote. */
    public long docsWritten() {
        return ((Number) run.get("docs_written")).longValue();
    }
}
