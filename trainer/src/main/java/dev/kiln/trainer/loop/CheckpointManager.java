package dev.kiln.trainer.loop;

import dev.kiln.core.util.FileTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The checkpoints of a run directory: {@code step_NNNNNNN/} folders of which the last {@code keepLast}
 * are kept, a {@code best/} copy of the checkpoint with the lowest validation loss measured AT ITS
 * SAVE (not a stale earlier eval; reference defect 17), and {@code checkpoints.json} recording last,
 * best and every save's step, val loss and time.
 */
public final class CheckpointManager {

    public static final String MANIFEST = "checkpoints.json";
    public static final String BEST = "best";

    private final Path runDir;
    private final int keepLast;

    public CheckpointManager(Path runDir, int keepLast) {
        this.runDir = runDir;
        this.keepLast = keepLast;
    }

    /** The folder name of step {@code step}. */
    public static String name(long step) {
        return String.format(Locale.ROOT, "step_%07d", step);
    }

    /** Saves a checkpoint for {@code state.step()}, updates best, rotates old ones and the manifest. */
    public Path save(TrainingState s, RunState state) throws IOException {
        Path dir = runDir.resolve(name(state.step()));
        Checkpoint.save(dir, state.arch(), s.params(), s.m(), s.v(), state);
        ObjectNode manifest = manifest();
        manifest.put("last", dir.getFileName().toString());
        ObjectNode steps = manifest.with("steps");
        ObjectNode entry = steps.putObject(dir.getFileName().toString());
        entry.put("step", state.step());
        if (state.valLoss() != null) {
            entry.put("val_loss", state.valLoss());
        }
        if (state.valBpb() != null) {
            entry.put("val_bpb", state.valBpb());
        }
        entry.put("saved_at", state.savedAt());
        JsonNode best = manifest.path("best");
        if (state.valLoss() != null && (!best.has("val_loss") || state.valLoss() < best.get("val_loss").asDouble())) {
            Checkpoint.copyTree(dir, runDir.resolve(BEST));
            ObjectNode b = manifest.putObject("best");
            b.put("dir", BEST);
            b.put("from", dir.getFileName().toString());
            b.put("step", state.step());
            b.put("val_loss", state.valLoss());
        }
        rotate();
        AtomicFile.write(runDir.resolve(MANIFEST), Configs.JSON.writeValueAsBytes(manifest));
        return dir;
    }

    private void rotate() throws IOException {
        List<Path> dirs = stepDirs();
        for (int i = 0; i < dirs.size() - keepLast; i++) {
            FileTrees.deleteTree(dirs.get(i));
        }
    }

    /** The step checkpoint folders, oldest first. */
    public List<Path> stepDirs() throws IOException {
        if (!Files.isDirectory(runDir)) {
            return List.of();
        }
        try (var s = Files.list(runDir)) {
            return s.filter(p -> p.getFileName().toString().matches("step_\\d{7}") && Files.isDirectory(p)).sorted().toList();
        }
    }

    /** The newest step checkpoint, or null. */
    public Path latest() throws IOException {
        List<Path> d = stepDirs();
        return d.isEmpty() ? null : d.getLast();
    }

    /** The manifest as read from disk (an empty object if none). */
    public ObjectNode manifest() throws IOException {
        Path f = runDir.resolve(MANIFEST);
        if (Files.isRegularFile(f)) {
            return (ObjectNode) Configs.JSON.readTree(f.toFile());
        }
        ObjectNode n = Configs.JSON.createObjectNode();
        n.put("created_at", Instant.now().toString());
        return n;
    }

    /** The training state to save: flat params and moments. */
    public record TrainingState(float[] params, float[] m, float[] v) {
    }
}
