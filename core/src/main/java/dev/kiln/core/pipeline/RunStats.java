package dev.kiln.core.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a pipeline run did: documents, characters and bytes read, per-stage counts with drops per reason,
 * documents written, threads and time. {@link #toMap()} is what goes into the run's metadata JSON;
 * {@link #summaryTable()} is what is printed at the end.
 */
public record RunStats(int threads, long docsRead, long charsRead, long bytesRead, long docsWritten,
                       List<StageStats> stages, long elapsedNanos) {

    public RunStats {
        stages = List.copyOf(stages);
    }

    public double seconds() {
        return elapsedNanos / 1e9;
    }

    /** Statistics of one stage by name, or null. */
    public StageStats stage(String name) {
        for (StageStats s : stages) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /**
     * The sum of two runs of the same pipeline (e.g. over two input files of one source): documents,
     * characters, bytes and time added, stages added position by position. {@code threads} is this run's.
     *
     * @throws IllegalArgumentException if the pipelines differ
     */
    public RunStats plus(RunStats o) {
        if (stages.size() != o.stages.size()) {
            throw new IllegalArgumentException("cannot add statistics of a " + o.stages.size() + "-stage run to a "
                    + stages.size() + "-stage run");
        }
        List<StageStats> sum = new ArrayList<>(stages.size());
        for (int i = 0; i < stages.size(); i++) {
            sum.add(stages.get(i).plus(o.stages.get(i)));
        }
        return new RunStats(threads, docsRead + o.docsRead, charsRead + o.charsRead, bytesRead + o.bytesRead,
                docsWritten + o.docsWritten, sum, elapsedNanos + o.elapsedNanos);
    }

    /** Reads back what {@link #toMap()} wrote (time at its millisecond resolution; rates are derived). */
    public static RunStats fromMap(Map<String, ?> m) {
        List<StageStats> st = new ArrayList<>();
        if (m.get("stages") instanceof List<?> l) {
            for (Object o : l) {
                @SuppressWarnings("unchecked")
                Map<String, ?> sm = (Map<String, ?>) o;
                st.add(StageStats.fromMap(sm));
            }
        }
        return new RunStats((int) StageStats.number(m, "threads"), StageStats.number(m, "docs_read"),
                StageStats.number(m, "chars_read"), StageStats.number(m, "bytes_read"), StageStats.number(m, "docs_written"),
                st, Math.round(((Number) m.get("seconds")).doubleValue() * 1e9));
    }

    /** JSON-ready map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("docs_read", docsRead);
        m.put("chars_read", charsRead);
        m.put("bytes_read", bytesRead);
        m.put("docs_written", docsWritten);
        m.put("threads", threads);
        m.put("seconds", Math.round(elapsedNanos / 1e6) / 1e3);
        m.put("docs_per_second", Math.round(docsRead / Math.max(1e-9, seconds())));
        m.put("mb_per_second", Math.round(bytesRead / 1e6 / Math.max(1e-9, seconds()) * 100) / 100.0);
        List<Object> st = new ArrayList<>();
        for (StageStats s : stages) {
            st.add(s.toMap());
        }
        m.put("stages", st);
        return m;
    }

    /** A plain-text table: one row per stage, then the totals, with thousands separators. */
    public String summaryTable() {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"stage", "in", "out", "dropped", "top drop reasons", "seconds"});
        for (StageStats s : stages) {
            rows.add(new String[] {s.name(), n(s.docsIn()), n(s.docsOut()), n(s.droppedTotal()), topReasons(s),
                    String.format(Locale.ROOT, "%.2f", s.nanos() / 1e9)});
        }
        StringBuilder sb = new StringBuilder();
        int[] w = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                w[i] = Math.max(w[i], r[i].length());
            }
        }
        for (int ri = 0; ri < rows.size(); ri++) {
            String[] r = rows.get(ri);
            for (int i = 0; i < r.length; i++) {
                boolean left = i == 0 || i == 4;
                String cell = left ? pad(r[i], w[i], true) : pad(r[i], w[i], false);
                sb.append(cell).append(i + 1 < r.length ? "  " : "");
            }
            sb.append('\n');
            if (ri == 0) {
                int total = 0;
                for (int x : w) {
                    total += x + 2;
                }
                sb.append("-".repeat(total - 2)).append('\n');
            }
        }
        sb.append(String.format(Locale.ROOT, "read %s documents (%s chars, %.1f MB) -> wrote %s in %.1f s on %d threads: %s docs/s, %.1f MB/s%n",
                n(docsRead), n(charsRead), bytesRead / 1e6, n(docsWritten), seconds(), threads,
                n(Math.round(docsRead / Math.max(1e-9, seconds()))), bytesRead / 1e6 / Math.max(1e-9, seconds())));
        return sb.toString();
    }

    private static String topReasons(StageStats s) {
        List<Map.Entry<String, Long>> e = new ArrayList<>(s.dropped().entrySet());
        e.sort((a, b) -> Long.compare(b.getValue(), a.getValue()));
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(3, e.size()); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(e.get(i).getKey()).append(' ').append(n(e.get(i).getValue()));
        }
        return sb.toString();
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String pad(String s, int w, boolean left) {
        String sp = " ".repeat(Math.max(0, w - s.length()));
        return left ? s + sp : sp + s;
    }
}
