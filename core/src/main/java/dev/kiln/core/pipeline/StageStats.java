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

    /**
     * The sum of this and {@code o}, two counts of the same stage (e.g. the runs over two input files of
     * one source): every counter and drop reason added. Neither operand changes.
     *
     * @throws IllegalArgumentException if the stages have different names
     */
    public StageStats plus(StageStats o) {
        if (!name.equals(o.name)) {
            throw new IllegalArgumentException("cannot add statistics of stage " + o.name + " to " + name);
        }
        StageStats sum = new StageStats(name);
        sum.add(this);
        sum.add(o);
        return sum;
    }

    /** Reads back what {@link #toMap()} wrote (time at its millisecond resolution). */
    public static StageStats fromMap(Map<String, ?> m) {
        StageStats s = new StageStats((String) m.get("stage"));
        s.docsIn = number(m, "docs_in");
        s.docsOut = number(m, "docs_out");
        s.charsIn = number(m, "chars_in");
        s.charsOut = number(m, "chars_out");
        s.nanos = Math.round(((Number) m.get("seconds")).doubleValue() * 1e9);
        if (m.get("dropped_by_reason") instanceof Map<?, ?> d) {
            d.forEach((k, v) -> s.dropped.put((String) k, ((Number) v).longValue()));
        }
        return s;
    }

    static long number(Map<String, ?> m, String key) {
        if (!(m.get(key) instanceof Number n)) {
            throw new IllegalArgumentException("statistics without a number for " + key + ": " + m.keySet());
        }
        return n.longValue();
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
