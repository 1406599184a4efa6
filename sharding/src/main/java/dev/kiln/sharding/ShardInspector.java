package dev.kiln.sharding;

import dev.kiln.tokenizer.Encoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What {@code kiln inspect shards DIR} reports for each split: layout, width, tokens, documents, files,
 * the most frequent ids, the share of unknown and byte-fallback tokens, and a few seeded windows decoded
 * back to text with the tokenizer named in {@code data_meta.json}. Every file is validated first, and a
 * parameter-golf {@code manifest.json} in the folder is checked against the golf shards
 * ({@link GolfManifest#validate}: files and tokens per split must match).
 */
public final class ShardInspector {

    private ShardInspector() {
    }

    /** Inspects {@code dir}; {@code windows} decoded samples of {@code windowTokens} tokens per split. */
    public static Map<String, Object> inspect(Path dir, int windows, int windowTokens, int topK, long seed) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("dir", dir.toString());
        DataMeta meta = DataMeta.readIfPresent(dir);
        Map<String, Object> manifest = GolfManifest.validate(dir);
        Encoder enc = null;
        DataMeta.Tokenizer tok = meta == null ? null : meta.tokenizer();
        if (tok != null && tok.model() != null && Files.exists(Path.of(tok.model()))) {
            enc = Encoder.load(Path.of(tok.model()));
        }
        try {
            for (String split : List.of("train", "val")) {
                TokenShards s;
                try {
                    s = TokenShards.open(dir, split, null);
                } catch (ShardFormatException e) {
                    if (e.getMessage().contains("no " + split + " shards")) {
                        continue;
                    }
                    throw e;
                }
                out.put(split, splitReport(s, enc, meta, windows, windowTokens, topK, seed));
            }
        } finally {
            if (enc != null) {
                enc.close();
            }
        }
        if (!out.containsKey("train") && !out.containsKey("val")) {
            throw new ShardFormatException(dir + ": no train or val shards. HINT: point at the output folder of kiln prepare");
        }
        if (manifest != null) {
            out.put("manifest", manifest);
        }
        return out;
    }

    private static Map<String, Object> splitReport(TokenShards s, Encoder enc, DataMeta meta, int windows, int windowTokens,
                                                   int topK, long seed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("layout", s.layout().name().toLowerCase(Locale.ROOT));
        m.put("dtype", s.dtype().label());
        m.put("files", s.files().size());
        m.put("tokens", s.tokens());
        int boundary = boundaryId(meta);
        Map<Integer, Long> counts = new java.util.HashMap<>();
        long boundaries = 0;
        for (long i = 0; i < s.tokens(); i++) {
            int id = s.get(i);
            counts.merge(id, 1L, Long::sum);
            if (id == boundary) {
                boundaries++;
            }
        }
        long[] starts = s.documentStarts();
        m.put("documents", starts != null ? starts.length : boundaries);
        List<Map.Entry<Integer, Long>> top = new ArrayList<>(counts.entrySet());
        top.sort((a, b) -> b.getValue() != a.getValue().longValue() ? Long.compare(b.getValue(), a.getValue()) : Integer.compare(a.getKey(), b.getKey()));
        List<Object> topList = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : top.subList(0, Math.min(topK, top.size()))) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("id", e.getKey());
            t.put("piece", enc == null ? null : enc.piece(e.getKey()));
            t.put("count", e.getValue());
            t.put("share", Math.round(1e6 * e.getValue() / (double) Math.max(1, s.tokens())) / 1e6);
            topList.add(t);
        }
        m.put("top_ids", topList);
        if (enc != null) {
            long unk = 0;
            long bytes = 0;
            int unkId = enc.pieceId("<unk>");
            for (Map.Entry<Integer, Long> e : counts.entrySet()) {
                String piece = enc.piece(e.getKey());
                if (e.getKey() == unkId) {
                    unk += e.getValue();
                } else if (piece != null && piece.matches("<0x[0-9A-F]{2}>")) {
                    bytes += e.getValue();
                }
            }
            m.put("unk_share", Math.round(1e6 * unk / (double) Math.max(1, s.tokens())) / 1e6);
            m.put("byte_fallback_share", Math.round(1e6 * bytes / (double) Math.max(1, s.tokens())) / 1e6);
            List<Object> samples = new ArrayList<>();
            SplittableRandom r = new SplittableRandom(seed);
            int len = (int) Math.min(windowTokens, s.tokens());
            for (int w = 0; w < windows && len > 0; w++) {
                long from = s.tokens() == len ? 0 : r.nextLong(s.tokens() - len);
                int[] ids = new int[len];
                s.read(from, ids);
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("offset", from);
                sm.put("text", enc.decode(ids));
                samples.add(sm);
            }
            m.put("samples", samples);
        }
        return m;
    }

    /** The id that marks document boundaries according to {@code meta}, or -1. */
    private static int boundaryId(DataMeta meta) {
        if (meta == null || meta.tokenizer() == null) {
            return -1;
        }
        Integer id = "bos".equals(meta.boundary()) ? meta.tokenizer().bosId() : meta.tokenizer().eosId();
        return id == null ? -1 : id;
    }

    /** A readable rendering of {@link #inspect}'s result. */
    @SuppressWarnings("unchecked")
    public static String table(Map<String, Object> report) {
        StringBuilder sb = new StringBuilder();
        sb.append("shards in ").append(report.get("dir")).append('\n');
        if (report.get("manifest") instanceof Map<?, ?> mf) {
            sb.append(GolfManifest.FILE).append(": matches the golf shards (dataset ").append(mf.get("dataset")).append(")\n");
        }
        for (String split : List.of("train", "val")) {
            Map<String, Object> m = (Map<String, Object>) report.get(split);
            if (m == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "%n%s: %,d tokens, %,d documents, %d file(s), %s layout, %s%n", split,
                    ((Number) m.get("tokens")).longValue(), ((Number) m.get("documents")).longValue(), m.get("files"), m.get("layout"),
                    m.get("dtype")));
            if (m.containsKey("unk_share")) {
                sb.append(String.format(Locale.ROOT, "  unk %.4f%%, byte fallback %.4f%%%n", 100 * ((Number) m.get("unk_share")).doubleValue(),
                        100 * ((Number) m.get("byte_fallback_share")).doubleValue()));
            }
            sb.append("  top ids:");
            for (Object o : (List<Object>) m.get("top_ids")) {
                Map<String, Object> t = (Map<String, Object>) o;
                sb.append(String.format(Locale.ROOT, " %s(%s) %.2f%%", t.get("id"), t.get("piece") == null ? "" : t.get("piece"),
                        100 * ((Number) t.get("share")).doubleValue()));
            }
            sb.append('\n');
            for (Object o : (List<Object>) m.getOrDefault("samples", List.of())) {
                Map<String, Object> sm = (Map<String, Object>) o;
                String text = sm.get("text").toString().replace("\n", "\\n");
                sb.append("  @").append(sm.get("offset")).append(": ").append(text, 0, Math.min(200, text.length())).append('\n');
            }
        }
        return sb.toString();
    }
}
