package dev.kiln.core.io;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Documents that exercise the formats: unicode, empty text, newlines, metadata of several types. */
final class TestDocs {

    private TestDocs() {
    }

    static List<Document> tricky() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("lang", "de");
        nested.put("scores", List.of(0.5, 1.25));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("url", "https://example.org/ä?q=1&r=\"x\"");
        meta.put("count", 42L);
        meta.put("big", Long.MAX_VALUE);
        meta.put("ratio", 0.125);
        meta.put("ok", true);
        meta.put("tags", List.of("a", "b", 3L));
        meta.put("nested", nested);
        meta.put("missing", null);
        List<Document> docs = new ArrayList<>();
        docs.add(new Document("u1", "Grüße aus Köln — 東京 🚀 naïve café", "web", meta));
        docs.add(Document.of("empty", "", "web"));
        docs.add(Document.of("lines", "line one\nline two\r\nline three\n\n\ttabbed \"quoted\" \\ backslash\u0000nul", "wiki"));
        docs.add(new Document("only-meta-long", "x", "", Map.of("n", -7L)));
        docs.add(Document.of("rtl", "مرحبا بالعالم שלום עולם ภาษาไทย", "gutenberg"));
        docs.add(Document.of("surrogates", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \uD83D\uDC4D\uD83C\uDFFD", ""));
        for (int i = 0; i < 50; i++) {
            docs.add(new Document("n" + i, "document number " + i + " ".repeat(i % 5) + "end", "c4", Map.of("i", (long) i)));
        }
        return docs;
    }

    static void write(Path file, List<Document> docs) throws IOException {
        try (DocumentWriter w = Formats.writer(file)) {
            for (Document d : docs) {
                w.write(d);
            }
            w.commit();
        }
    }

    static List<Document> read(Path file, ReadOptions options, BadRecords bad) throws IOException {
        List<Document> out = new ArrayList<>();
        try (DocumentReader r = Formats.reader(file, options, bad)) {
            Document d;
            while ((d = r.next()) != null) {
                out.add(d);
            }
        }
        return out;
    }

    static List<Document> read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT, strict());
    }

    static BadRecords strict() {
        return new BadRecords(true, s -> { });
    }

    /** A lenient BadRecords that keeps the lines it logs. */
    static BadRecords collecting(List<String> lines) {
        return new BadRecords(false, lines::add);
    }
}
