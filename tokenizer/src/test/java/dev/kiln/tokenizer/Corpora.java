package dev.kiln.tokenizer;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.ReadOptions;
import dev.kiln.core.pipeline.FileSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Real text for the tests: shipped lines and the repository's sample corpus. */
final class Corpora {

    static final Path SAMPLE = Path.of("..", "sample");

    private Corpora() {
    }

    static Path resource(String name) {
        return Path.of("src", "test", "resources", "corpus", name);
    }

    static List<String> lines(String name) {
        try {
            return Files.readAllLines(resource(name), StandardCharsets.UTF_8).stream().filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code max} documents of a sample JSONL file (multi-line text). */
    static List<String> sampleDocs(String file, int max) {
        List<String> out = new ArrayList<>();
        try (FileSource src = FileSource.of(List.of(SAMPLE.resolve(file)), ReadOptions.DEFAULT, BadRecords.lenient())) {
            for (Document d = src.next(); d != null && out.size() < max; d = src.next()) {
                out.add(d.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static TrainResult train(TrainerConfig cfg, List<String> docs) throws IOException {
        BpeTrainer t = BpeTrainer.create(cfg);
        for (String d : docs) {
            t.add(d);
        }
        return t.train();
    }
}
