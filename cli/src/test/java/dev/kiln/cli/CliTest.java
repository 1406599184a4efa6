package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, through its main entry point, on the bundled sample. */
class CliTest extends StdStreamsTest {

    @TempDir
    Path dir;

    Path yaml(String text) throws IOException {
        Path p = dir.resolve("pipeline.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void runExecutesAPipelineFileAndWritesOutputsAndMetadata() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path cfg = yaml("inputs: [" + web + "]\noutput: " + dir.resolve("kept.jsonl.zst") + "\nrejects: "
                + dir.resolve("rej.jsonl.gz") + "\nstages:\n  - name: test_min_words\n    min_words: 80\n");
        int rc = Kiln.execute("run", "--config", cfg.toString(), "--threads", "2");
        assertEquals(0, rc, err());
        assertTrue(Files.size(dir.resolve("kept.jsonl.zst")) > 0);
        JsonNode meta = Configs.JSON.readTree(dir.resolve("kept.jsonl.zst.meta.json").toFile());
        assertEquals(1500, meta.at("/pipeline/docs_read").asInt());
        long kept = meta.at("/pipeline/docs_written").asLong();
        long dropped = meta.at("/pipeline/stages/0/dropped_by_reason/too_few_words").asLong();
        assertEquals(1500, kept + dropped);
        assertTrue(kept > 500 && dropped > 50, kept + " kept, " + dropped + " dropped");
        assertEquals(80, meta.at("/config/stages/0/min_words").asInt());
        assertTrue(out().contains("test_min_words") && out().contains("too_few_words"), "summary table:\n" + out());
    }

    @Test
    void threadCountDoesNotChangeOutputBytes() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        Path cfg = yaml("inputs: [" + web + "]\nstages:\n  - name: test_min_words\n    min_words: 30\n");
        assertEquals(0, Kiln.execute("run", "-q", "--config", cfg.toString(), "--threads", "1", "-o", dir.resolve("a.jsonl").toString()));
        assertEquals(0, Kiln.execute("run", "-q", "--config", cfg.toString(), "--threads", "4", "-o", dir.resolve("b.jsonl").toString()));
        assertEquals(-1, Files.mismatch(dir.resolve("a.jsonl"), dir.resolve("b.jsonl")));
    }

    @Test
    void configErrorsExitWithCode2AndOneLine() throws IOException {
        Path cfg = yaml("inputs: [x]\nstages:\n  - name: test_min_words\n    min_wrds: 3\n");
        assertEquals(2, Kiln.execute("run", "--config", cfg.toString()));
        assertTrue(err().contains("Unknown parameters for stage 'test_min_words': [min_wrds]"), err());
        assertEquals(1, err().strip().lines().count(), err());
    }

    @Test
    void missingInputExitsWithCode1NamingTheFile() throws IOException {
        Path cfg = yaml("inputs: [" + dir.resolve("missing.jsonl") + "]\n");
        assertEquals(1, Kiln.execute("run", "--config", cfg.toString(), "-o", dir.resolve("o.jsonl").toString()));
        assertTrue(err().contains("missing.jsonl: no such input"), err());
        assertFalse(Files.exists(dir.resolve("o.jsonl")));
    }

    @Test
    void optionsComeFromTheConfigFileUnlessGivenOnTheCommandLine() throws IOException {
        Path web = SampleCorpus.dir().resolve("web.jsonl.gz");
        // threads and quiet from the file's 'run' section
        Path cfg = yaml("inputs: [" + web + "]\nthreads: 1\nstages: []\n");
        assertEquals(0, Kiln.execute("run", "--config", cfg.toString(), "-o", dir.resolve("c.jsonl").toString()));
        JsonNode meta = Configs.JSON.readTree(dir.resolve("c.jsonl.meta.json").toFile());
        assertEquals(1, meta.at("/pipeline/threads").asInt());
    }

    @Test
    void theExamplePrepareConfigIsValid() throws IOException {
        Path example = SampleCorpus.dir().getParent().resolve("examples/prepare.yaml");
        dev.kiln.prepare.PrepareConfig c = Configs.load(example, dev.kiln.prepare.PrepareConfig.class);
        assertEquals(4, c.sources().size());
        assertEquals("wikidata", c.sources().get(3).kind());
        assertEquals(4096, c.tokenizerTraining().vocabSize());
        assertEquals("bos", c.boundary(), "golf shards default to BOS before each document");
    }

    @Test
    void stagesListsRegisteredStages() {
        assertEquals(0, Kiln.execute("stages"));
        assertTrue(out().contains("test_min_words"), out());
    }

    @Test
    void demoRunsAScriptOfOrdinaryCommandsIntoAFreshFolder() throws IOException {
        Path script = dir.resolve("demo.kiln");
        Files.writeString(script, """
                # a comment
                ## Keep documents with at least 40 words
                run -q --config ${out}/../pipeline.yaml -o ${out}/kept.jsonl.gz
                ## List stages
                stages
                """);
        yaml("inputs: [${sample}/web.jsonl.gz]\nstages:\n  - name: test_min_words\n    min_words: 40\n"
                .replace("${sample}", SampleCorpus.dir().toString()));
        Path demoOut = dir.resolve("demo-out");
        Files.createDirectories(demoOut);
        Files.writeString(demoOut.resolve(DemoCommand.MARKER), "");
        Files.writeString(demoOut.resolve("stale.txt"), "from an earlier run");
        int rc = Kiln.execute("demo", "--script", script.toString(), "-o", demoOut.toString(), "--sample", SampleCorpus.dir().toString());
        assertEquals(0, rc, err());
        assertTrue(Files.size(demoOut.resolve("kept.jsonl.gz")) > 0);
        assertFalse(Files.exists(demoOut.resolve("stale.txt")), "demo output folder is recreated");
        assertTrue(out().contains("=== 1. Keep documents with at least 40 words"), out());
        // a non-demo folder is never wiped
        Path precious = dir.resolve("precious");
        Files.createDirectories(precious);
        Files.writeString(precious.resolve("thesis.tex"), "x");
        assertEquals(2, Kiln.execute("demo", "--script", script.toString(), "-o", precious.toString()));
        assertTrue(Files.exists(precious.resolve("thesis.tex")));
    }

    @Test
    void demoScriptSplitsQuotedArguments() {
        assertEquals(List.of("tokenizer", "show", "--model", "m", "hello world"),
                DemoCommand.split("tokenizer show --model m \"hello world\""));
    }
}
