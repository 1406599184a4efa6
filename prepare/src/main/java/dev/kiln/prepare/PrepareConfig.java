package dev.kiln.prepare;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.io.Inputs;
import dev.kiln.dedup.DedupConfig;
import dev.kiln.dedup.MinHashConfig;
import dev.kiln.sharding.GolfShards;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything {@code kiln prepare} needs, as read from {@code prepare.yaml} (snake_case keys) or built from
 * command-line flags. Defaults: the reference README's mix (C4 0.30, Wikipedia 0.45, Gutenberg 0.25),
 * seed 1337, nanoGPT {@code .bin} output with EOS after each document.
 *
 * @param sources the corpora, each with its reader inputs, filter profile and token weight
 * @param trainTokens tokens to write to the train split
 * @param valTokens tokens to write to the validation split
 * @param valFraction share of documents hashed into validation; null = derived from the token targets
 * @param seed seed of the split, the shuffle and the tokenizer sample
 * @param format {@code bin} (nanoGPT train.bin/val.bin), {@code golf} (parameter-golf shards) or {@code both}
 * @param boundary {@code eos} (EOS after each document, the reference) or {@code bos} (BOS before, golf);
 *        null = {@code bos} when golf shards are written, else {@code eos}
 * @param tokensPerShard golf tokens per shard (10^8)
 * @param tokenizer an existing tokenizer (a .model file or a directory with spm.model); null = train one
 * @param tokenizerTraining how to train the tokenizer when none is given
 * @param dedup near-duplicate removal across all sources, before the split
 * @param threads worker threads (0 = one per core); never changes the output
 * @param exactMix true: a source that runs dry leaves its split short (the reference's behaviour);
 *        false (default): the shortfall is filled from the other sources in proportion to their weights
 * @param rejects true: keep each source's dropped documents (stage, reason, value) in {@code OUT/rejects/}
 * @param encoder {@code java} (default: kiln's exact BPE encoder, same ids as SentencePiece, several times
 *        faster) or {@code jni} (SentencePiece itself)
 */
public record PrepareConfig(List<Source> sources, long trainTokens, long valTokens, Double valFraction, Long seed,
                            String format, String boundary, Long tokensPerShard, String tokenizer,
                            TokenizerTraining tokenizerTraining, Dedup dedup, Integer threads, Boolean exactMix,
                            Boolean rejects, String encoder) {

    /** The reference README's token shares (Wikidata, which it did not mix, gets a small one). */
    public static final double C4_WEIGHT = 0.30;
    public static final double WIKIPEDIA_WEIGHT = 0.45;
    public static final double GUTENBERG_WEIGHT = 0.25;
    public static final double WIKIDATA_WEIGHT = 0.05;
    /** Weight of each source flag ({@code --c4 ...}) unless {@code --weights} says otherwise. */
    public static final Map<String, Double> DEFAULT_WEIGHTS = Map.of("c4", C4_WEIGHT, "wikipedia", WIKIPEDIA_WEIGHT,
            "gutenberg", GUTENBERG_WEIGHT, "wikidata", WIKIDATA_WEIGHT);
    public static final long DEFAULT_SEED = 1337L;
    public static final int DEFAULT_VOCAB_SIZE = 32_000;
    public static final int DEFAULT_DEDUP_MEMORY_MB = (int) (DedupConfig.DEFAULT_MEMORY >> 20);

    /**
     * One corpus.
     *
     * @param name name used in statistics and as the documents' source ({@code c4}, {@code wikipedia}, ...)
     * @param kind {@code c4}, {@code wikipedia}, {@code gutenberg} (cleaned and filtered by {@code profile})
     *        or {@code wikidata} (triples verbalised to text); default: the name
     * @param inputs files, globs, directories or {@code @list} files
     * @param weight share of the output TOKENS (any positive scale; normalised); default 1
     * @param profile filter profile: {@code kiln} (default), {@code reference}, {@code gopher}, {@code c4},
     *        {@code c4_tfds}, {@code fineweb}, {@code none}, or a YAML profile file
     * @param textField JSONL/Parquet text field (default {@code text})
     * @param idField id field (default {@code id})
     */
    public record Source(String name, String kind, List<String> inputs, Double weight, String profile, String textField,
                         String idField) {
        public Source {
            if (name == null || name.isBlank()) {
                throw new ConfigException("sources[].name is required");
            }
            if (!name.matches("[A-Za-z0-9_.-]+")) {
                throw new ConfigException("sources[].name must be letters, digits, '_', '.', '-': " + name);
            }
            kind = (kind == null ? name : kind).toLowerCase(Locale.ROOT);
            if (!List.of("c4", "wikipedia", "gutenberg", "wikidata").contains(kind)) {
                throw new ConfigException("sources." + name + ".kind must be one of [c4, wikipedia, gutenberg, wikidata]: " + kind);
            }
            if (inputs == null || inputs.isEmpty()) {
                throw new ConfigException("sources." + name + ".inputs must name at least one file or glob");
            }
            inputs = List.copyOf(inputs);
            weight = weight == null ? 1.0 : weight;
            ConfigException.checkRange("sources." + name + ".weight", weight, 0, 1e9);
            profile = profile == null ? (kind.equals("wikidata") ? "none" : "kiln") : profile;
            textField = textField == null ? "text" : textField;
            idField = idField == null ? "id" : idField;
        }
    }

    /**
     * Tokenizer training inside prepare (the reference's {@code tokenizer_training} section).
     *
     * @param vocabSize pieces (reference 32000; golf 1024/4096/8192)
     * @param preset {@code reference} or {@code golf}
     * @param maxDocuments documents sampled for training (0 = all of the train split)
     */
    public record TokenizerTraining(Integer vocabSize, String preset, Long maxDocuments) {
        public TokenizerTraining {
            vocabSize = vocabSize == null ? DEFAULT_VOCAB_SIZE : vocabSize;
            ConfigException.checkRange("tokenizer_training.vocab_size", vocabSize, 260, 1 << 20);
            preset = preset == null ? "reference" : preset;
            maxDocuments = maxDocuments == null ? 0L : maxDocuments;
            ConfigException.checkRange("tokenizer_training.max_documents", maxDocuments, 0, Long.MAX_VALUE);
        }
    }

    /**
     * Dedup settings.
     *
     * @param enabled remove exact and near duplicates across all sources before the split (default true)
     * @param threshold Jaccard similarity above which documents are near duplicates (0.85)
     * @param ngram word n-gram size of the shingles (5)
     * @param numPerm MinHash permutations (128)
     * @param memoryMb memory budget before spilling to disk (2048)
     */
    public record Dedup(Boolean enabled, Double threshold, Integer ngram, Integer numPerm, Integer memoryMb) {
        public Dedup {
            enabled = enabled == null || enabled;
            threshold = threshold == null ? DedupConfig.DEFAULT_THRESHOLD : threshold;
            ngram = ngram == null ? MinHashConfig.DEFAULT_NGRAM : ngram;
            numPerm = numPerm == null ? MinHashConfig.DEFAULT_NUM_PERM : numPerm;
            memoryMb = memoryMb == null ? DEFAULT_DEDUP_MEMORY_MB : memoryMb;
            ConfigException.checkRange("dedup.memory_mb", memoryMb, 1, 1 << 24);
        }
    }

    public PrepareConfig {
        if (sources == null || sources.isEmpty()) {
            throw new ConfigException("prepare needs at least one source (sources: [...] or --c4/--wikipedia/--gutenberg/--wikidata)");
        }
        sources = List.copyOf(sources);
        if (sources.stream().map(Source::name).distinct().count() != sources.size()) {
            throw new ConfigException("source names must be unique: " + sources.stream().map(Source::name).toList());
        }
        ConfigException.checkRange("train_tokens", trainTokens, 1, Long.MAX_VALUE / 4);
        ConfigException.checkRange("val_tokens", valTokens, 0, Long.MAX_VALUE / 4);
        if (valFraction != null) {
            ConfigException.checkRange("val_fraction", valFraction, 1e-9, 0.5);
        }
        seed = seed == null ? DEFAULT_SEED : seed;
        format = format == null ? "bin" : format.toLowerCase(Locale.ROOT);
        if (!List.of("bin", "golf", "both").contains(format)) {
            throw new ConfigException("format must be one of [bin, golf, both]: " + format);
        }
        boundary = boundary == null ? (format.equals("bin") ? "eos" : "bos") : boundary.toLowerCase(Locale.ROOT);
        if (!List.of("eos", "bos").contains(boundary)) {
            throw new ConfigException("boundary must be eos or bos: " + boundary);
        }
        tokensPerShard = tokensPerShard == null ? GolfShards.DEFAULT_TOKENS_PER_SHARD : tokensPerShard;
        ConfigException.checkRange("tokens_per_shard", tokensPerShard, 1, (1L << 31) - 1);
        tokenizerTraining = tokenizerTraining == null ? new TokenizerTraining(null, null, null) : tokenizerTraining;
        dedup = dedup == null ? new Dedup(null, null, null, null, null) : dedup;
        threads = threads == null ? 0 : threads;
        ConfigException.checkRange("threads", threads, 0, 4096);
        exactMix = exactMix != null && exactMix;
        rejects = rejects != null && rejects;
        encoder = encoder == null ? "java" : encoder.toLowerCase(Locale.ROOT);
        if (!List.of("java", "jni").contains(encoder)) {
            throw new ConfigException("encoder must be java or jni: " + encoder);
        }
    }

    /**
     * An {@code inputs} entry of a configuration file in folder {@code dir}: a relative path or
     * {@code @list} resolved against it, an absolute path or a URI ({@code file://}, {@code hdfs://}) as it is.
     */
    public static String resolveInput(Path dir, String entry) {
        if (Inputs.isUri(entry)) {
            return entry;
        }
        return entry.startsWith("@") ? "@" + dir.resolve(entry.substring(1)) : dir.resolve(entry).toString();
    }

    /** A configuration with the defaults of {@code exact_mix}, {@code rejects} and {@code encoder}. */
    public PrepareConfig(List<Source> sources, long trainTokens, long valTokens, Double valFraction, Long seed,
                         String format, String boundary, Long tokensPerShard, String tokenizer,
                         TokenizerTraining tokenizerTraining, Dedup dedup, Integer threads) {
        this(sources, trainTokens, valTokens, valFraction, seed, format, boundary, tokensPerShard, tokenizer,
                tokenizerTraining, dedup, threads, null, null, null);
    }

    /** This configuration with {@code exact_mix}, {@code rejects} and {@code encoder} replaced (null keeps a value). */
    public PrepareConfig withOptions(Boolean exactMix, Boolean rejects, String encoder) {
        return new PrepareConfig(sources, trainTokens, valTokens, valFraction, seed, format, boundary, tokensPerShard, tokenizer,
                tokenizerTraining, dedup, threads, exactMix != null ? exactMix : this.exactMix,
                rejects != null ? rejects : this.rejects, encoder != null ? encoder : this.encoder);
    }

    /** The validation fraction in use. */
    public double effectiveValFraction() {
        return valFraction != null ? valFraction : Split.fractionFor(trainTokens, Math.max(1, valTokens));
    }

    public boolean writesBin() {
        return !format.equals("golf");
    }

    public boolean writesGolf() {
        return !format.equals("bin");
    }
}
