package dev.kiln.trainer.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format for fp32 tensors: an 8-byte little-endian header length, a JSON header
 * ({@code {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, "__metadata__": {...}}},
 * padded with spaces to a multiple of 8) and the raw little-endian data. Readable by HF
 * {@code safetensors.torch.load_file}.
 *
 * <p>The bytes depend only on the tensors and metadata, never on the order they are passed in or on a
 * JVM's hash seed: {@code __metadata__} comes first with its keys sorted, then the tensors sorted by
 * name, their data laid out in that same order (so two runs that compute the same weights write
 * byte-identical files, which is what a resumed run is checked against).
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";

    /** One tensor: a name, a shape and the slice {@code [offset, offset + size)} of a flat array. */
    public record Tensor(String name, long[] shape, float[] data, int offset, int size) {
    }

    private Safetensors() {
    }

    /**
     * Writes {@code tensors} and string {@code metadata} to {@code file}, both sorted by name (see the class
     * note); a duplicate tensor name or one called {@code __metadata__} is an {@link IllegalArgumentException}.
     */
    public static void write(Path file, List<Tensor> tensors, Map<String, String> metadata) throws IOException {
        List<Tensor> sorted = tensors.stream().sorted(java.util.Comparator.comparing(Tensor::name)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            String name = sorted.get(i).name();
            if (name.equals(METADATA) || i > 0 && name.equals(sorted.get(i - 1).name())) {
                throw new IllegalArgumentException(file + ": tensor name " + name + " is reserved or used twice");
            }
        }
        ObjectNode header = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            new java.util.TreeMap<>(metadata).forEach(meta::put);
        }
        long off = 0;
        for (Tensor t : sorted) {
            ObjectNode n = header.putObject(t.name());
            n.put("dtype", "F32");
            var shape = n.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            n.putArray("data_offsets").add(off).add(off + 4L * t.size());
            off += 4L * t.size();
        }
        byte[] h = JSON.writeValueAsBytes(header);
        int padded = (h.length + 7) / 8 * 8;
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(h);
        while (head.hasRemaining()) {
            head.put((byte) ' ');
        }
        head.flip();
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            writeFully(ch, head);
            ByteBuffer buf = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Tensor t : sorted) {
                for (int i = 0; i < t.size(); i++) {
                    if (!buf.hasRemaining()) {
                        buf.flip();
                        writeFully(ch, buf);
                        buf.clear();
                    }
                    buf.putFloat(t.data()[t.offset() + i]);
                }
            }
            buf.flip();
            writeFully(ch, buf);
            ch.force(true);
        }
    }

    private static void writeFully(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /** What {@link #read} returns: tensors by name (flat, in file order) with shapes, and the metadata. */
    public record Contents(Map<String, float[]> tensors, Map<String, long[]> shapes, Map<String, String> metadata) {
    }

    /** Reads every F32 tensor of {@code file}; other dtypes are an error naming the tensor. */
    public static Contents read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer lenBuf = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            readFully(ch, lenBuf, 0);
            long hlen = lenBuf.getLong(0);
            if (hlen < 2 || 8 + hlen > size || hlen > 100_000_000) {
                throw new IOException(file + ": header length " + hlen + " does not fit a " + size + "-byte file. HINT: not a safetensors file");
            }
            ByteBuffer hb = ByteBuffer.allocate((int) hlen);
            readFully(ch, hb, 8);
            JsonNode header = JSON.readTree(new String(hb.array(), StandardCharsets.UTF_8).trim());
            Map<String, float[]> tensors = new LinkedHashMap<>();
            Map<String, long[]> shapes = new LinkedHashMap<>();
            Map<String, String> meta = new LinkedHashMap<>();
            long base = 8 + hlen;
            for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals(METADATA)) {
                    e.getValue().fields().forEachRemaining(m -> meta.put(m.getKey(), m.getValue().asText()));
                    continue;
                }
                JsonNode n = e.getValue();
                if (!"F32".equals(n.path("dtype").asText())) {
                    throw new IOException(file + ": tensor " + e.getKey() + " has dtype " + n.path("dtype").asText() + "; kiln reads F32");
                }
                long begin = n.path("data_offsets").get(0).asLong();
                long end = n.path("data_offsets").get(1).asLong();
                long[] shape = new long[n.path("shape").size()];
                long count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = n.path("shape").get(i).asLong();
                    count *= shape[i];
                }
                if (end - begin != 4 * count || base + end > size || begin < 0) {
                    throw new IOException(file + ": tensor " + e.getKey() + " offsets [" + begin + ", " + end + ") do not match shape "
                            + java.util.Arrays.toString(shape) + " or the file size. HINT: the file is truncated");
                }
                float[] data = new float[(int) count];
                ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
                long pos = base + begin;
                int i = 0;
                while (i < data.length) {
                    chunk.clear();
                    chunk.limit((int) Math.min(chunk.capacity(), 4L * (data.length - i)));
                    readFully(ch, chunk, pos);
                    pos += chunk.limit();
                    chunk.flip();
                    while (chunk.hasRemaining()) {
                        data[i++] = chunk.getFloat();
                    }
                }
                tensors.put(e.getKey(), data);
                shapes.put(e.getKey(), shape);
            }
            return new Contents(tensors, shapes, meta);
        }
    }

    private static void readFully(FileChannel ch, ByteBuffer b, long pos) throws IOException {
        while (b.hasRemaining()) {
            int n = ch.read(b, pos);
            if (n < 0) {
                throw new IOException("unexpected end of file");
            }
            pos += n;
        }
    }
}
