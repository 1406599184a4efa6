package dev.kiln.core.testing;

import dev.kiln.core.Document;
import dev.kiln.core.io.BadRecords;
import dev.kiln.core.io.JsonlReader;
import dev.kiln.core.io.ReadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test access to the repository's bundled sample corpus ({@code sample/} at the repo root). */
public final class SampleCorpus {

    private SampleCorpus() {
    }

    /** The {@code sample/} folder, found from the module directory the tests run in. */
    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            Path s = p.resolve("sample");
            if (Files.isRegularFile(s.resolve("web.jsonl.gz"))) {
                return s;
            }
            p = p.getParent();
        }
        throw new IllegalStateException("sample/ corpus not found above " + Path.of("").toAbsolutePath());
    }

    /** The first {@code max} documents of a sample JSONL file ({@code web.jsonl.gz} or {@code wiki.jsonl.gz}). */
    public static List<Document> read(String file, int max) {
        List<Document> out = new ArrayList<>();
        try (JsonlReader r = JsonlReader.open(dir().resolve(file), ReadOptions.DEFAULT, new BadRecords(true, s -> { }))) {
            Document d;
            while (out.size() < max && (d = r.next()) != null) {
                out.add(d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
