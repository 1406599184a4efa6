package dev.kiln.prepare;

import dev.kiln.core.Document;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.tokenizer.BpeTrainer;
import dev.kiln.tokenizer.TrainResult;
import dev.kiln.tokenizer.TrainerConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Step 3 of {@link Prepare} when no tokenizer is given: trains kiln's BPE tokenizer on the documents of the
 * train split only, so validation text never shapes the vocabulary.
 */
public final class TokenizerStep {

    private final PrepareConfig cfg;
    private final RunnerOptions runner;
    private final Consumer<String> log;

    TokenizerStep(PrepareConfig cfg, RunnerOptions runner, Consumer<String> log) {
        this.cfg = cfg;
        this.runner = runner;
        this.log = log;
    }

    Map<String, Object> run(List<Path> docs, Split split, Path dir) throws IOException {
        BpeTrainer trainer = BpeTrainer.create(trainerConfig(cfg, runner.effectiveThreads()));
        long used = 0;
        try (DocumentSource src = WorkFiles.concat(docs, log)) {
            Document d;
            while ((d = src.next()) != null) {
                // only training documents: validation text must not shape the tokenizer
                if (split.of(Prepare.identity(d)) == Split.Part.TRAIN) {
                    trainer.add(d.text());
                    used++;
                }
            }
        }
        return finish(cfg, trainer, used, dir);
    }

    /** The trainer configuration {@code cfg} asks for, counting on {@code threads} threads (never changes the model). */
    public static TrainerConfig trainerConfig(PrepareConfig cfg, int threads) {
        PrepareConfig.TokenizerTraining t = cfg.tokenizerTraining();
        return TrainerConfig.preset(t.preset(), t.vocabSize()).maxDocuments(t.maxDocuments())
                .seed(cfg.seed()).threads(Math.max(1, threads)).build();
    }

    /** Trains, writes the model into {@code dir} and returns the step's statistics ({@code used} train documents offered). */
    public static Map<String, Object> finish(PrepareConfig cfg, BpeTrainer trainer, long used, Path dir) throws IOException {
        TrainResult r = trainer.train();
        r.write(dir);
        Map<String, Object> m = new LinkedHashMap<>(r.stats());
        m.put("documents_offered", used);
        m.put("preset", cfg.tokenizerTraining().preset());
        m.put("vocab_size", cfg.tokenizerTraining().vocabSize());
        return m;
    }
}
