package dev.kiln.trainer.loop;

import dev.kiln.core.config.Configs;
import dev.kiln.core.io.AtomicFile;
import dev.kiln.trainer.TrainerConfig;
import dev.kiln.trainer.bench.TrainerBench;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kiln bench train}: tokens per second of the REAL training graph (the configured model, batch,
 * accumulation, K and device) on real tokens from the train split, written to {@code throughput.json}
 * for the cost guard ({@link Budget}). The reference benchmarked fp32 on random ids with another
 * optimiser (reference defect 19).
 */
public final class ThroughputBench {

    /** Tokens read from the train split for the benchmark's windows. */
    public static final int MAX_TOKENS = 4_000_000;

    private ThroughputBench() {
    }

    /** Benchmarks {@code cfg} on {@code dataDir}'s train split and writes {@code out}; returns what was written. */
    public static Map<String, Object> run(TrainConfig cfg, Path dataDir, int warmupRuns, int timedRuns, Path out) throws Exception {
        DataSet data = DataSet.open(dataDir);
        LlamaConfig arch = LlamaConfig.preset(cfg.model()).withVocab(data.vocab());
        TrainerConfig engine = cfg.engine(arch);
        int[] tokens = new int[(int) Math.min(MAX_TOKENS, data.train().tokens())];
        data.train().read(0, tokens);
        TrainerBench.Result r = TrainerBench.run(engine, tokens, warmupRuns, timedRuns, (float) cfg.lr(), cfg.seed());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("tokens_per_s", Math.round(r.tokensPerSecond()));
        m.put("ms_per_step", r.msPerStep());
        m.put("tokens_per_step", engine.tokensPerStep());
        m.put("model", arch.name());
        m.put("parameters", arch.parameterCount());
        m.put("vocab", arch.vocab());
        m.put("batch", cfg.batch());
        m.put("seq", cfg.seq());
        m.put("accumulation", cfg.accumulation());
        m.put("steps_per_run", cfg.stepsPerRun());
        m.put("device", cfg.device());
        m.put("threads", cfg.threads());
        m.put("precision", cfg.recipe().toString());
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("warmup_runs", warmupRuns);
        m.put("timed_runs", timedRuns);
        m.put("session_ms", r.sessionMs());
        m.put("peak_rss_mb", r.peakRssMb());
        m.put("data", dataDir.toAbsolutePath().toString());
        m.put("measured_at", Instant.now().toString());
        AtomicFile.write(out, Configs.JSON.writeValueAsBytes(m));
        return m;
    }
}
