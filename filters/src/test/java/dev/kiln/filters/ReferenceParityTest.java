package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.Document;
import dev.kiln.core.stage.Stage;
import dev.kiln.core.stage.StageRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The {@code reference} profile against decisions computed independently by
 * {@code reference/reference_decisions.py} (Python's own str methods and {@code re}, written from the spec)
 * on 400 web documents, 250 wikitext pages and the three sample books of {@code sample/}.
 */
class ReferenceParityTest {

    private static final StageRegistry REGISTRY = StageRegistry.load();

    private record Row(String source, String index, String decision, String sha1) {
    }

    private static List<Row> expected() {
        List<Row> rows = new ArrayList<>();
        for (String line : Samples.resource("reference/expected.tsv").split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.split("\t");
                rows.add(new Row(f[0], f[1], f[2], f[3]));
            }
        }
        return rows;
    }

    private static List<Stage> profile(SourceKind source) {
        return Profiles.builtIn("reference", source).build(REGISTRY);
    }

    @Test
    void c4DecisionsMatchPython() {
        StageChain chain = new StageChain(profile(SourceKind.C4));
        Map<Integer, JsonNode> docs = Samples.jsonl("web.jsonl.gz", 400);
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (Row r : expected()) {
            if (!r.source().equals("c4")) {
                continue;
            }
            String text = docs.get(Integer.parseInt(r.index())).get("text").asText();
            String got = chain.run(Document.of(r.index(), text, "c4")).decision();
            checked++;
            if (!got.equals(r.decision())) {
                mismatches.add("line=" + r.index() + ": expected " + r.decision() + ", got " + got);
            }
        }
        assertTrue(checked >= 390, "checked " + checked);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void wikipediaDecisionsAndTransformsMatchPython() {
        List<Stage> stages = profile(SourceKind.WIKIPEDIA);
        StageChain chain = new StageChain(stages);
        StageChain transforms = new StageChain(stages.subList(0, 2));
        Map<Integer, JsonNode> docs = Samples.jsonl("wiki.jsonl.gz", 250);
        List<String> mismatches = new ArrayList<>();
        for (Row r : expected()) {
            if (!r.source().equals("wikipedia")) {
                continue;
            }
            Document d = Document.of(r.index(), docs.get(Integer.parseInt(r.index())).get("text").asText(), "wikipedia");
            String got = chain.run(d).decision();
            String sha = sha1(transforms.run(d).kept().getFirst().text());
            if (!got.equals(r.decision()) || !sha.equals(r.sha1())) {
                mismatches.add("line=" + r.index() + ": expected " + r.decision() + "/" + r.sha1() + ", got " + got + "/" + sha);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void gutenbergTransformsAndDecisionsMatchPython() throws Exception {
        List<Stage> stages = profile(SourceKind.GUTENBERG);
        StageChain transforms = new StageChain(stages.subList(0, 3));
        StageChain global = new StageChain(stages.subList(3, stages.size()));
        List<Path> books;
        try (Stream<Path> s = Files.list(Samples.SAMPLE.resolve("gutenberg"))) {
            books = s.sorted().toList();
        }
        List<String> mismatches = new ArrayList<>();
        Map<String, String> cleanedBooks = new java.util.HashMap<>();
        for (Row r : expected()) {
            if (r.source().equals("gutenberg")) {
                Document book = Document.of(r.index(), Samples.file(books.get(Integer.parseInt(r.index()))), "gutenberg");
                Document cleaned = transforms.run(book).kept().getFirst();
                String got = global.run(cleaned).decision();
                if (!got.equals(r.decision()) || !sha1(cleaned.text()).equals(r.sha1())) {
                    mismatches.add("book " + r.index() + ": expected " + r.decision() + "/" + r.sha1() + ", got " + got + "/" + sha1(cleaned.text()));
                }
            } else if (r.source().equals("gutenberg_slice")) {
                String[] at = r.index().split(":");
                String cleaned = cleanedBooks.computeIfAbsent(at[0], b -> transforms.run(
                        Document.of(b, Samples.file(books.get(Integer.parseInt(b))), "gutenberg")).kept().getFirst().text());
                int k = Integer.parseInt(at[1]);
                String slice = pySlice(cleaned, k, k + 20000);
                String got = global.run(Document.of(r.index(), slice, "gutenberg")).decision();
                if (!got.equals(r.decision())) {
                    mismatches.add("slice " + r.index() + ": expected " + r.decision() + ", got " + got);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** Python {@code s[from:to]} in code points. */
    private static String pySlice(String s, int from, int to) {
        int n = s.codePointCount(0, s.length());
        int a = s.offsetByCodePoints(0, Math.min(from, n));
        int b = s.offsetByCodePoints(0, Math.min(to, n));
        return s.substring(a, b);
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
