package dev.kiln.core.steps;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.AtomicFile;
import dev.kiln.core.util.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a job as named, resumable steps. Each step leaves its outputs atomically and then a marker
 * {@code OUT/.kiln-work/NAME.done.json} holding its result; a re-run after a crash or {@code kill -9}
 * returns completed steps' results from their markers and redoes only the interrupted one. Because every
 * step is deterministic, the final outputs are byte-identical to an uninterrupted run.
 *
 * <p>The work folder is bound to the job's configuration (its exact bytes, the fingerprint): resuming
 * with another configuration is refused, unless no step had completed, in which case nothing is lost and
 * the folder is replaced silently (a run that failed before doing any work must not block the corrected
 * command). Hidden {@code *.kiln-tmp} files an interrupted run left anywhere under the output folder are
 * removed on opening. {@link #finish()} removes the work folder once the job's final outputs are in place.
 *
 * <pre>{@code
 * StepExecutor steps = StepExecutor.open("prepare", out, configBytes, log::info);
 * Stats s = steps.run("clean-c4-00000", Stats.class, () -> clean(...));
 * ...write final outputs...
 * steps.finish();
 * }</pre>
 */
public final class StepExecutor {

    /** The work folder's name inside the output folder. */
    public static final String WORK = ".kiln-work";
    private static final String CONFIG = "config.json";
    private static final String MARKER = ".done.json";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /** A step's work. */
    @FunctionalInterface
    public interface Body<T> {
        T run() throws IOException;
    }

    private final String command;
    private final Path work;
    private final Consumer<String> log;
    private final boolean resumed;
    private final Map<String, Double> seconds = new LinkedHashMap<>();

    private StepExecutor(String command, Path work, Consumer<String> log, boolean resumed) {
        this.command = command;
        this.work = work;
        this.log = log;
        this.resumed = resumed;
    }

    /**
     * Opens the work folder of {@code out}, resuming it when it was made with the same {@code fingerprint}.
     *
     * @param command     the job's name, prefixed to every log line
     * @param out         the output folder (created if needed)
     * @param fingerprint the configuration's bytes; equal bytes mean the same job
     * @param log         one-line messages
     * @throws ConfigException if the work folder holds completed steps of another configuration
     */
    public static StepExecutor open(String command, Path out, byte[] fingerprint, Consumer<String> log) throws IOException {
        Path abs = out.toAbsolutePath();
        Path work = abs.resolve(WORK);
        Path config = work.resolve(CONFIG);
        boolean resumed = false;
        if (Files.isRegularFile(config) && Arrays.equals(Files.readAllBytes(config), fingerprint)) {
            resumed = true;
        } else if (Files.exists(work)) {
            if (Files.isRegularFile(config) && completedSteps(work) > 0) {
                throw new ConfigException(work + " holds completed steps of a run with a different configuration. "
                        + "HINT: re-run with the same configuration to resume it, or use --overwrite to start again");
            }
            // no completed step: nothing to lose
            FileTrees.deleteTree(work);
        }
        Files.createDirectories(work);
        removeStaleTemporaries(command, abs, log);
        if (resumed) {
            log.accept(command + ": resuming from " + work);
        } else {
            AtomicFile.write(config, fingerprint);
        }
        return new StepExecutor(command, work, log, resumed);
    }

    /** Removes the work folder of {@code out} (for {@code --overwrite}). */
    public static void discard(Path out) throws IOException {
        FileTrees.deleteTree(out.toAbsolutePath().resolve(WORK));
    }

    /** True when the work folder already existed with this configuration. */
    public boolean resumed() {
        return resumed;
    }

    /** The work folder, where steps keep their intermediate files. */
    public Path work() {
        return work;
    }

    /** Runs step {@code name} unless it completed before; returns its result either way. */
    public <T> T run(String name, Class<T> type, Body<T> body) throws IOException {
        return run(name, Configs.JSON.getTypeFactory().constructType(type), body);
    }

    /** As {@link #run(String, Class, Body)} for generic results, e.g. {@code new TypeReference<Map<String, Object>>() {}}. */
    public <T> T run(String name, TypeReference<T> type, Body<T> body) throws IOException {
        return run(name, Configs.JSON.getTypeFactory().constructType(type), body);
    }

    private <T> T run(String name, JavaType type, Body<T> body) throws IOException {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("step name must match " + NAME + ": " + name);
        }
        if (seconds.containsKey(name)) {
            throw new IllegalArgumentException("step " + name + " ran twice in one job");
        }
        Path marker = work.resolve(name + MARKER);
        if (Files.isRegularFile(marker)) {
            JsonNode m = Configs.JSON.readTree(marker.toFile());
            seconds.put(name, m.path("seconds").asDouble());
            log.accept(command + ": " + name + " already done");
            return Configs.JSON.convertValue(m.get("value"), type);
        }
        log.accept(command + ": " + name);
        long t0 = System.nanoTime();
        T value = body.run();
        double s = Math.round((System.nanoTime() - t0) / 1e6) / 1e3;
        ObjectNode m = Configs.JSON.createObjectNode();
        m.put("seconds", s);
        m.set("value", Configs.JSON.valueToTree(value));
        byte[] bytes = Configs.JSON.writeValueAsBytes(m);
        AtomicFile.write(marker, bytes);
        seconds.put(name, s);
        // the caller sees exactly what a resumed run will read back from the marker (same number types too)
        return Configs.JSON.convertValue(Configs.JSON.readTree(bytes).get("value"), type);
    }

    /** Seconds each step took, by name, in the order they ran (a resumed step: its first run's time). */
    public Map<String, Double> stepSeconds() {
        return Collections.unmodifiableMap(seconds);
    }

    /** Removes the work folder: call once the job's final outputs are complete. */
    public void finish() throws IOException {
        FileTrees.deleteTree(work);
    }

    private static long completedSteps(Path work) throws IOException {
        try (Stream<Path> s = Files.list(work)) {
            return s.filter(p -> p.getFileName().toString().endsWith(MARKER)).count();
        }
    }

    /** Deletes the temporary files an interrupted run left (hidden {@code .*.kiln-tmp} names only kiln writes). */
    private static void removeStaleTemporaries(String command, Path out, Consumer<String> log) throws IOException {
        try (Stream<Path> s = Files.walk(out)) {
            for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".kiln-tmp")).toList()) {
                log.accept(command + ": removing " + p.getFileName() + " left by an interrupted run");
                Files.deleteIfExists(p);
            }
        }
    }
}
