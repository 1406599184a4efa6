package dev.kiln.trainer.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code RUNDIR/metrics.jsonl}: one JSON object per logged step ({@code step, loss} (that step's),
 * {@code loss_avg} (mean since the previous line), {@code lr, tokens_per_s, tokens, ms_per_step, grad_norm}, plus {@code val_loss, val_bpb} at evaluations), flushed per line so a killed run keeps what it
 * logged. On resume, lines past the checkpoint's step are dropped first, so the file reads as one run.
 */
public final class MetricsLog implements AutoCloseable {

    public static final String FILE = "metrics.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BufferedWriter out;

    private MetricsLog(BufferedWriter out) {
        this.out = out;
    }

    /** Opens {@code runDir/metrics.jsonl}, keeping only lines with {@code step <= keepUpTo} (0 = a new file). */
    public static MetricsLog open(Path runDir, long keepUpTo) throws IOException {
        Path f = runDir.resolve(FILE);
        List<String> kept = new ArrayList<>();
        if (keepUpTo > 0 && Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                try {
                    if (JSON.readTree(line).path("step").asLong(Long.MAX_VALUE) <= keepUpTo) {
                        kept.add(line);
                    }
                } catch (IOException e) {
                    // a half-written last line of a killed run: dropped
                }
            }
        }
        Files.write(f, kept, StandardCharsets.UTF_8);
        return new MetricsLog(Files.newBufferedWriter(f, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
    }

    /** Appends one record. */
    public void write(Map<String, Object> record) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
        out.flush();
    }

    /** All records of {@code runDir/metrics.jsonl}. */
    public static List<JsonNode> read(Path runDir) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        Path f = runDir.resolve(FILE);
        if (Files.isRegularFile(f)) {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
