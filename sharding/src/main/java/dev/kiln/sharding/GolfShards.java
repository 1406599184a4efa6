package dev.kiln.sharding;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Constants and header checks of the parameter-golf / llm.c shard format. */
public final class GolfShards {

    /** Header magic of uint16 shards (llm.c's GPT-2 format, parameter-golf). */
    public static final int MAGIC = 20240520;
    /** Header magic of llm.c's uint32 (Llama-3) shards, recognised to give a clear error. */
    public static final int MAGIC_LLAMA3 = 20240801;
    public static final int VERSION = 1;
    /** 256 int32. */
    public static final int HEADER_BYTES = 1024;
    /** Golf's tokens per shard. */
    public static final long DEFAULT_TOKENS_PER_SHARD = 100_000_000L;

    private GolfShards() {
    }

    /** The name of shard {@code index} of {@code split}: {@code <prefix>_<split>_%06d.bin}. */
    public static String fileName(String prefix, String split, int index) {
        return String.format(java.util.Locale.ROOT, "%s_%s_%06d.bin", prefix, split, index);
    }

    /** The header of a shard of {@code tokens} ids (the buffer's whole content, position 0). */
    public static ByteBuffer header(long tokens) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, MAGIC);
        b.putInt(4, VERSION);
        b.putInt(8, (int) tokens);
        return b;
    }

    /**
     * Reads and validates the header of {@code file}: magic, version and exact file size. Returns the
     * token count.
     *
     * @throws ShardFormatException naming the file, what is wrong, and a HINT on how to fix it
     */
    public static long validate(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_BYTES) {
                throw new ShardFormatException(file + ": " + size + " bytes is shorter than the 1024-byte shard header. "
                        + "HINT: the file is truncated or not a golf shard; re-run kiln prepare");
            }
            ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // fill
            }
            int magic = b.getInt(0);
            int version = b.getInt(4);
            long count = b.getInt(8) & 0xFFFF_FFFFL;
            if (magic == MAGIC_LLAMA3) {
                throw new ShardFormatException(file + ": llm.c Llama-3 shard (magic 20240801, uint32 ids); kiln reads uint16 golf "
                        + "shards. HINT: write nanoGPT .bin shards (--format bin) for vocabularies over 65,536");
            }
            if (magic != MAGIC) {
                throw new ShardFormatException(file + ": bad magic " + magic + " (expected " + MAGIC + "). "
                        + "HINT: not a parameter-golf shard; headerless nanoGPT files are named train.bin/val.bin");
            }
            if (version != VERSION) {
                throw new ShardFormatException(file + ": unsupported version " + version + " (expected 1)");
            }
            long expected = HEADER_BYTES + 2 * count;
            if (size != expected) {
                throw new ShardFormatException(file + ": header says " + count + " tokens (" + expected + " bytes) but the file has "
                        + size + " bytes. HINT: the shard is truncated or was being written; re-run kiln prepare");
            }
            return count;
        }
    }
}
