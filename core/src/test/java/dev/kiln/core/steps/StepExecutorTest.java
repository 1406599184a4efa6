package dev.kiln.core.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.kiln.core.config.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepExecutorTest {

    @TempDir
    Path dir;

    record Counts(long in, long out, String note) {
    }

    private static byte[] cfg(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCompletedStepIsNotRunAgainAndItsResultComesBackFromItsMarker() throws IOException {
        List<String> log = new ArrayList<>();
        AtomicInteger runs = new AtomicInteger();
        StepExecutor a = StepExecutor.open("job", dir, cfg("{\"a\":1}"), log::add);
        assertFalse(a.resumed());
        Counts first = a.run("count", Counts.class, () -> {
            runs.incrementAndGet();
            return new Counts(10, 7, "x");
        });
        // the job dies here; the next run resumes
        StepExecutor b = StepExecutor.open("job", dir, cfg("{\"a\":1}"), log::add);
        assertTrue(b.resumed());
        Counts again = b.run("count", Counts.class, () -> {
            runs.incrementAndGet();
            return new Counts(0, 0, "wrong");
        });
        assertEquals(1, runs.get());
        assertEquals(first, again);
        assertTrue(log.contains("job: count already done"), log.toString());
        assertTrue(b.stepSeconds().containsKey("count"));
    }

    @Test
    void genericResultsReadBackWithTheSameTypesAsTheFirstRun() throws IOException {
        TypeReference<Map<String, Object>> type = new TypeReference<>() {
        };
        Map<String, Object> first = StepExecutor.open("job", dir, cfg("c"), s -> { }).run("m", type, () -> Map.of("n", 5L, "r", 0.5));
        Map<String, Object> second = StepExecutor.open("job", dir, cfg("c"), s -> { }).run("m", type, () -> Map.of());
        assertEquals(first, second);
    }

    @Test
    void anotherConfigurationIsRefusedOnceAStepCompleted() throws IOException {
        StepExecutor.open("job", dir, cfg("one"), s -> { }).run("s", Counts.class, () -> new Counts(1, 1, null));
        ConfigException e = assertThrows(ConfigException.class, () -> StepExecutor.open("job", dir, cfg("two"), s -> { }));
        assertTrue(e.getMessage().contains("different configuration") && e.getMessage().contains("--overwrite"), e.getMessage());
    }

    @Test
    void aWorkFolderWithNoCompletedStepIsReplacedSilently() throws IOException {
        StepExecutor failed = StepExecutor.open("job", dir, cfg("glob matched nothing"), s -> { });
        Files.writeString(failed.work().resolve("partial.tmp"), "half");
        StepExecutor fixed = StepExecutor.open("job", dir, cfg("corrected"), s -> { });
        assertFalse(fixed.resumed());
        assertFalse(Files.exists(fixed.work().resolve("partial.tmp")));
        // and the corrected configuration is now the one a resume must match
        fixed.run("s", Counts.class, () -> new Counts(1, 1, null));
        assertTrue(StepExecutor.open("job", dir, cfg("corrected"), s -> { }).resumed());
    }

    @Test
    void staleTemporariesAnywhereUnderTheOutputAreRemoved() throws IOException {
        Path nested = Files.createDirectories(dir.resolve("tokenizer"));
        Path stale = Files.writeString(nested.resolve(".spm.model.1234.kiln-tmp"), "x");
        Path kept = Files.writeString(dir.resolve("train.bin"), "y");
        List<String> log = new ArrayList<>();
        StepExecutor.open("job", dir, cfg("c"), log::add);
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(kept));
        assertTrue(log.stream().anyMatch(l -> l.contains(".spm.model.1234.kiln-tmp")), log.toString());
    }

    @Test
    void aFailingStepLeavesNoMarkerAndRunsAgainOnResume() throws IOException {
        StepExecutor a = StepExecutor.open("job", dir, cfg("c"), s -> { });
        assertThrows(IOException.class, () -> a.run("s", Counts.class, () -> {
            throw new IOException("disk full");
        }));
        AtomicInteger runs = new AtomicInteger();
        StepExecutor.open("job", dir, cfg("c"), s -> { }).run("s", Counts.class, () -> {
            runs.incrementAndGet();
            return new Counts(2, 2, null);
        });
        assertEquals(1, runs.get());
    }

    @Test
    void finishRemovesTheWorkFolderAndNamesAreChecked() throws IOException {
        StepExecutor a = StepExecutor.open("job", dir, cfg("c"), s -> { });
        assertThrows(IllegalArgumentException.class, () -> a.run("../escape", Counts.class, () -> null));
        a.run("s", Counts.class, () -> new Counts(1, 1, null));
        assertThrows(IllegalArgumentException.class, () -> a.run("s", Counts.class, () -> null));
        a.finish();
        assertFalse(Files.exists(dir.resolve(StepExecutor.WORK)));
    }
}
