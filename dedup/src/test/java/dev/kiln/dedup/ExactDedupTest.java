package dev.kiln.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.Pipeline;
import dev.kiln.core.pipeline.PipelineRunner;
import dev.kiln.core.pipeline.Progress;
import dev.kiln.core.pipeline.RunStats;
import dev.kiln.core.pipeline.RunnerOptions;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.StageRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExactDedupTest {

    @Test
    void dropsCaseAndWhitespaceVariantsKeepsTheFirst() {
        ExactDedup d = ExactDedup.create();
        assertEquals(Decision.keep(), d.test(Document.of("a", "Hello  World.\nSecond line", "")));
        Decision second = d.test(Document.of("b", " hello world. second\tline ", ""));
        assertEquals(Decision.drop(ExactDedup.REASON, 1.0), second);
        assertEquals(Decision.keep(), d.test(Document.of("c", "Hello World! Second line", "")));
        assertEquals(2, d.distinct());
        assertEquals("hello world. second line", TextKey.normalize("\n Hello\u00a0 WORLD.\r\n\tSecond line  "));
        // Greek final sigma folds with capital sigma; supplementary characters (emoji) pass through
        assertEquals(TextKey.normalize("ÜBER 😀\u2003ΣΊΣΥΦΟΣ"), TextKey.normalize("über\n😀 σίσυφος"));
        assertEquals("über 😀 σίσυφοσ", TextKey.normalize("über\n😀 σίσυφος"));
        org.junit.jupiter.api.Assertions.assertArrayEquals(TextKey.of("ÜBER 😀 ΣΊΣΥΦΟΣ"), TextKey.of(" über 😀 σίσυφος"));
    }

    @Test
    void emptyAndWhitespaceOnlyTextsAreOneKeyNotACrash() {
        // a JSONL record with "text": "" or only blanks reached DataSketches with zero units and threw
        ExactDedup d = ExactDedup.create();
        assertEquals(Decision.keep(), d.test(Document.of("a", "", "")));
        assertEquals(Decision.drop(ExactDedup.REASON, 1.0), d.test(Document.of("b", " \n\t\u00a0 ", "")));
        assertEquals(Decision.keep(), d.test(Document.of("c", "x", "")));
        org.junit.jupiter.api.Assertions.assertArrayEquals(TextKey.of(""), TextKey.of("   "));
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(TextKey.of(""), TextKey.of("x")));
    }

    @Test
    void inAPipelineTheOutputIsTheSameForAnyThreadCount() throws IOException {
        List<Document> web = SampleCorpus.web();
        List<Document> in = new ArrayList<>(web);
        for (int i = 0; i < web.size(); i += 7) {
            in.add(web.get(i).withId(web.get(i).id() + "~copy").withText(web.get(i).text().toUpperCase(java.util.Locale.ROOT) + "\n"));
        }
        List<String> one = run(in, 1);
        assertEquals(one, run(in, 3));
        RunStats s = stats;
        long dropped = s.stage(ExactDedup.NAME).dropped().get(ExactDedup.REASON);
        assertEquals(in.size() - one.size(), dropped);
        // the planted copies plus the duplicates the sample already has
        org.junit.jupiter.api.Assertions.assertTrue(dropped >= (web.size() + 6) / 7, "dropped " + dropped);
        for (String id : one) {
            org.junit.jupiter.api.Assertions.assertFalse(id.endsWith("~copy"), "a later copy was kept: " + id);
        }
    }

    private RunStats stats;

    private List<String> run(List<Document> docs, int threads) throws IOException {
        List<String> ids = new ArrayList<>();
        stats = new PipelineRunner(RunnerOptions.DEFAULT.withThreads(threads)).run(DocumentSource.of(docs),
                Pipeline.of(ExactDedup.create()), d -> ids.add(d.id()), null, Progress.Listener.NONE);
        return ids;
    }

    @Test
    void factoryIsRegisteredAndRejectsUnknownParameters() {
        StageRegistry r = StageRegistry.load();
        assertInstanceOf(ExactDedup.class, r.create("exact_dedup", Map.of()));
        ConfigException e = assertThrows(ConfigException.class, () -> r.create("exact_dedup", Map.of("threshold", 0.9)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    }

    @Test
    void configValidatesItsValues() {
        assertThrows(ConfigException.class, () -> DedupConfig.defaults().withThreshold(1.5));
        assertThrows(ConfigException.class, () -> DedupConfig.defaults().withLsh(new LshParams(20, 10)));
        assertThrows(ConfigException.class, () -> MinHashConfig.DEFAULT.withNumPerm(4));
        assertEquals(2L << 30, DedupConfig.parseBytes("2g"));
        assertEquals(256L << 20, DedupConfig.parseBytes("256MB"));
        assertEquals(1536, DedupConfig.parseBytes("1.5k"));
        assertEquals(12345, DedupConfig.parseBytes("12345"));
        assertThrows(ConfigException.class, () -> DedupConfig.parseBytes("lots"));
    }
}
