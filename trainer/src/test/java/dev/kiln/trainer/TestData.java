package dev.kiln.trainer;

import dev.kiln.trainer.model.LlamaConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Real-text token ids for tests: the UTF-8 bytes of a bundled public-domain book as a byte-level vocabulary. */
final class TestData {

    /** A toy byte-level model: vocab 256, d 32, 2 layers, 2 heads, ffn 64. */
    static final LlamaConfig TOY = new LlamaConfig("toy", 256, 32, 2, 2, 64, 64, 1e4, 1e-5);

    private TestData() {
    }

    /** Bytes of sample/gutenberg/bierce-devils-dictionary.txt (public domain) as token ids 0..255. */
    static int[] bierceBytes() throws IOException {
        byte[] b = Files.readString(Path.of("..", "sample", "gutenberg", "bierce-devils-dictionary.txt"))
                .getBytes(StandardCharsets.UTF_8);
        int[] ids = new int[b.length];
        for (int i = 0; i < b.length; i++) {
            ids[i] = b[i] & 0xff;
        }
        return ids;
    }

    /** A batch of {@code rows} random windows of length {@code seq}. */
    static Batch randomWindows(int[] tokens, int rows, int seq, Random r) {
        long[] starts = new long[rows];
        for (int i = 0; i < rows; i++) {
            starts[i] = r.nextInt(tokens.length - seq - 1);
        }
        return Batch.windows(tokens, starts, seq);
    }
}
