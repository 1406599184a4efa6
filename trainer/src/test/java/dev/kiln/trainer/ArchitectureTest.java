package dev.kiln.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trainer must never touch ONNX Runtime's training-session class: even its static methods crash
 * the JVM on the published (non-training) builds (trainer-design.md section 2).
 */
class ArchitectureTest {

    @Test
    void noSourceReferencesTheTrainingApi() throws IOException {
        String forbidden = "Ort" + "TrainingSession";
        try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
            List<Path> offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> {
                try {
                    return Files.readString(p).contains(forbidden) || Files.readString(p).contains("createTrainingSession");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }
}
