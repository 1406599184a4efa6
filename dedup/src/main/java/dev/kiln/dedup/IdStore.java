package dev.kiln.dedup;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Document ids by ordinal, for the cluster report: UTF-8 bytes appended to a file, one {@code long}
 * offset per document on the heap (8 bytes per document), the file memory-mapped for reading.
 */
final class IdStore implements Closeable {

    private final Path file;
    private final OutputStream out;
    private long[] offsets = new long[1024];
    private int count;
    private long pos;
    private Arena arena;
    private MemorySegment mapped;

    IdStore(Path dir) throws IOException {
        this.file = dir.resolve("ids.bin");
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    void add(String id) throws IOException {
        byte[] b = id.getBytes(StandardCharsets.UTF_8);
        if (count + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        offsets[count] = pos;
        out.write(b);
        pos += b.length;
        count++;
        offsets[count] = pos;
    }

    void finish() throws IOException {
        out.close();
        arena = Arena.ofShared();
        if (pos > 0) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
                mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, pos, arena);
            }
        }
    }

    String get(int i) {
        long from = offsets[i];
        int len = (int) (offsets[i + 1] - from);
        if (len == 0) {
            return "";
        }
        byte[] b = mapped.asSlice(from, len).toArray(ValueLayout.JAVA_BYTE);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (arena != null) {
            arena.close();
            arena = null;
        }
        Files.deleteIfExists(file);
    }
}
