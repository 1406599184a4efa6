package dev.kiln.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden bytes and ids: a shipped kiln model, and the ids Debian's {@code spm_encode} gives with it. */
class GoldenModelTest {

    static final Path GOLDEN = Path.of("src", "test", "resources", "golden");

    @Test
    void trainerReproducesTheGoldenModelByteForByte() throws IOException {
        byte[] golden = Files.readAllBytes(GOLDEN.resolve("reference-1024.model"));
        TrainResult r = Corpora.train(TrainerConfig.reference(1024).threads(2).build(), Corpora.lines("train-small.txt"));
        assertArrayEquals(golden, r.model().toBytes());
    }

    @Test
    void encodersGiveSpmEncodesIds() throws IOException {
        byte[] model = Files.readAllBytes(GOLDEN.resolve("reference-1024.model"));
        List<String> lines = Files.readAllLines(Corpora.resource("heldout-small.txt"), StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(GOLDEN.resolve("heldout-small.spm_encode-ids.txt"), StandardCharsets.UTF_8);
        assertEquals(lines.size(), expected.size());
        try (Encoder jni = Encoder.of(model, Normalization.IDENTITY, Encoder.Backend.JNI);
             Encoder java = Encoder.of(model, Normalization.IDENTITY, Encoder.Backend.JAVA)) {
            for (int i = 0; i < lines.size(); i++) {
                int[] want = Arrays.stream(expected.get(i).trim().split(" ")).mapToInt(Integer::parseInt).toArray();
                assertArrayEquals(want, jni.encode(lines.get(i)), "JNI, line " + (i + 1));
                assertArrayEquals(want, java.encode(lines.get(i)), "Java, line " + (i + 1));
                assertEquals(lines.get(i), jni.decode(want), "decode, line " + (i + 1));
            }
        }
    }
}
