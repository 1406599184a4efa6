package dev.kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.testing.SampleCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kiln prepare survives real {@code kill -9}s: a child JVM is killed at several points (after a source is
 * cleaned, after dedup, during shard assembly), each re-run resumes, and the final files are
 * byte-identical to an uninterrupted run.
 */
class PrepareResumeTest {

    @TempDir
    Path dir;

    static List<String> args(Path out) {
        Path s = SampleCorpus.dir();
        return List.of("prepare", "--c4", s.resolve("web.jsonl.gz").toString(), "--wikipedia", s.resolve("wiki.jsonl.gz").toString(),
                "--gutenberg", s.resolve("gutenberg").toString(), "--train-tokens", "150000", "--val-tokens", "15000",
                "--vocab-size", "1024", "--format", "both", "--tokens-per-shard", "40000", "--threads", "2", "-q", "-o", out.toString());
    }

    /** Starts kiln prepare in a child JVM; kills it with SIGKILL once {@code marker} exists. Returns true if it was killed. */
    static boolean runAndKillAt(Path out, String marker) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow", "-DOPT_OUT_TRACKING=true", "-Doffline=true",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "dev.kiln.cli.Kiln"));
        cmd.addAll(args(out));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        Process p = pb.start();
        Path m = out.resolve(".kiln-work").resolve(marker);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(m)) {
                p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
                p.waitFor();
                return true;
            }
            Thread.sleep(20);
        }
        p.waitFor(4, TimeUnit.MINUTES);
        return false;
    }

    @Test
    void killedRunsResumeToByteIdenticalOutputs() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, Kiln.execute(args(reference).toArray(new String[0])));

        Path resumed = dir.resolve("resumed");
        assertTrue(runAndKillAt(resumed, "clean-c4-00000.done.json"), "killed after the first source was cleaned");
        assertFalse(Files.exists(resumed.resolve("data_meta.json")));
        assertTrue(runAndKillAt(resumed, "dedup.done.json"), "killed after dedup");
        assertTrue(runAndKillAt(resumed, "spill-c4.done.json"), "killed while tokenizing the next source");
        assertTrue(runAndKillAt(resumed, "spill-gutenberg.done.json"), "killed after tokenizing, during assembly");
        assertFalse(Files.exists(resumed.resolve("data_meta.json")), "an interrupted run never looks finished");
        assertEquals(0, Kiln.execute(args(resumed).toArray(new String[0])), "the last run completes");

        List<String> files;
        try (Stream<Path> s = Files.walk(reference)) {
            files = s.filter(Files::isRegularFile).map(p -> reference.relativize(p).toString())
                    .filter(f -> !f.equals("data_meta.json") && !f.endsWith("tokenizer_meta.json")).sorted().toList();
        }
        assertTrue(files.contains("train.bin") && files.contains("fineweb_val_000000.bin") && files.contains("tokenizer/spm.model"), files.toString());
        for (String f : files) {
            assertEquals(-1, Files.mismatch(reference.resolve(f), resumed.resolve(f)), f + " differs after resume");
        }
        try (Stream<Path> s = Files.walk(resumed)) {
            assertEquals(List.of(), s.filter(p -> p.toString().endsWith(".kiln-tmp")).toList(), "no temporary files left");
        }
    }
}
