package dev.kiln.wikidata;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of what happened to triples: read, kept, dropped per reason ({@code datatype_external_id},
 * {@code url_value}, ...) and normalized per kind ({@code time}, {@code quantity}). Keys are stable
 * snake_case strings for the run's statistics JSON. Not thread-safe (one reader thread owns it).
 */
public final class TripleStats {

    private long read;
    private long kept;
    private final Map<String, Long> dropped = new TreeMap<>();
    private final Map<String, Long> normalized = new TreeMap<>();

    void read() {
        read++;
    }

    void kept() {
        kept++;
    }

    void drop(String reason) {
        dropped.merge(reason, 1L, Long::sum);
    }

    /**
     * Counts a triple that a reader dropped before normalization (a deprecated statement, a
     * {@code novalue} snak): it is counted as read and as dropped for {@code reason}.
     */
    public void droppedByReader(String reason) {
        read++;
        drop(reason);
    }

    void normalized(String kind) {
        normalized.merge(kind, 1L, Long::sum);
    }

    /** Triples that reached the normalizer. */
    public long triplesRead() {
        return read;
    }

    /** Triples kept. */
    public long triplesKept() {
        return kept;
    }

    /** Triples dropped, in total. */
    public long triplesDropped() {
        return dropped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Dropped triples per reason, sorted by reason. */
    public Map<String, Long> dropped() {
        return Collections.unmodifiableMap(dropped);
    }

    /** Values rewritten per kind ({@code time}, {@code quantity}, {@code quantity_unit_unknown}, ...). */
    public Map<String, Long> normalized() {
        return Collections.unmodifiableMap(normalized);
    }
}
