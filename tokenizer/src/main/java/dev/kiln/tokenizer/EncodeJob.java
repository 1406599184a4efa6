package dev.kiln.tokenizer;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kiln.core.Document;
import dev.kiln.core.io.AtomicFile;
import dev.kiln.core.io.Compression;
import dev.kiln.core.pipeline.DocumentSource;
import dev.kiln.core.pipeline.OrderedParallelMap;
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
 * order, batches of documents encoded on several threads by one {@link OrderedParallelMap} per run. The
 * file is written under a temporary name and renamed when complete ({@code .gz}/{@code .zst} suffixes compress). Token shards for training are the sharding
 * module's job; this output is for inspection and for other tools.
 */
public final class EncodeJob {

    private static final int BATCH = 256;

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
                long[] counts = new long[3]; // documents, tokens, UTF-8 bytes
                OrderedParallelMap.run("kiln-encode", threads, Math.max(1, threads) * 4, () -> nextBatch(source), batch -> {
                    int[][] ids = new int[batch.size()][];
                    for (int i = 0; i < ids.length; i++) {
                        ids[i] = encoder.encode(batch.get(i).text());
                    }
                    return new Encoded(batch, ids);
                }, e -> {
                    for (int i = 0; i < e.ids().length; i++) {
                        g.writeStartObject();
                        g.writeStringField("id", e.batch().get(i).id());
                        g.writeFieldName("ids");
                        g.writeArray(e.ids()[i], 0, e.ids()[i].length);
                        g.writeEndObject();
                        counts[0]++;
                        counts[1] += e.ids()[i].length;
                        counts[2] += e.batch().get(i).text().getBytes(StandardCharsets.UTF_8).length;
                    }
                });
                docs = counts[0];
                tokens = counts[1];
                bytes = counts[2];
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

    /** One batch's documents and their ids. */
    private record Encoded(List<Document> batch, int[][] ids) {
    }

    /** The next {@value #BATCH} documents of {@code source}, or null at its end. */
    private static List<Document> nextBatch(DocumentSource source) throws IOException {
        List<Document> batch = new ArrayList<>(BATCH);
        for (Document d; batch.size() < BATCH && (d = source.next()) != null; ) {
            batch.add(d);
        }
        return batch.isEmpty() ? null : batch;
    }
}
