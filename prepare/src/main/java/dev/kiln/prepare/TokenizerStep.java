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
final class TokenizerStep {

    private final PrepareConfig cfg;
    private final RunnerOptions runner;
    private final Consumer<String> log;

    TokenizerStep(PrepareConfig cfg, RunnerOptions runner, Consumer<String> log) {
        this.cfg = cfg;
        this.runner = runner;
        this.log = log;
    }

    Map<String, Object> run(List<Path> docs, Split split, Path dir) throws IOException {
        PrepareConfig.TokenizerTraining t = cfg.tokenizerTraining();
        TrainerConfig tc = TrainerConfig.preset(t.preset(), t.vocabSize()).maxDocuments(t.maxDocuments())
                .seed(cfg.seed()).threads(Math.max(1, runner.effectiveThreads())).build();
        BpeTrainer trainer = BpeTrainer.create(tc);
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
        TrainResult r = trainer.train();
        r.write(dir);
        Map<String, Object> m = new LinkedHashMap<>(r.stats());
        m.put("documents_offered", used);
        m.put("preset", t.preset());
        m.put("vocab_size", t.vocabSize());
        return m;
    }
}
