package dev.kiln.core.pipeline;

import dev.kiln.core.config.Configs;
import dev.kiln.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata JSON a kiln run leaves beside its outputs: what ran (command, every parameter, kiln
 * version), on what (inputs with sizes), what came out (outputs with sizes), when, and every statistic
 * (reader problems by kind, per-stage counts and drop reasons, and sections other modules add, such as
 * dedup clusters or tokenizer counts). Written atomically, and only when the run completed.
 */
public final class RunMetadata {

    private final Map<String, Object> root = new LinkedHashMap<>();

    public RunMetadata(String command, String kilnVersion) {
        root.put("kiln_version", kilnVersion);
        root.put("command", command);
        root.put("started_at", Instant.now().toString());
    }

    /** Sets (or replaces) a top-level section, e.g. {@code config}, {@code pipeline}, {@code dedup}. */
    public RunMetadata put(String key, Object value) {
        root.put(key, value);
        return this;
    }

    /** Records files with their sizes under {@code key} ({@code inputs} or {@code outputs}). */
    public RunMetadata files(String key, List<Path> paths) throws IOException {
        List<Object> list = new ArrayList<>();
        for (Path p : paths) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.toString());
            m.put("bytes", Files.isRegularFile(p) ? Files.size(p) : null);
            list.add(m);
        }
        root.put(key, list);
        return this;
    }

    /** The content so far. */
    public Map<String, Object> asMap() {
        return root;
    }

    /** Stamps the end time and writes the JSON to {@code path} atomically. */
    public void write(Path path) throws IOException {
        root.put("finished_at", Instant.now().toString());
        AtomicFile.write(path, Configs.JSON.writeValueAsBytes(root));
    }
}
