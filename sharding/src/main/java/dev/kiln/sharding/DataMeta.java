package dev.kiln.sharding;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JacksonException;
import dev.kiln.core.config.Configs;
import dev.kiln.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code data_meta.json} that {@code kiln prepare} leaves beside its shards and that every shard
 * reader trusts: what ran (version, command, configuration, inputs), every step's statistics, the
 * tokenizer the ids belong to, the token width and boundary, and for each split the exact tokens and
 * documents written, so a shard cut short by any number of bytes is caught before anyone trains on it.
 *
 * <p>The statistics sections ({@code clean}, {@code dedup}, {@code tokenizer_training}, {@code split})
 * are kept as the maps their modules produce; the fields readers depend on are typed. Keys are written in
 * alphabetical order, absent sections are left out, and unknown keys are ignored on reading, so files
 * from older or newer kiln versions stay readable. {@code data_meta.json} is written last and marks a
 * finished run.
 *
 * @param kilnVersion       the kiln version that wrote it
 * @param command           {@code prepare}
 * @param startedAt         ISO-8601 start time
 * @param finishedAt        ISO-8601 end time
 * @param config            every configuration value, defaults included
 * @param inputs            input files with their sizes
 * @param clean             per source: the clean-and-filter run's statistics
 * @param dedup             the deduplicator's statistics, or null when dedup was off
 * @param tokenizerTraining the tokenizer trainer's statistics (or why it was skipped)
 * @param tokenizer         the tokenizer the ids come from
 * @param dtype             token width of {@code .bin} files: {@code uint16} or {@code uint32}
 * @param boundary          {@code bos} (a BOS id starts each document) or {@code eos}
 * @param split             the train/val split: validation fraction and per-source availability
 * @param assembleSeconds   time spent mixing and writing the shards
 * @param splits            per split ({@code train}, {@code val}): what was written
 * @param seeds             the seeds of the split and the shuffle
 * @param badRecords        bad input records by kind
 * @param outputs           output files with their sizes
 * @param steps             seconds each resumable step took, by step name (a resumed step: its first run)
 */
@JsonPropertyOrder(alphabetic = true)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataMeta(String kilnVersion, String command, String startedAt, String finishedAt, Map<String, Object> config,
                       List<FileEntry> inputs, Map<String, Object> clean, Map<String, Object> dedup,
                       Map<String, Object> tokenizerTraining, Tokenizer tokenizer, String dtype, String boundary,
                       Map<String, Object> split, Double assembleSeconds, Map<String, SplitResult> splits, Seeds seeds,
                       Map<String, Long> badRecords, List<FileEntry> outputs, Map<String, Double> steps) {

    public static final String FILE = "data_meta.json";

    /** A file and its size in bytes (null when it does not exist). */
    @JsonPropertyOrder(alphabetic = true)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FileEntry(String path, Long bytes) {

        /** {@code p} with its current size. */
        public static FileEntry of(Path p) throws IOException {
            return new FileEntry(p.toString(), Files.isRegularFile(p) ? Files.size(p) : null);
        }

        /** Each of {@code paths} with its current size. */
        public static List<FileEntry> of(List<Path> paths) throws IOException {
            List<FileEntry> out = new ArrayList<>(paths.size());
            for (Path p : paths) {
                out.add(of(p));
            }
            return out;
        }
    }

    /**
     * The tokenizer of the shards' ids.
     *
     * @param model         the SentencePiece model file
     * @param sha256        its SHA-256
     * @param vocabSize     vocabulary size (the model's embedding rows)
     * @param normalization the normalization rule name
     * @param bosId         BOS id, or -1
     * @param eosId         EOS id, or -1
     */
    @JsonPropertyOrder(alphabetic = true)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Tokenizer(String model, String sha256, Integer vocabSize, String normalization, Integer bosId, Integer eosId) {
    }

    /**
     * What one split holds.
     *
     * @param targetTokens tokens asked for
     * @param tokens       tokens written (every reader checks the shards against this)
     * @param documents    documents written (checked against the {@code .idx} and the golf manifest)
     * @param sources      per source: its share of the split
     * @param golfShards   golf shard files written, or null without golf shards
     */
    @JsonPropertyOrder(alphabetic = true)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SplitResult(Long targetTokens, Long tokens, Long documents, Map<String, SourceShare> sources, Integer golfShards) {
    }

    /**
     * One source's part of a split.
     *
     * @param targetTokens its quota from the mix weights
     * @param fillTokens   tokens added to its quota to make up for sources that ran dry (null when none)
     * @param tokens       tokens it contributed
     * @param documents    documents it contributed
     * @param share        its achieved share of the split's tokens
     * @param ranDry       true when it had fewer tokens than its quota
     */
    @JsonPropertyOrder(alphabetic = true)
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceShare(long targetTokens, Long fillTokens, long tokens, long documents, double share, boolean ranDry) {
    }

    /** The seeds of the split and the shuffle, and the validation fraction. */
    @JsonPropertyOrder(alphabetic = true)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Seeds(long split, long shuffle, double valFraction) {
    }

    /** What {@code splits} says about {@code split}, or null. */
    public SplitResult splitResult(String name) {
        return splits == null ? null : splits.get(name);
    }

    /** The token width, or null when not recorded. */
    @JsonIgnore
    public TokenDtype tokenDtype() {
        return dtype == null ? null : TokenDtype.parse(dtype);
    }

    /** Writes this as {@code path} atomically. */
    public void write(Path path) throws IOException {
        AtomicFile.write(path, Configs.JSON.writeValueAsBytes(this));
    }

    /**
     * Reads {@code dir/data_meta.json}.
     *
     * @throws ShardFormatException naming the file when it is missing or not a data_meta.json
     */
    public static DataMeta read(Path dir) throws IOException {
        DataMeta m = readIfPresent(dir);
        if (m == null) {
            throw new ShardFormatException(dir + ": no " + FILE + ". HINT: point at a folder written by kiln prepare");
        }
        return m;
    }

    /** Reads {@code dir/data_meta.json}, or returns null when there is none. */
    public static DataMeta readIfPresent(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            DataMeta m = Configs.JSON.readValue(f.toFile(), DataMeta.class);
            if (m == null) {
                throw new ShardFormatException(f + ": empty. HINT: re-run kiln prepare");
            }
            return m;
        } catch (JacksonException e) {
            throw new ShardFormatException(f + ": not a kiln " + FILE + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + "). HINT: re-run kiln prepare");
        }
    }

    /** The token width recorded in {@code dir/data_meta.json} ({@code "dtype": "uint16"}). */
    static TokenDtype readDtype(Path dir) throws IOException {
        DataMeta m = readIfPresent(dir);
        if (m == null) {
            throw new ShardFormatException(dir + ": no " + FILE + " to give the token width of train.bin/val.bin. "
                    + "HINT: pass the dtype (uint16 or uint32) explicitly");
        }
        if (m.dtype() == null) {
            throw new ShardFormatException(dir.resolve(FILE) + ": no \"dtype\" string. HINT: pass the dtype (uint16 or uint32) explicitly");
        }
        return m.tokenDtype();
    }
}
