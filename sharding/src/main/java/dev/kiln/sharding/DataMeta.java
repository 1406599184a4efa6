package dev.kiln.sharding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.config.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads fields of a shard directory's {@code data_meta.json}. */
public final class DataMeta {

    public static final String FILE = "data_meta.json";

    private DataMeta() {
    }

    /** The token width recorded in {@code dir/data_meta.json} ({@code "dtype": "uint16"}). */
    static TokenDtype readDtype(Path dir) throws IOException {
        Path meta = dir.resolve(FILE);
        if (!Files.isRegularFile(meta)) {
            throw new ShardFormatException(dir + ": no " + FILE + " to give the token width of train.bin/val.bin. "
                    + "HINT: pass the dtype (uint16 or uint32) explicitly");
        }
        JsonNode n = Configs.JSON.readTree(meta.toFile()).get("dtype");
        if (n == null || !n.isTextual()) {
            throw new ShardFormatException(meta + ": no \"dtype\" string. HINT: pass the dtype (uint16 or uint32) explicitly");
        }
        return TokenDtype.parse(n.asText());
    }
}
