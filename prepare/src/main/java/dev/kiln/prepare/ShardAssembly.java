package dev.kiln.prepare;

import dev.kiln.sharding.BinShardWriter;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.GolfManifest;
import dev.kiln.sharding.GolfShardWriter;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.sharding.TokenSink;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Step 5 of {@link Prepare}, once per split: mixes the spilled sources by token quotas (filling a dry
 * source's share by weight unless {@code exact_mix}) into every configured shard writer. The quotas and
 * the split's result are shared with engines that write the shards elsewhere ({@link PrepareEngine#shards}).
 */
public final class ShardAssembly {

    private final PrepareConfig cfg;
    private final Path out;
    private final Consumer<String> log;

    /** The assembly of {@code cfg}'s splits into {@code out}; warnings go to {@code log}. */
    public ShardAssembly(PrepareConfig cfg, Path out, Consumer<String> log) {
        this.cfg = cfg;
        this.out = out;
        this.log = log;
    }

    /** The configuration. */
    public PrepareConfig config() {
        return cfg;
    }

    /** The source names by index (the spill's source numbers). */
    public List<String> sources() {
        return cfg.sources().stream().map(PrepareConfig.Source::name).toList();
    }

    /** The tokens asked of {@code part}. */
    public long target(Split.Part part) {
        return part == Split.Part.TRAIN ? cfg.trainTokens() : cfg.valTokens();
    }

    /** Tokens wanted per source name in {@code part}, from the mix weights. */
    public Map<String, Long> quotas(Split.Part part) {
        return new MixPlan(weights()).quotas(target(part));
    }

    /** The weights that share out a dry source's tokens, or {@code null} with {@code exact_mix}. */
    public Map<String, Double> fillWeights() {
        return cfg.exactMix() ? null : weights();
    }

    private Map<String, Double> weights() {
        Map<String, Double> weights = new LinkedHashMap<>();
        cfg.sources().forEach(s -> weights.put(s.name(), s.weight()));
        return weights;
    }

    /** Mixes one split from {@code spill} into every configured shard writer in this JVM. */
    PrepareEngine.ShardOutcome run(ShuffleSpill spill, Split.Part part, TokenDtype dtype) throws IOException {
        List<TokenSink> sinks = new ArrayList<>();
        BinShardWriter bin = null;
        GolfShardWriter golf = null;
        try {
            if (cfg.writesBin()) {
                bin = BinShardWriter.open(out, part.label(), dtype);
                sinks.add(bin);
            }
            if (cfg.writesGolf()) {
                golf = GolfShardWriter.open(out, GolfManifest.PREFIX, part.label(), cfg.tokensPerShard());
                sinks.add(golf);
            }
            List<MixAssembler.SourceResult> results = MixAssembler.assemble(spill, part, sources(), quotas(part), fillWeights(), sinks);
            for (TokenSink s : sinks) {
                s.commit();
            }
            List<Path> files = new ArrayList<>();
            if (bin != null) {
                files.add(out.resolve(part.label() + ".bin"));
                files.add(out.resolve(part.label() + ".idx"));
            }
            if (golf != null) {
                files.addAll(golf.files());
            }
            DataMeta.SplitResult r = result(part, sinks.getFirst().tokens(), sinks.getFirst().documents(), results,
                    golf == null ? null : golf.files().size());
            return new PrepareEngine.ShardOutcome(r, DataMeta.FileEntry.of(files));
        } finally {
            for (TokenSink s : sinks) {
                s.close();
            }
        }
    }

    /**
     * What {@code data_meta.json} records of {@code part} once its shards hold {@code tokens} tokens in
     * {@code documents} documents; warns about each source that ran dry and a split left short.
     *
     * @param golfShards golf shard files written, or {@code null} without golf shards
     */
    public DataMeta.SplitResult result(Split.Part part, long tokens, long documents, List<MixAssembler.SourceResult> results,
                                       Integer golfShards) {
        long target = target(part);
        Map<String, DataMeta.SourceShare> per = new LinkedHashMap<>();
        for (MixAssembler.SourceResult r : results) {
            per.put(r.source(), r.share(tokens));
            if (r.ranDry() && r.targetTokens() > 0) {
                log.accept(String.format(Locale.ROOT, "prepare: WARN source %s ran dry in %s: %,d of %,d tokens%s",
                        r.source(), part.label(), r.tokens(), r.targetTokens(),
                        cfg.exactMix() ? " (--exact-mix: the split stays short)" : "; the other sources fill the rest"));
            }
        }
        if (tokens < target) {
            log.accept(String.format(Locale.ROOT, "prepare: WARN %s has %,d of the %,d tokens asked: the sources hold no more",
                    part.label(), tokens, target));
        }
        return new DataMeta.SplitResult(target, tokens, documents, per, golfShards);
    }
}
