package dev.kiln.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The flat-record fast path reads exactly what Jackson's general path reads, and leaves the rest to it. */
class FlatJsonTest {

    @TempDir
    Path dir;

    /** Lines the fast path takes, lines it must hand back, and bad lines (reported by the general path). */
    private static final List<String> LINES = List.of(
            "{\"text\":\"plain\",\"url\":\"http://x/a\",\"timestamp\":\"2019-04-25T12:57:54Z\",\"source\":\"c4\"}",
            "{\"id\":\"e1\",\"text\":\"quote \\\" backslash \\\\ slash \\/ \\b\\f\\n\\r\\t end\"}",
            "{\"id\":\"u1\",\"text\":\"caf\\u00e9 \\u20ac \\u0000 \\u001F \\uFFFF done\"}",
            "{\"id\":\"sp\",\"text\":\"emoji \\uD83D\\uDE00 and raw \uD83D\uDE00 and \u00e9\u4e2d\"}",
            "{\"id\":\"lone\",\"text\":\"lone high \\uD800 here\"}",
            "{\"id\":\"lone2\",\"text\":\"lone low \\uDC00 here\"}",
            "{\"id\":\"lone3\",\"text\":\"high then text \\uD83Dx\"}",
            "{\"text\":\"numbers\",\"i\":0,\"n\":-0,\"big\":123456789012345678,"
                    + "\"f\":1.5,\"e\":-2.5e-3,\"E\":1E10,\"z\":-0.0,\"tiny\":4.9e-324}",
            "{\"text\":\"over 18 digits\",\"huge\":1234567890123456789012}",
            "{\"text\":\"out of double range\",\"inf\":1e400}",
            "{\"text\":\"scalars\",\"t\":true,\"f\":false,\"n\":null,\"s\":\"\"}",
            "{\"id\":42,\"text\":\"numeric id\"}",
            "{\"id\":1.50,\"text\":\"float id as written\"}",
            "{\"id\":true,\"text\":\"boolean id\"}",
            "{\"id\":null,\"text\":\"null id\"}",
            "{\"text\":\"nested\",\"meta\":{\"a\":[1,2,{\"b\":null}]},\"after\":\"x\"}",
            "{\"text\":\"array\",\"tags\":[\"a\",\"b\"]}",
            "{\"z\":1,\"text\":\"order kept\",\"a\":2,\"m\":3}",
            "{\"text\":\"dup\",\"k\":1,\"k\":2,\"text\":\"second text\"}",
            "{\"text\":\"src\",\"source\":5}",
            "  { \"text\" : \"spaces\" , \"a\" :\t1 }  ",
            "{}",
            "{\"text\":5}",
            "{\"title\":\"no text\"}",
            "{\"text\":\"trailing comma\",}",
            "{\"text\":\"x\"} trailing",
            "{\"text\":\"leading zero\",\"n\":01}",
            "{\"text\":\"bad number\",\"n\":1.}",
            "{\"text\":\"bad number\",\"n\":-}",
            "{\"text\":\"bad escape \\x\"}",
            "{\"text\":\"bad unicode \\u12G4\"}",
            "{\"text\":\"control \u0001 char\"}",
            "{\"text\":\"unterminated",
            "{\"text\":\"x\"",
            "[1,2,3]",
            "\"just a string\"",
            "{\"text\":\"tru\",\"b\":tru}",
            "{\"text\":\"nul\",\"b\":nul}",
            "{'text':'single quotes'}",
            "{\"text\":\"ok\"}{\"text\":\"two objects\"}");

    @Test
    void fastAndGeneralPathsReadTheSameDocumentsAndReports() throws IOException {
        Path f = dir.resolve("cases.jsonl");
        Files.writeString(f, String.join("\n", LINES) + "\n", StandardCharsets.UTF_8);
        assertFalse(assertSameReads(f, ReadOptions.DEFAULT).isEmpty());
        assertSameReads(f, new ReadOptions("text", "id", "web", null)); // a source option moves "source" to metadata
    }

    @Test
    void valuesHaveJacksonsTypes() throws IOException {
        Path f = dir.resolve("types.jsonl");
        Files.writeString(f, LINES.get(7) + "\n" + LINES.get(10) + "\n", StandardCharsets.UTF_8);
        List<Document> docs = read(f, ReadOptions.DEFAULT, true, new ArrayList<>());
        Map<String, Object> m = docs.get(0).metadata();
        assertEquals(0L, m.get("i"));
        assertEquals(0L, m.get("n"));
        assertEquals(123456789012345678L, m.get("big"));
        assertEquals(1.5, m.get("f"));
        assertEquals(-2.5e-3, m.get("e"));
        assertEquals(-0.0, m.get("z"));
        assertEquals(4.9e-324, m.get("tiny"));
        Map<String, Object> s = docs.get(1).metadata();
        assertEquals(Boolean.TRUE, s.get("t"));
        assertTrue(s.containsKey("n") && s.get("n") == null);
        assertEquals(List.of("t", "f", "n", "s"), List.copyOf(s.keySet()));
    }

    @Test
    void flatParserTakesFlatRecordsAndDeclinesTheRest() {
        FlatJson p = new FlatJson();
        assertTrue(parse(p, "{\"text\":\"a\\nb \\uD83D\\uDE00\",\"n\":-12}"));
        assertEquals("a\nb \uD83D\uDE00", p.value(0));
        assertEquals("-12", p.text(1));
        assertEquals(-12L, p.value(1));
        assertFalse(parse(p, "{\"text\":\"a\",\"m\":{}}"), "nested object");
        assertFalse(parse(p, "{\"text\":\"a\",\"m\":[]}"), "array");
        assertFalse(parse(p, "{\"text\":\"\\uDE00\"}"), "lone low surrogate");
        assertFalse(parse(p, "{\"text\":\"a\"} x"), "trailing content");
        assertTrue(parse(p, "{}"));
        assertEquals(0, p.count());
    }

    @Test
    void randomFlatRecordsReadAlike() throws IOException {
        Random r = new Random(15);
        String alphabet = "ab \"\\/\n\r\t\b\f\u0001\u001f\u007f\u00e9\u20ac\u4e2d\uD83D\uDE00";
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            StringBuilder t = new StringBuilder();
            for (int k = r.nextInt(40); k > 0; k--) {
                char c = alphabet.charAt(r.nextInt(alphabet.length()));
                t.append(Character.isHighSurrogate(c) ? "\uD83D\uDE00" : Character.isLowSurrogate(c) ? "" : String.valueOf(c));
            }
            String json = JsonlReader.MAPPER.writeValueAsString(Map.of("text", t.toString()));
            // sometimes escape every non-ASCII character, as other writers do
            lines.add(r.nextBoolean() ? json : asciiEscaped(json));
        }
        Path f = dir.resolve("random.jsonl");
        Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        assertSameReads(f, ReadOptions.DEFAULT);
    }

    private static String asciiEscaped(String json) {
        StringBuilder b = new StringBuilder();
        for (char c : json.toCharArray()) {
            b.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return b.toString();
    }

    private static boolean parse(FlatJson p, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return p.parse(b, b.length);
    }

    /** Reads f both ways, checks documents, value types, key order and bad-record reports; returns the reports. */
    private List<String> assertSameReads(Path f, ReadOptions options) throws IOException {
        List<String> fastLog = new ArrayList<>();
        List<String> generalLog = new ArrayList<>();
        List<Document> fast = read(f, options, true, fastLog);
        List<Document> general = read(f, options, false, generalLog);
        assertEquals(general, fast);
        for (int i = 0; i < fast.size(); i++) { // same value types too (equals alone would not tell 1L from 1)
            for (Map.Entry<String, Object> e : general.get(i).metadata().entrySet()) {
                Object v = fast.get(i).metadata().get(e.getKey());
                assertEquals(e.getValue() == null ? null : e.getValue().getClass(), v == null ? null : v.getClass(), e.getKey());
            }
            assertEquals(List.copyOf(general.get(i).metadata().keySet()), List.copyOf(fast.get(i).metadata().keySet()));
        }
        assertEquals(generalLog, fastLog);
        return generalLog;
    }

    private static List<Document> read(Path f, ReadOptions options, boolean fastPath, List<String> log) throws IOException {
        List<Document> out = new ArrayList<>();
        BadRecords bad = new BadRecords(false, log::add);
        try (JsonlReader r = JsonlReader.open(f, options, bad, fastPath)) {
            Document d;
            while ((d = r.next()) != null) {
                out.add(d);
            }
        }
        return out;
    }
}
