package dev.kiln.tokenizer;

import dev.kiln.core.util.Hashes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.core.io.AtomicFile;
import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trained model with the options and statistics of its run; {@link #write(Path)} saves the three
 * tokenizer files.
 *
 * @param model the SentencePiece model
 * @param config the options it was trained with
 * @param stats counts and timings of the run (documents, words, alphabet, merges, seconds)
 */
public record TrainResult(SentencePieceModel model, TrainerConfig config, Map<String, Object> stats) {

    /** Model file name inside a tokenizer directory. */
    public static final String MODEL_FILE = "spm.model";
    /** Vocabulary listing ({@code piece<TAB>score}). */
    public static final String VOCAB_FILE = "spm.vocab";
    /** Options, statistics and the model's hash. */
    public static final String META_FILE = "tokenizer_meta.json";
    /** Version of the {@code tokenizer_meta.json} layout. */
    public static final int META_VERSION = 1;

    public TrainResult {
        stats = Map.copyOf(new LinkedHashMap<>(stats));
    }

    /**
     * Writes {@code spm.model}, {@code spm.vocab} and {@code tokenizer_meta.json} into {@code dir}, each
     * atomically (a crash never leaves a half-written file under the final name).
     */
    public void write(Path dir) throws IOException {
        byte[] bytes = model.toBytes();
        AtomicFile.write(dir.resolve(MODEL_FILE), bytes);
        AtomicFile.write(dir.resolve(VOCAB_FILE), model.vocabText());
        AtomicFile.write(dir.resolve(META_FILE), meta(bytes, config, stats));
    }

    /** The JSON metadata for a model file's bytes. */
    static byte[] meta(byte[] modelBytes, TrainerConfig config, Map<String, Object> stats) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format_version", META_VERSION);
        m.put("model_file", MODEL_FILE);
        m.put("model_sha256", Hashes.sha256(modelBytes));
        m.put("model_type", "bpe");
        m.put("normalization", config == null ? "identity" : config.normalization().id());
        if (config != null) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("vocab_size", config.vocabSize());
            o.put("character_coverage", config.characterCoverage());
            o.put("byte_fallback", config.byteFallback());
            o.put("split_digits", config.splitDigits());
            o.put("add_dummy_prefix", config.addDummyPrefix());
            o.put("remove_extra_whitespaces", config.removeExtraWhitespaces());
            o.put("max_sentencepiece_length", config.maxPieceLength());
            o.put("split_by_unicode_script", config.splitByUnicodeScript());
            o.put("split_by_number", config.splitByNumber());
            o.put("hard_vocab_limit", config.hardVocabLimit());
            o.put("input_sentence_size", config.maxDocuments());
            o.put("seed", config.seed());
            o.put("threads", config.threads());
            o.put("control_symbols", config.controlSymbols());
            o.put("user_defined_symbols", config.userDefinedSymbols());
            SpecialTokens sp = config.specials();
            o.put("unk_id", sp.unkId());
            o.put("bos_id", sp.bosId());
            o.put("eos_id", sp.eosId());
            o.put("pad_id", sp.padId());
            o.put("unk_piece", sp.unkPiece());
            o.put("bos_piece", sp.bosPiece());
            o.put("eos_piece", sp.eosPiece());
            o.put("pad_piece", sp.padPiece());
            m.put("options", o);
        }
        m.put("stats", new java.util.TreeMap<>(stats));
        m.put("created", Instant.now().toString());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(m);
    }

    /** Writes the golf {@code byte260} tokenizer (no training) into {@code dir}. */
    public static void writeByteLevel(Path dir) throws IOException {
        SentencePieceModel model = SentencePieceModel.byteLevel();
        byte[] bytes = model.toBytes();
        AtomicFile.write(dir.resolve(MODEL_FILE), bytes);
        AtomicFile.write(dir.resolve(VOCAB_FILE), model.vocabText());
        AtomicFile.write(dir.resolve(META_FILE), meta(bytes, null, Map.of("vocab_size", 260L, "preset", "byte260")));
    }
}
