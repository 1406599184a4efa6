package dev.kiln.spark;

import dev.kiln.core.util.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;

/**
 * Task-attempt output folders and their commit. A task writes only under its own attempt folder
 * ({@code work/attempts/STAGE/PARTITION-ATTEMPT/}, laid out like the output folder), never to a final name;
 * the driver commits, after the Spark job succeeded, exactly the attempt whose result it received, by
 * moving its files to the same relative paths under the output folder. A failed, retried or speculative
 * attempt therefore never duplicates, loses or half-writes a document, and the committed bytes are those
 * of one complete attempt.
 */
final class TaskAttempts {

    static final String DIR = "attempts";

    /**
     * Fault injection for kiln's own tests and for trying a cluster's retry settings: the comma-separated
     * stages (clean, dedup, spill) whose first attempt of partition 0 writes a partial file and then fails.
     */
    static final String FAIL_FIRST_ATTEMPT = "spark.kiln.failFirstAttempt";

    private TaskAttempts() {
    }

    /** What a task does with its attempt folder: upload it to where the driver commits it. */
    interface Publish {
        String apply(Path attempt) throws IOException;
    }

    /**
     * This task attempt's own folder for {@code stage}, emptied first (a folder left by a killed attempt of
     * the same id). An injected failure ({@link #FAIL_FIRST_ATTEMPT}) leaves a partial file there, hands
     * the folder to {@code publish} as a finished attempt would, and throws.
     */
    static Path open(Path work, String stage, Publish publish) throws IOException {
        TaskContext t = TaskContext.get();
        String name = t == null ? "driver" : String.format(Locale.ROOT, "%05d-%d-%d", t.partitionId(), t.attemptNumber(), t.taskAttemptId());
        Path dir = work.resolve(DIR).resolve(stage).resolve(name);
        FileTrees.deleteTree(dir);
        Files.createDirectories(dir);
        if (t != null && t.partitionId() == 0 && t.attemptNumber() == 0 && SparkEnv.get() != null
                && List.of(SparkEnv.get().conf().get(FAIL_FIRST_ATTEMPT, "").split(",")).contains(stage)) {
            Files.writeString(dir.resolve("partial.jsonl"), "{\"id\": \"half-written\"");
            publish.apply(dir);
            throw new IOException("injected failure of the first attempt of " + stage + " partition 0 (" + FAIL_FIRST_ATTEMPT + ")");
        }
        return dir;
    }

    /** Moves every file under each of {@code attempts} to the same relative path under {@code out}, then deletes the attempts of {@code stage}. */
    static void commit(List<Path> attempts, Path out, Path work, String stage) throws IOException {
        for (Path a : attempts) {
            try (Stream<Path> files = Files.walk(a)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    Path target = out.resolve(a.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.move(f, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        FileTrees.deleteTree(work.resolve(DIR).resolve(stage));
    }

    /** The path of {@code file} (under {@code out}) inside attempt folder {@code attempt}. */
    static Path inside(Path attempt, Path out, Path file) {
        return attempt.resolve(out.relativize(file).toString());
    }
}
