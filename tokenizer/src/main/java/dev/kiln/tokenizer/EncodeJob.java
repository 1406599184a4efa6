package dev.kiln.tokenizer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kiln.core.Document;
import dev.kiln.core.io.AtomicFile;
import dev.kiln.core.io.Compression;
import dev.kiln.core.pipeline.DocumentSource;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a stream of documents into a JSONL file of {@code {"id": ..., "ids": [...]}} lines, in input
 * order, encoding each batch on several threads. The file is written under a temporary name and renamed
 * when complete ({@code .gz}/{@code .zst} suffixes compress). Token shards for training are the sharding
 * module's job; this output is for inspection and for other tools.
 */
public final class EncodeJob {

    private static final int BATCH = 4096;

    private EncodeJob() {
    }

    /**
     * Encodes every document of {@code source} into {@code output}.
     *
     * @return documents, tokens, UTF-8 bytes, bytes per token and seconds
     */
    public static Map<String, Object> run(Encoder encoder, DocumentSource source, Path output, int threads)
            throws IOException {
        long t0 = System.nanoTime();
        long docs = 0;
        long tokens = 0;
        long bytes = 0;
        AtomicFile file = AtomicFile.create(output);
        try {
            try (OutputStream raw = file.openStream();
                 OutputStream out = Compression.of(output.getFileName().toString()).compress(raw);
                 JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
                List<Document> batch = new ArrayList<>(BATCH);
                for (Document d = source.next(); ; d = source.next()) {
                    if (d != null) {
                        batch.add(d);
                    }
                    if (batch.size() == BATCH || (d == null && !batch.isEmpty())) {
                        int[][] ids = encoder.encodeAll(batch.stream().map(Document::text).toList(), threads);
                        for (int i = 0; i < ids.length; i++) {
                            g.writeStartObject();
                            g.writeStringField("id", batch.get(i).id());
                            g.writeFieldName("ids");
                            g.writeArray(ids[i], 0, ids[i].length);
                            g.writeEndObject();
                            docs++;
                            tokens += ids[i].length;
                            bytes += batch.get(i).text().getBytes(StandardCharsets.UTF_8).length;
                        }
                        batch.clear();
                    }
                    if (d == null) {
                        break;
                    }
                }
                g.writeRaw('\n');
            }
            file.commit();
        } finally {
            file.abort();
        }
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("documents", docs);
        stats.put("tokens", tokens);
        stats.put("utf8_bytes", bytes);
        stats.put("bytes_per_token", tokens == 0 ? 0.0 : (double) bytes / tokens);
        stats.put("seconds", (System.nanoTime() - t0) / 1e9);
        return stats;
    }
}
