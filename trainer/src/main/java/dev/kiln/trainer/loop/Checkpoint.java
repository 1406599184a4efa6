package dev.kiln.trainer.loop;

import static dev.kiln.core.util.FileTrees.deleteTree;
import dev.kiln.core.config.Configs;
import dev.kiln.trainer.model.LlamaConfig;
import dev.kiln.trainer.model.ParamLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One checkpoint directory: {@code model.safetensors} (one tensor per {@link ParamLayout} entry,
 * shapes as in PyTorch), {@code optimizer.safetensors} (AdamW's flat moments {@code m} and {@code v})
 * and {@code state.json} ({@link RunState}: step, sampler position, runtime settings, config). The
 * AdamW step counter is {@code state.step}. Written to a temporary sibling and renamed, so a directory
 * under its final name is always complete; its bytes depend only on what is saved (safetensors headers
 * sorted, {@code state.json} in the records' declaration order).
 */
public final class Checkpoint {

    public static final String MODEL = "model.safetensors";
    public static final String OPTIMIZER = "optimizer.safetensors";
    public static final String STATE = "state.json";

    /** A loaded checkpoint. */
    public record Loaded(float[] params, float[] m, float[] v, RunState state) {
    }

    private Checkpoint() {
    }

    /** Writes a checkpoint to {@code dir} (replacing it if present); {@code m}/{@code v} may be null (model only). */
    public static void save(Path dir, LlamaConfig arch, float[] params, float[] m, float[] v, RunState state) throws IOException {
        save(dir, arch, params, m, v, state, Map.of());
    }

    /**
     * As {@link #save(Path, LlamaConfig, float[], float[], float[], RunState)}, with {@code extra} files (name to
     * bytes, e.g. the exported ONNX model) written into the same temporary folder, so they appear together with
     * the checkpoint or not at all.
     */
    public static void save(Path dir, LlamaConfig arch, float[] params, float[] m, float[] v, RunState state,
                            Map<String, byte[]> extra) throws IOException {
        Path tmp = dir.resolveSibling(dir.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        ParamLayout layout = ParamLayout.of(arch);
        List<Safetensors.Tensor> tensors = new ArrayList<>();
        for (ParamLayout.Entry e : layout.entries()) {
            tensors.add(new Safetensors.Tensor(e.name(), e.shape(), params, (int) e.offset(), (int) e.size()));
        }
        Safetensors.write(tmp.resolve(MODEL), tensors, Map.of("format", "pt", "kiln_model", arch.name())); // keys sorted there
        if (m != null) {
            Safetensors.write(tmp.resolve(OPTIMIZER), List.of(
                    new Safetensors.Tensor("m", new long[] {m.length}, m, 0, m.length),
                    new Safetensors.Tensor("v", new long[] {v.length}, v, 0, v.length)), Map.of("optimizer", "adamw"));
        }
        writeSynced(tmp.resolve(STATE), Configs.JSON.writeValueAsBytes(state));
        for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(extra).entrySet()) {
            writeSynced(tmp.resolve(e.getKey()), e.getValue());
        }
        deleteTree(dir);
        Files.move(tmp, dir, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads {@code dir}; without {@code optimizer.safetensors} the moments are null. */
    public static Loaded load(Path dir) throws IOException {
        Path stateFile = dir.resolve(STATE);
        if (!Files.isRegularFile(stateFile) || !Files.isRegularFile(dir.resolve(MODEL))) {
            throw new IOException(dir + ": not a kiln checkpoint (needs " + MODEL + " and " + STATE
                    + "). HINT: pass a step_NNNNNNN, best or final folder of a kiln train run");
        }
        RunState state = Configs.JSON.readValue(stateFile.toFile(), RunState.class);
        ParamLayout layout = ParamLayout.of(state.arch());
        Safetensors.Contents model = Safetensors.read(dir.resolve(MODEL));
        float[] params = new float[(int) layout.size()];
        for (ParamLayout.Entry e : layout.entries()) {
            float[] t = model.tensors().get(e.name());
            if (t == null || t.length != e.size()) {
                throw new IOException(dir.resolve(MODEL) + ": tensor " + e.name() + " is missing or has the wrong size for model "
                        + state.arch().name());
            }
            System.arraycopy(t, 0, params, (int) e.offset(), t.length);
        }
        float[] m = null;
        float[] v = null;
        if (Files.isRegularFile(dir.resolve(OPTIMIZER))) {
            Safetensors.Contents opt = Safetensors.read(dir.resolve(OPTIMIZER));
            m = opt.tensors().get("m");
            v = opt.tensors().get("v");
            if (m == null || v == null || m.length != params.length || v.length != params.length) {
                throw new IOException(dir.resolve(OPTIMIZER) + ": moments m and v must each have " + params.length + " elements");
            }
        }
        return new Loaded(params, m, v, state);
    }

    private static void writeSynced(Path file, byte[] bytes) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.wrap(bytes);
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
        deleteTree(tmp);
        Files.createDirectories(tmp);
        try (var s = Files.list(from)) {
            for (Path f : s.toList()) {
                Files.copy(f, tmp.resolve(f.getFileName()));
            }
        }
        deleteTree(to);
        Files.move(tmp, to, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
