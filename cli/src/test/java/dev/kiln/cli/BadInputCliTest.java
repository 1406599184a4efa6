package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input and dangerous arguments end to end: refused or reported in one line, nothing lost (issue #14). */
class BadInputCliTest extends StdStreamsTest {

    @TempDir
    Path dir;

    private Path docs(String name, int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("{\"id\":\"d").append(i).append("\",\"text\":\"document number ").append(i)
                    .append(" has a few words of text in it\"}\n");
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    private String lastErrLine() {
        List<String> lines = err().strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    // ---- item 1: an output that is an input

    @Test
    void everyDocumentVerbRefusesToWriteOverItsInput() throws IOException {
        Path in = docs("a.jsonl", 5);
        byte[] before = Files.readAllBytes(in);
        Path link = Files.createSymbolicLink(dir.resolve("link.jsonl"), in);
        Path cfg = Files.writeString(dir.resolve("p.yaml"), "inputs: [a.jsonl]\noutput: a.jsonl\nstages: []\n");
        List<List<String>> calls = List.of(
                List.of("filter", "--source", "c4", in.toString(), "-o", in.toString()),
                List.of("convert", in.toString(), "-o", link.toString()),
                List.of("convert", in.toString(), "-o", dir.resolve("b.jsonl").toString(), "--meta", in.toString()),
                List.of("clean", "--source", "wikipedia", in.toString(), "-o", dir.resolve("c.jsonl").toString(), "--rejects", in.toString()),
                List.of("dedup", in.toString(), "-o", dir.resolve("sub/../a.jsonl").toString()),
                List.of("dedup", in.toString(), "-o", dir.resolve("d.jsonl").toString(), "--clusters", link.toString()),
                // the pipeline file's output is relative to the file, so it is the input too
                List.of("run", "--config", cfg.toString()));
        for (List<String> call : calls) {
            err.reset();
            assertEquals(2, Kiln.execute(call.toArray(String[]::new)), call + ": " + err());
            assertTrue(lastErrLine().contains(" is the input ") && lastErrLine().contains("refusing to overwrite an input"),
                    call + ": " + err());
            assertEquals(1, err().strip().lines().count(), err());
            assertArrayEquals(before, Files.readAllBytes(in), call.toString());
        }
        try (var s = Files.list(dir)) {
            assertEquals(List.of("a.jsonl", "link.jsonl", "p.yaml"), s.map(p -> p.getFileName().toString()).sorted().toList(),
                    "nothing written, no temporary files left");
        }
    }

    @Test
    void wikidataAndTokenizerEncodeRefuseToWriteOverTheirInput() throws IOException {
        Path triples = Files.writeString(dir.resolve("t.tsv"), "Q1\tP31\tQ5\n");
        byte[] before = Files.readAllBytes(triples);
        assertEquals(2, Kiln.execute("wikidata", triples.toString(), "-o", triples.toString()), err());
        assertArrayEquals(before, Files.readAllBytes(triples));
        Path in = docs("e.jsonl", 3);
        Path tok = dir.resolve("tok");
        assertEquals(0, Kiln.execute("tokenizer", "train", "--preset", "byte260", "-o", tok.toString()), err());
        err.reset();
        assertEquals(2, Kiln.execute("tokenizer", "encode", "-m", tok.toString(), in.toString(), "-o", in.toString()), err());
        assertTrue(lastErrLine().contains("refusing to overwrite an input"), err());
    }

    @Test
    void outputAndRejectsMayNotBeTheSameFile() throws IOException {
        Path in = docs("a.jsonl", 5);
        Path o = dir.resolve("o.jsonl");
        assertEquals(2, Kiln.execute("filter", "--source", "c4", in.toString(), "-o", o.toString(), "--rejects", o.toString()));
        assertTrue(lastErrLine().contains("is the same file as the output"), err());
        assertFalse(Files.exists(o));
    }

    // ---- item 4: config files are strict and their paths are relative to the file

    @Test
    void unknownConfigKeysAreErrorsForEveryVerb() throws IOException {
        Path in = docs("a.jsonl", 3);
        Path top = Files.writeString(dir.resolve("top.yaml"), "learning_rate: 0.1\n");
        Path section = Files.writeString(dir.resolve("section.yaml"), "train:\n  learning_rate: 0.1\n");
        Path verb = Files.writeString(dir.resolve("verb.yaml"), "trian:\n  lr: 0.1\n");
        for (List<String> call : List.of(
                List.of("train", "--config", top.toString(), "--data", dir.toString(), "-o", dir.resolve("r").toString()),
                List.of("train", "--config", section.toString(), "--data", dir.toString(), "-o", dir.resolve("r").toString()),
                List.of("train", "--config", verb.toString(), "--data", dir.toString(), "-o", dir.resolve("r").toString()),
                List.of("convert", "--config", top.toString(), in.toString(), "-o", dir.resolve("o.jsonl").toString()),
                List.of("filter", "--source", "c4", "--config", section.toString(), in.toString(), "-o", dir.resolve("o.jsonl").toString()))) {
            err.reset();
            assertEquals(2, Kiln.execute(call.toArray(String[]::new)), call + ": " + err());
            assertEquals(1, err().strip().lines().count(), err());
            assertTrue(lastErrLine().contains(": unknown key '") && lastErrLine().contains("; allowed: ["), err());
        }
        assertTrue(lastErrLine().contains("unknown key 'train.learning_rate'") && lastErrLine().contains(" lr, "), err());
        assertFalse(Files.exists(dir.resolve("o.jsonl")));
        assertFalse(Files.exists(dir.resolve("r")));
        // a section for another verb with that verb's options is fine; flags still win
        Path shared = Files.writeString(dir.resolve("shared.yaml"), "threads: 1\ntrain:\n  lr: 0.1\nconvert:\n  quiet: true\n");
        assertEquals(0, Kiln.execute("convert", "--config", shared.toString(), in.toString(), "-o", dir.resolve("o.jsonl").toString()), err());
    }

    @Test
    void aMissingOrUnreadableConfigFileIsOneLine() throws IOException {
        Path in = docs("a.jsonl", 3);
        assertEquals(2, Kiln.execute("convert", "--config", dir.resolve("nope.yaml").toString(), in.toString(), "-o", "x.jsonl"));
        assertEquals("kiln convert: error: " + dir.resolve("nope.yaml") + ": cannot read the config file: no such file or directory",
                lastErrLine());
        err.reset();
        assertEquals(2, Kiln.execute("convert", "--config", dir.toString(), in.toString(), "-o", "x.jsonl"));
        assertTrue(lastErrLine().endsWith("cannot read the config file: is a directory"), err());
        assertFalse(Files.exists(Path.of("x.jsonl")));
    }

    @Test
    void relativePathsInAConfigFileAreRelativeToTheFile() throws IOException {
        Path in = docs("a.jsonl", 4);
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.writeString(sub.resolve("strict.yaml"), "stages:\n  - name: test_min_words\n    min_words: 1\n");
        Path cfg = Files.writeString(sub.resolve("job.yaml"), "output: out/kept.jsonl\nfilter:\n  profile: strict.yaml\n  meta: out/meta.json\n");
        int rc = Kiln.execute("filter", "-q", "--source", "c4", "--config", cfg.toString(), in.toString());
        assertTrue(Files.exists(sub.resolve("out/kept.jsonl")) && Files.exists(sub.resolve("out/meta.json")), err());
        assertEquals(0, rc, err());
    }

    // ---- item 5: an input that gives nothing but bad records fails the run

    @Test
    void anInputOfOnlyBadRecordsFailsWithExit1UnlessAllowEmpty() throws IOException {
        Path good = docs("good.jsonl", 3);
        Path bin = Files.write(dir.resolve("binary.jsonl"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, (byte) 0xFF});
        Path out = dir.resolve("out.jsonl");
        assertEquals(1, Kiln.execute("convert", "-q", good.toString(), bin.toString(), "-o", out.toString()), err());
        assertTrue(lastErrLine().startsWith("kiln convert: error: " + bin + ": no documents could be read: 3 bad records and not one good"),
                err());
        assertFalse(Files.exists(out), "no output from a failed run");
        err.reset();
        assertEquals(1, Kiln.execute("filter", "-q", "--source", "c4", "--text-field", "body", good.toString(), "-o", out.toString()));
        assertTrue(lastErrLine().contains(good + ": no documents could be read: 3 bad records"), err());
        err.reset();
        assertEquals(0, Kiln.execute("convert", "-q", "--allow-empty", good.toString(), bin.toString(), "-o", out.toString()), err());
        assertEquals(3, Files.readAllLines(out).size());
        assertTrue(Files.readString(dir.resolve("out.jsonl.meta.json")).contains(bin.getFileName().toString()));
        assertEquals(1, Kiln.execute("dedup", "-q", bin.toString(), "-o", dir.resolve("d.jsonl").toString()));
        assertFalse(Files.exists(dir.resolve("d.jsonl")));
    }

    @Test
    void prepareRefusesAnOutputFolderHoldingItsInputAndFailsOnASourceThatYieldsNothing() throws IOException {
        Path wiki = dev.kiln.core.testing.SampleCorpus.dir().resolve("wiki.jsonl.gz");
        Path folder = Files.createDirectories(dir.resolve("data"));
        Path inside = Files.copy(wiki, folder.resolve("wiki.jsonl.gz"));
        assertEquals(2, Kiln.execute("prepare", "-q", "--wikipedia", inside.toString(), "--train-tokens", "20000", "--val-tokens", "2000",
                "--vocab-size", "512", "--overwrite", "-o", folder.toString()), err());
        assertTrue(lastErrLine().contains("holds the input"), err());
        assertTrue(Files.exists(inside));
        err.reset();
        Path bin = Files.write(dir.resolve("binary.jsonl"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0});
        Path out = dir.resolve("prepared");
        List<String> call = List.of("prepare", "-q", "--wikipedia", wiki.toString(), "--c4", bin.toString(), "--no-dedup",
                "--train-tokens", "20000", "--val-tokens", "2000", "--vocab-size", "512", "-o", out.toString());
        assertEquals(1, Kiln.execute(call.toArray(String[]::new)), err());
        assertTrue(lastErrLine().contains(bin + ": no documents could be read"), err());
        assertFalse(Files.exists(out.resolve("data_meta.json")));
        // the corrected command is not blocked by the failed run's work folder (item 8)
        err.reset();
        List<String> fixed = new java.util.ArrayList<>(call);
        fixed.add("--allow-empty");
        assertEquals(0, Kiln.execute(fixed.toArray(String[]::new)), err());
        assertTrue(err().contains("source c4 yields no documents"), err());
    }

    // ---- item 9: a source that runs dry

    @Test
    void aDrySourceIsFilledByTheOthersUnlessExactMix() throws IOException {
        Path s = dev.kiln.core.testing.SampleCorpus.dir();
        Path tok = dir.resolve("tok");
        assertEquals(0, Kiln.execute("tokenizer", "train", "--preset", "byte260", "-o", tok.toString()), err());
        // one short book (150 kB) cannot give a 70% share of 300k byte-level tokens
        Path books = Files.createDirectories(dir.resolve("books"));
        Files.copy(s.resolve("gutenberg").resolve("kjv-genesis.txt"), books.resolve("kjv-genesis.txt"));
        java.util.function.Function<String, List<String>> call = o -> new java.util.ArrayList<>(List.of("prepare", "-q", "--c4",
                s.resolve("web.jsonl.gz").toString(), "--gutenberg", books.toString(), "--weights", "c4=0.3,gutenberg=0.7",
                "--no-dedup", "--train-tokens", "300000", "--val-tokens", "1000", "--tokenizer", tok.toString(), "-o", dir.resolve(o).toString()));
        assertEquals(0, Kiln.execute(call.apply("filled").toArray(String[]::new)), err());
        com.fasterxml.jackson.databind.JsonNode filled = dev.kiln.core.config.Configs.JSON.readTree(dir.resolve("filled/data_meta.json").toFile());
        assertTrue(err().contains("source gutenberg ran dry in train") && err().contains("the other sources fill the rest"), err());
        assertTrue(filled.at("/splits/train/tokens").asLong() >= 300_000, filled.at("/splits/train").toString());
        assertTrue(filled.at("/splits/train/sources/c4/fill_tokens").asLong() > 0);
        assertTrue(filled.at("/splits/train/sources/gutenberg/ran_dry").asBoolean());
        err.reset();
        List<String> exact = call.apply("exact");
        exact.add("--exact-mix");
        assertEquals(0, Kiln.execute(exact.toArray(String[]::new)), err());
        com.fasterxml.jackson.databind.JsonNode short_ = dev.kiln.core.config.Configs.JSON.readTree(dir.resolve("exact/data_meta.json").toFile());
        assertTrue(short_.at("/splits/train/tokens").asLong() < 300_000, "--exact-mix leaves the split short");
        assertTrue(short_.at("/splits/train/sources/c4/fill_tokens").isMissingNode());
        assertTrue(err().contains("--exact-mix: the split stays short"), err());
    }

    // ---- item 3: record limit on the command line; running out of memory is one line

    @Test
    void maxRecordBytesSkipsLargerLinesAndStrictFailsOnThem() throws IOException {
        Path in = docs("a.jsonl", 3);
        Files.writeString(in, "{\"text\":\"" + "long ".repeat(100) + "\"}\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = dir.resolve("o.jsonl");
        assertEquals(0, Kiln.execute("convert", "-q", "--max-record-bytes", "200", in.toString(), "-o", out.toString()), err());
        assertEquals(3, Files.readAllLines(out).size());
        assertTrue(err().contains("a.jsonl:4: record too large: line of 511 bytes is over the limit of 200"), err());
        assertEquals(1, Kiln.execute("convert", "-q", "--strict", "--max-record-bytes", "200", in.toString(), "-o", dir.resolve("s.jsonl").toString()));
        assertFalse(Files.exists(dir.resolve("s.jsonl")));
        assertEquals(2, Kiln.execute("convert", "--max-record-bytes", "lots", in.toString(), "-o", dir.resolve("s.jsonl").toString()));
    }

    @Test
    void outOfMemoryAnywhereIsOneLineWithAHeapHint() {
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        java.io.PrintStream p = new java.io.PrintStream(b, true, java.nio.charset.StandardCharsets.UTF_8);
        // as the runner rethrows a worker's error, possibly wrapped
        int rc = Errors.report(new IOException("worker failed", new OutOfMemoryError("Java heap space")), "filter", p);
        assertEquals(1, rc);
        String line = b.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, line.strip().lines().count(), line);
        assertTrue(line.startsWith("kiln filter: error: out of memory (Java heap space) with a heap of ") && line.contains("KILN_JAVA_OPTS=-Xmx"),
                line);
    }
}
