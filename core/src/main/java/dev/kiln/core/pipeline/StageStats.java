package dev.kiln.core.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counters of one stage: documents and characters in and out, drops per reason, time spent in the
 * stage itself (excluding the stages after it). Characters are UTF-16 units ({@code String.length()}).
 * Each worker owns its own instance; the runner merges them at the end, so counting needs no locks.
 */
public final class StageStats {

    private final String name;
    long docsIn;
    long docsOut;
    long charsIn;
    long charsOut;
    long nanos;
    final Map<String, Long> dropped = new TreeMap<>();

    StageStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public long docsIn() {
        return docsIn;
    }

    public long docsOut() {
        return docsOut;
    }

    public long charsIn() {
        return charsIn;
    }

    public long charsOut() {
        return charsOut;
    }

    public long nanos() {
        return nanos;
    }

    /** Drops per reason, sorted by reason. */
    public Map<String, Long> dropped() {
        return Map.copyOf(dropped);
    }

    public long droppedTotal() {
        long n = 0;
        for (long v : dropped.values()) {
            n += v;
        }
        return n;
    }

    void drop(String reason) {
        dropped.merge(reason, 1L, Long::sum);
    }

    void add(StageStats o) {
        docsIn += o.docsIn;
        docsOut += o.docsOut;
        charsIn += o.charsIn;
        charsOut += o.charsOut;
        nanos += o.nanos;
        o.dropped.forEach((k, v) -> dropped.merge(k, v, Long::sum));
    }

    /** As a JSON-ready map (for the run's metadata file). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stage", name);
        m.put("docs_in", docsIn);
        m.put("docs_out", docsOut);
        m.put("dropped", droppedTotal());
        m.put("chars_in", charsIn);
        m.put("chars_out", charsOut);
        m.put("seconds", Math.round(nanos / 1e6) / 1e3);
        m.put("dropped_by_reason", new TreeMap<>(dropped));
        return m;
    }
}
