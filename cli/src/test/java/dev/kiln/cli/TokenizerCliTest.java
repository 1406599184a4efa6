package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.testing.SampleCorpus;
import dev.kiln.tokenizer.Encoder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kiln tokenizer train|encode|show} end to end on the bundled sample, through SentencePiece JNI. */
class TokenizerCliTest extends StdStreamsTest {

    @TempDir
    Path dir;

    @Test
    void trainEncodeShowOnTheSample() throws IOException {
        Path wiki = SampleCorpus.dir().resolve("wiki.jsonl.gz");
        Path tok = dir.resolve("tok");
        int rc = Kiln.execute("tokenizer", "train", "--input", wiki.toString(), "--vocab-size", "1000",
                "--preset", "golf", "-o", tok.toString(), "--threads", "2", "--meta", dir.resolve("train.meta.json").toString());
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        JsonNode run = new ObjectMapper().readTree(dir.resolve("train.meta.json").toFile());
        assertEquals("tokenizer train", run.get("command").asText());
        assertEquals(1000, run.at("/config/vocab_size").asInt());
        JsonNode meta = new ObjectMapper().readTree(tok.resolve("tokenizer_meta.json").toFile());
        assertEquals("nfkc", meta.get("normalization").asText());
        assertEquals(0, meta.at("/options/pad_id").asInt());
        assertEquals(3, meta.at("/options/unk_id").asInt());
        assertEquals(1200, meta.at("/stats/documents_seen").asInt());

        Path ids = dir.resolve("wiki.ids.jsonl");
        rc = Kiln.execute("tokenizer", "encode", "-m", tok.toString(), wiki.toString(), "-o", ids.toString(), "--threads", "2");
        assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(ids);
        assertEquals(1200, lines.size());
        JsonNode encodeMeta = new ObjectMapper().readTree(dir.resolve("wiki.ids.jsonl.meta.json").toFile());
        assertEquals(1200, encodeMeta.at("/encode/documents").asInt());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        int[] got = new ObjectMapper().convertValue(first.get("ids"), int[].class);
        try (Encoder enc = Encoder.load(tok)) {
            String text = firstText(wiki);
            assertArrayEquals(enc.encode(text), got);
            assertEquals(java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip().replaceAll(" +", " "),
                    enc.decode(got).strip().replaceAll(" +", " "));
        }

        out.reset();
        rc = Kiln.execute("tokenizer", "show", "-m", tok.resolve("spm.model").toString(), "In 1984, the cost");
        assertEquals(0, rc);
        String shown = out.toString(StandardCharsets.UTF_8);
        assertTrue(shown.contains("pieces: ") && shown.contains(" 1 9 8 4"), shown);
    }

    @Test
    void byte260NeedsNoTrainingAndBadOptionsExitWithTwo() throws IOException {
        Path b = dir.resolve("b260");
        assertEquals(0, Kiln.execute("tokenizer", "train", "--preset", "byte260", "-o", b.toString()));
        try (Encoder enc = Encoder.load(b)) {
            assertArrayEquals(new int[] {'A' + 4, ' ' + 4, 0xC3 + 4, 0xA9 + 4}, enc.encode("A é"));
        }
        int rc = Kiln.execute("tokenizer", "train", "--input", SampleCorpus.dir().resolve("wiki.jsonl.gz").toString(),
                "--vocab-size", "1000", "--character-coverage", "0.5", "-o", dir.resolve("x").toString());
        assertEquals(2, rc);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("character_coverage must be in [0.98, 1]: 0.5"));
    }

    @Test
    void javaBackendWritesTheSameIdsAsSentencePieceAndLinesModeReadsText() throws IOException {
        Path text = dir.resolve("corpus.txt");
        StringBuilder sb = new StringBuilder();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(SampleCorpus.dir().resolve("web.jsonl.gz")));
             var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                sb.append(new ObjectMapper().readTree(line).get("text").asText().replace('\n', ' ')).append('\n');
            }
        }
        Files.writeString(text, sb);
        Path tok = dir.resolve("tok");
        assertEquals(0, Kiln.execute("tokenizer", "train", "--lines", "-i", text.toString(), "--vocab-size", "1500",
                "-o", tok.toString(), "-q"), err.toString(StandardCharsets.UTF_8));
        Path jni = dir.resolve("jni.jsonl");
        Path java = dir.resolve("java.jsonl");
        assertEquals(0, Kiln.execute("tokenizer", "encode", "--lines", "-m", tok.toString(), text.toString(), "-o", jni.toString(), "-q"));
        assertEquals(0, Kiln.execute("tokenizer", "encode", "--lines", "--backend", "java", "-m", tok.toString(), text.toString(),
                "-o", java.toString(), "-q"));
        assertEquals(1500, Files.readAllLines(jni).size());
        assertEquals(Files.readString(jni), Files.readString(java));
    }

    private static String firstText(Path jsonlGz) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(jsonlGz));
             var r = new java.io.BufferedReader(new java.io.InputStreamReader(in, StandardCharsets.UTF_8))) {
            return new ObjectMapper().readTree(r.readLine()).get("text").asText();
        }
    }
}
