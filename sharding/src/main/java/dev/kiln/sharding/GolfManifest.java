package dev.kiln.sharding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The top-level {@code manifest.json} of openai/parameter-golf's data layout: its name, the shard prefix and
 * glob, the byte form (sorted keys, no timestamps) and {@link #validate}, which {@code kiln inspect shards}
 * uses to check a manifest against the golf shards beside it. {@code kiln prepare} builds the content
 * ({@code dev.kiln.prepare.GolfManifestBuilder}, which documents every field).
 */
public final class GolfManifest {

    public static final String FILE = "manifest.json";
    /** File prefix of kiln's golf shards (golf's). */
    public static final String PREFIX = "fineweb";

    private GolfManifest() {
    }

    /** parameter-golf's {@code ceil(V / 128) * 128 * 5}. */
    public static int recommendedBigramVocabSize(int vocabSize) {
        return (vocabSize + 127) / 128 * 128 * 5;
    }

    /** Golf's shard glob of a split, relative to the manifest's folder. */
    public static String glob(String split) {
        return PREFIX + "_" + split + "_*.bin";
    }

    /** The manifest's bytes: sorted keys, two-space indentation, a final newline; no timestamps. */
    public static byte[] bytes(Map<String, Object> manifest) throws IOException {
        String json = Configs.JSON.writeValueAsString(manifest);
        return (json + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Writes {@code dir/manifest.json} atomically. */
    public static Path write(Path dir, Map<String, Object> manifest) throws IOException {
        Path f = dir.resolve(FILE);
        AtomicFile.write(f, bytes(manifest));
        return f;
    }

    /**
     * Checks {@code dir/manifest.json}, when present, against the golf shards in {@code dir}: the files and
     * tokens of each split (every shard header validated), the totals, and the documents against
     * {@code data_meta.json} when that exists. Returns null when there is no manifest, else a summary.
     *
     * @throws ShardFormatException one line naming manifest.json and the field that does not match
     */
    public static Map<String, Object> validate(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        JsonNode root;
        try {
            root = Configs.JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new ShardFormatException(f + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        JsonNode datasets = root == null ? null : root.get("datasets");
        if (datasets == null || !datasets.isArray() || datasets.isEmpty()) {
            throw new ShardFormatException(f + ": no datasets[] array. HINT: not a parameter-golf manifest; remove it or re-run kiln prepare");
        }
        Path base = dir.toAbsolutePath().normalize();
        int index = -1;
        for (int i = 0; i < datasets.size(); i++) {
            JsonNode p = datasets.get(i).get("path");
            if (p != null && p.isTextual() && base.resolve(p.asText()).normalize().equals(base)) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            throw new ShardFormatException(f + ": no datasets[].path names this folder (\".\"). HINT: inspect the dataset folder the manifest names");
        }
        String at = "datasets[" + index + "]";
        JsonNode ds = datasets.get(index);
        JsonNode stats = ds.get("stats");
        if (stats == null || !stats.isObject()) {
            throw new ShardFormatException(f + ": " + at + ".stats is missing");
        }
        DataMeta dataMeta = DataMeta.readIfPresent(dir);
        Map<String, Object> summary = new LinkedHashMap<>();
        long[] files = new long[2];
        long[] tokens = new long[2];
        long[] docs = new long[2];
        for (int k = 0; k < 2; k++) {
            String split = k == 0 ? "train" : "val";
            JsonNode globNode = ds.get(split + "_glob");
            if (globNode == null || !globNode.isTextual()) {
                throw new ShardFormatException(f + ": " + at + "." + split + "_glob is missing");
            }
            List<Path> shards = match(base, globNode.asText());
            for (Path s : shards) {
                tokens[k] += GolfShards.validate(s);
            }
            files[k] = shards.size();
            check(f, at + ".stats.files_" + split, stats, files[k], "files matching " + globNode.asText());
            check(f, at + ".stats.tokens_" + split, stats, tokens[k], "tokens in the shards matching " + globNode.asText());
            docs[k] = number(f, at + ".stats.docs_" + split, stats.get("docs_" + split));
            DataMeta.SplitResult recorded = dataMeta == null ? null : dataMeta.splitResult(split);
            if (recorded != null && recorded.documents() != null) {
                check(f, at + ".stats.docs_" + split, stats, recorded.documents(),
                        DataMeta.FILE + " splits." + split + ".documents");
            }
            summary.put(split, Map.of("files", files[k], "tokens", tokens[k], "documents", docs[k]));
        }
        check(f, at + ".stats.files_total", stats, files[0] + files[1], "files_train + files_val found");
        check(f, at + ".stats.tokens_total", stats, tokens[0] + tokens[1], "tokens_train + tokens_val found");
        check(f, at + ".stats.docs_total", stats, docs[0] + docs[1], "docs_train + docs_val");
        if (root.get("num_docs") != null) {
            check(f, "num_docs", root, docs[0] + docs[1], "docs_train + docs_val");
        }
        if (root.get("num_val_docs") != null) {
            check(f, "num_val_docs", root, docs[1], "docs_val");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", f.toString());
        out.put("dataset", ds.path("name").asText(null));
        out.put("consistent", true);
        out.putAll(summary);
        return out;
    }

    private static List<Path> match(Path base, String glob) throws IOException {
        Path g = Path.of(glob);
        Path folder = g.getParent() == null ? base : base.resolve(g.getParent()).normalize();
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + g.getFileName());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> Files.isRegularFile(p) && m.matches(p.getFileName())).sorted().toList();
        }
    }

    private static long number(Path f, String field, JsonNode n) throws ShardFormatException {
        if (n == null || !n.canConvertToLong() || !n.isIntegralNumber()) {
            throw new ShardFormatException(f + ": " + field + " is missing or not an integer");
        }
        return n.asLong();
    }

    private static void check(Path f, String field, JsonNode parent, long actual, String what) throws ShardFormatException {
        String key = field.substring(field.lastIndexOf('.') + 1);
        long claimed = number(f, field, parent.get(key));
        if (claimed != actual) {
            throw new ShardFormatException(String.format(Locale.ROOT, "%s: %s = %d but %s = %d. "
                    + "HINT: the manifest and the shards come from different runs; re-run kiln prepare", f, field, claimed, what, actual));
        }
    }
}
