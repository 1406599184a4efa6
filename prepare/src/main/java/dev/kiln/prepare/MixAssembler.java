package dev.kiln.prepare;

import dev.kiln.core.config.Configs;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.TokenSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one split from a {@link ShuffleSpill}: walks documents in shuffled (key) order and takes a
 * document while its source is below its token quota, so each source reaches its quota within one
 * document and the output is shuffled across sources. Sources that run dry are reported with what they
 * achieved; with fill weights, their shortfall is first handed to the other sources in proportion to
 * their weights (repeatedly, should those run dry too), so the split reaches its target whenever the
 * sources together hold enough.
 */
public final class MixAssembler {

    private MixAssembler() {
    }

    /**
     * Target and achieved tokens and documents of one source in one split.
     *
     * @param targetTokens the source's quota from the mix weights
     * @param fillTokens   tokens added to that quota to make up for sources that ran dry
     */
    public record SourceResult(String source, long targetTokens, long fillTokens, long tokens, long documents) {

        public SourceResult(String source, long targetTokens, long tokens, long documents) {
            this(source, targetTokens, 0, tokens, documents);
        }

        /** True when the source had fewer tokens than its weight's quota. */
        public boolean ranDry() {
            return tokens < targetTokens;
        }

        /** What {@code data_meta.json} records, with the share of a split of {@code splitTokens}. */
        public DataMeta.SourceShare share(long splitTokens) {
            return new DataMeta.SourceShare(targetTokens, fillTokens > 0 ? fillTokens : null, tokens, documents,
                    splitTokens == 0 ? 0.0 : Math.round(1e6 * tokens / (double) splitTokens) / 1e6, ranDry());
        }

        public Map<String, Object> toMap(long splitTokens) {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = Configs.JSON.convertValue(share(splitTokens), Map.class);
            return m;
        }
    }

    /**
     * Assembles {@code part} into every sink in {@code sinks} (e.g. the .bin writer and the golf writer).
     *
     * <p>Which documents a source contributes is decided by their {@code pick} hash (lowest first,
     * until the quota is reached: a uniform random sample); the output order is the shuffle key. Using
     * two independent hashes keeps every source spread evenly over the whole output; choosing by the
     * shuffle key itself would give each source a different key range and leave the end of the output
     * to one source. The first pass reads only the documents' headers and keeps 24 bytes per document
     * in memory.
     *
     * @param sources source names by index (the spill's source numbers)
     * @param quotas tokens wanted per source name
     */
    public static List<SourceResult> assemble(ShuffleSpill spill, Split.Part part, List<String> sources,
                                              Map<String, Long> quotas, List<TokenSink> sinks) throws IOException {
        return assemble(spill, part, sources, quotas, null, sinks);
    }

    /**
     * As {@link #assemble(ShuffleSpill, Split.Part, List, Map, List)}; when {@code fillWeights} is not
     * null, the tokens that sources running dry cannot give are added to the quotas of the others, in
     * proportion to these weights (source name → weight).
     */
    public static List<SourceResult> assemble(ShuffleSpill spill, Split.Part part, List<String> sources,
                                              Map<String, Long> quotas, Map<String, Double> fillWeights,
                                              List<TokenSink> sinks) throws IOException {
        int n = sources.size();
        long[] target = targets(sources, quotas);
        List<List<Pick>> perSource = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perSource.add(new ArrayList<>());
        }
        spill.forEachHeader(part, (pick, seq, source, tokens) -> perSource.get(source).add(new Pick(pick, seq, tokens)));
        long[] available = new long[n];
        for (int s = 0; s < n; s++) {
            for (Pick d : perSource.get(s)) {
                available[s] += d.tokens();
            }
        }
        long[] quota = fillWeights == null ? target.clone() : fill(sources, target, available, fillWeights);
        Taken[] taken = new Taken[n];
        for (int s = 0; s < n; s++) {
            List<Pick> list = perSource.get(s);
            list.sort(PICK_ORDER);
            taken[s] = take(list, 0, 0, quota[s]);
            list.clear();
        }
        try {
            spill.forEachAll(part, e -> {
                if (taken[e.source()].includes(e.pick(), e.seq())) {
                    try {
                        for (TokenSink sink : sinks) {
                            sink.writeDocument(e.ids());
                        }
                    } catch (IOException io) {
                        throw new UncheckedIOException(io);
                    }
                }
            });
        } catch (UncheckedIOException u) {
            throw u.getCause();
        }
        return results(sources, target, quota, taken);
    }

    /** One document as choosing sees it: its pick hash, its sequence number (ties), its tokens. */
    public record Pick(long pick, long seq, long tokens) {
    }

    /** The order a source's documents are taken in: pick hash as an unsigned number, then sequence. */
    public static final Comparator<Pick> PICK_ORDER = (a, b) -> {
        int c = Long.compareUnsigned(a.pick(), b.pick());
        return c != 0 ? c : Long.compare(a.seq(), b.seq());
    };

    /**
     * What a source gives: its tokens and documents taken and the last document taken ({@code null}: none);
     * a document is taken when it is not after {@code last} in {@link #PICK_ORDER}.
     */
    public record Taken(long tokens, long documents, Pick last) {

        /** Whether the document with {@code pick} and {@code seq} is taken. */
        public boolean includes(long pick, long seq) {
            if (last == null) {
                return false;
            }
            int c = Long.compareUnsigned(pick, last.pick());
            return c < 0 || c == 0 && seq <= last.seq();
        }
    }

    /**
     * The quota rule: walks {@code sorted} (a source's documents in {@link #PICK_ORDER}, or a stretch of them
     * that starts after {@code tokens} tokens and {@code documents} documents already taken) and takes each
     * document while fewer than {@code quota} tokens are taken, so the source reaches its quota within one
     * document. The last document taken is the cutoff of {@link Taken#includes}.
     */
    public static Taken take(List<Pick> sorted, long tokens, long documents, long quota) {
        Pick last = null;
        for (Pick d : sorted) {
            if (tokens >= quota) {
                break;
            }
            tokens += d.tokens();
            documents++;
            last = d;
        }
        return new Taken(tokens, documents, last);
    }

    /** The quota of each of {@code sources} by index ({@code 0} where none is given). */
    public static long[] targets(List<String> sources, Map<String, Long> quotas) {
        long[] target = new long[sources.size()];
        for (int i = 0; i < target.length; i++) {
            target[i] = quotas.getOrDefault(sources.get(i), 0L);
        }
        return target;
    }

    /** The per-source results of a split whose sources had quotas {@code target}, raised by filling to {@code quota}, and gave {@code taken}. */
    public static List<SourceResult> results(List<String> sources, long[] target, long[] quota, Taken[] taken) {
        List<SourceResult> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            out.add(new SourceResult(sources.get(i), target[i], Math.max(0, quota[i] - target[i]), taken[i].tokens(), taken[i].documents()));
        }
        return out;
    }

    /**
     * Quotas after handing each dry source's shortfall to the sources that still have tokens, in
     * proportion to their weights, until nothing is short or every source is exhausted. Deterministic:
     * integer quotas from {@link MixPlan#quotas}.
     */
    public static long[] fill(List<String> sources, long[] target, long[] available, Map<String, Double> weights) {
        int n = sources.size();
        long[] q = target.clone();
        while (true) {
            long deficit = 0;
            for (int s = 0; s < n; s++) {
                if (q[s] > available[s]) {
                    deficit += q[s] - available[s];
                    q[s] = available[s];
                }
            }
            Map<String, Double> open = new LinkedHashMap<>();
            for (int s = 0; s < n; s++) {
                double w = weights.getOrDefault(sources.get(s), 0.0);
                if (q[s] < available[s] && w > 0) {
                    open.put(sources.get(s), w);
                }
            }
            if (deficit == 0 || open.isEmpty()) {
                return q;
            }
            Map<String, Long> extra = new MixPlan(open).quotas(deficit);
            for (int s = 0; s < n; s++) {
                q[s] += extra.getOrDefault(sources.get(s), 0L);
            }
        }
    }
}
