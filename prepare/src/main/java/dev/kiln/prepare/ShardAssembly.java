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
 * source's share by weight unless {@code exact_mix}) into every configured shard writer.
 */
final class ShardAssembly {

    private final PrepareConfig cfg;
    private final Path out;
    private final Consumer<String> log;

    ShardAssembly(PrepareConfig cfg, Path out, Consumer<String> log) {
        this.cfg = cfg;
        this.out = out;
        this.log = log;
    }

    /** Mixes one split into every configured shard writer; warns about each source that ran dry. */
    DataMeta.SplitResult run(ShuffleSpill spill, Split.Part part, TokenDtype dtype, List<Path> outputs,
                             Map<Split.Part, GolfManifestBuilder.SplitCounts> golfCounts) throws IOException {
        long target = part == Split.Part.TRAIN ? cfg.trainTokens() : cfg.valTokens();
        List<String> names = cfg.sources().stream().map(PrepareConfig.Source::name).toList();
        Map<String, Double> weights = new LinkedHashMap<>();
        cfg.sources().forEach(s -> weights.put(s.name(), s.weight()));
        Map<String, Long> quotas = new MixPlan(weights).quotas(target);
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
            List<MixAssembler.SourceResult> results = MixAssembler.assemble(spill, part, names, quotas,
                    cfg.exactMix() ? null : weights, sinks);
            for (TokenSink s : sinks) {
                s.commit();
            }
            long tokens = sinks.getFirst().tokens();
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
            if (bin != null) {
                outputs.add(out.resolve(part.label() + ".bin"));
                outputs.add(out.resolve(part.label() + ".idx"));
            }
            Integer golfShards = null;
            if (golf != null) {
                golfShards = golf.files().size();
                golfCounts.put(part, new GolfManifestBuilder.SplitCounts(golf.documents(), golf.tokens(), golf.files().size()));
                outputs.addAll(golf.files());
            }
            return new DataMeta.SplitResult(target, tokens, sinks.getFirst().documents(), per, golfShards);
        } finally {
            for (TokenSink s : sinks) {
                s.close();
            }
        }
    }
}
