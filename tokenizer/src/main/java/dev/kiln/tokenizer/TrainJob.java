package dev.kiln.tokenizer;

import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.FileSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains a tokenizer from input files and writes {@code spm.model}, {@code spm.vocab} and
 * {@code tokenizer_meta.json} into a directory: the library side of {@code kiln tokenizer train}.
 * Inputs are read with kiln's readers (JSONL, and the other formats core supports), or as one document per
 * line ({@link TextLines}) when {@code lines} is set, as {@code spm_train} reads text.
 */
public final class TrainJob {

    private TrainJob() {
    }

    /** Trains on {@code inputs} (already expanded) and writes the tokenizer files into {@code outDir}. */
    public static TrainResult run(TrainerConfig config, List<Path> inputs, ReadOptions read, boolean lines,
                                  BadRecords bad, Path outDir) throws IOException {
        BpeTrainer trainer = BpeTrainer.create(config);
        try (DocumentSource src = lines ? TextLines.of(inputs, bad) : FileSource.of(inputs, read, bad)) {
            trainer.addAll(src);
        }
        TrainResult r = trainer.train();
        if (bad.total() > 0) {
            java.util.Map<String, Object> s = new java.util.LinkedHashMap<>(r.stats());
            s.put("bad_records", bad.total());
            r = new TrainResult(r.model(), r.config(), s);
        }
        r.write(outDir);
        return r;
    }
}
