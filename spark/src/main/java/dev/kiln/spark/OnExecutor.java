package dev.kiln.spark;

import dev.kiln.core.config.Configs;
import dev.kiln.core.util.Hashes;
import dev.kiln.prepare.PrepareConfig;
import dev.kiln.tokenizer.Encoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What tasks rebuild on an executor from serialisable values: the configuration from its JSON, the
 * tokenizer from the model's bytes (loaded once per executor JVM and model), and the opt-out of DJL's
 * usage tracking, set before any SentencePiece processor exists.
 */
final class OnExecutor {

    private static final Map<String, PrepareConfig> CONFIGS = new ConcurrentHashMap<>();
    private static final Map<String, Encoder> ENCODERS = new ConcurrentHashMap<>();

    static {
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private OnExecutor() {
    }

    /** The configuration serialised as {@code json}. */
    static PrepareConfig config(String json) {
        return CONFIGS.computeIfAbsent(json, j -> {
            try {
                return Configs.JSON.readValue(j, PrepareConfig.class);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The configuration as the JSON tasks carry. */
    static String json(PrepareConfig cfg) throws IOException {
        return Configs.JSON.writeValueAsString(cfg);
    }

    /** The tokenizer of model file bytes {@code model} with {@code backend}, shared by the tasks of this JVM (never closed). */
    static Encoder encoder(byte[] model, Encoder.Backend backend) throws IOException {
        String key = Hashes.sha256(model) + "/" + backend;
        Encoder e = ENCODERS.get(key);
        if (e != null) {
            return e;
        }
        synchronized (ENCODERS) {
            e = ENCODERS.get(key);
            if (e == null) {
                Path dir = Files.createTempDirectory("kiln-spark-model-");
                Path file = dir.resolve("tokenizer.model");
                Files.write(file, model);
                e = Encoder.load(file, backend);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                ENCODERS.put(key, e);
            }
            return e;
        }
    }
}
