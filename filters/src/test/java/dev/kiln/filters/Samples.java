package dev.kiln.filters;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Reads the repository's bundled real corpus ({@code sample/}) and this module's test resources. */
final class Samples {

    static final Path SAMPLE = Path.of("..", "sample");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {
    }

    /** The first {@code n} records of a sample JSONL.gz file by physical line index; broken lines are skipped. */
    static Map<Integer, JsonNode> jsonl(String file, int n) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(SAMPLE.resolve(file)))) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<Integer, JsonNode> out = new LinkedHashMap<>();
            String[] lines = all.split("\n", -1);
            for (int i = 0; i < Math.min(n, lines.length); i++) {
                try {
                    out.put(i, JSON.readTree(lines[i]));
                } catch (IOException e) {
                    // the sample holds a few deliberately broken records
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String file(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
