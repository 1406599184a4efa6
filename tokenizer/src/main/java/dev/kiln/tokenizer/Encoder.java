package dev.kiln.tokenizer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kiln.core.pipeline.OrderedParallelMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Encodes text with a SentencePiece {@code .model} through SentencePiece itself (DJL's JNI binding), so
 * ids are exactly what {@code spm_encode} gives. Immutable and thread-safe: one native processor is shared
 * by all threads (SentencePiece's encode is const). Ids come back as {@code int[]}, never boxed.
 *
 * <p>If a {@code tokenizer_meta.json} beside the model says {@code "normalization": "nfkc"}, kiln's NFKC is
 * applied before SentencePiece sees the text, exactly as in training.
 *
 * <p><b>NOTE:</b> loading this class sets the system property {@code OPT_OUT_TRACKING=true} (unless set),
 * before any DJL class loads, so DJL never tries its telemetry call-home. Close the encoder to free the
 * native model.
 */
public final class Encoder implements AutoCloseable {

    /** Which implementation encodes. */
    public enum Backend {
        /** SentencePiece itself through DJL's JNI binding (default). */
        JNI,
        /**
         * kiln's Java port of SentencePiece's BPE encoding, with a per-thread word cache: same ids (tested
         * against the JNI), several times faster; only for identity, byte-fallback models without
         * user-defined pieces (kiln's presets). Falls back to JNI for other models.
         */
        JAVA
    }

    static {
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }

    private final SpmNative sp;
    private final SentencePieceModel model;
    private final Normalization normalization;
    private final PieceDecoder decoder;
    private final BpeEncoder java;

    private Encoder(byte[] bytes, Normalization normalization, Backend backend) {
        this.model = SentencePieceModel.parse(bytes);
        this.decoder = new PieceDecoder(model);
        this.java = backend == Backend.JAVA ? BpeEncoder.forModel(model) : null;
        this.normalization = normalization;
        this.sp = new SpmNative(bytes);
    }

    /**
     * Loads {@code model} (a {@code .model} file, or a tokenizer directory holding {@code spm.model}) and
     * the normalisation recorded in the {@code tokenizer_meta.json} beside it, if any.
     */
    public static Encoder load(Path model) throws IOException {
        return load(model, Backend.JNI);
    }

    /** As {@link #load(Path)}, choosing the encoding backend. */
    public static Encoder load(Path model, Backend backend) throws IOException {
        Path file = Files.isDirectory(model) ? model.resolve(TrainResult.MODEL_FILE) : model;
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no such model file. HINT: train one with `kiln tokenizer train`");
        }
        Normalization norm = Normalization.IDENTITY;
        Path parent = file.toAbsolutePath().getParent();
        Path meta = parent == null ? null : parent.resolve(TrainResult.META_FILE);
        if (meta != null && Files.isRegularFile(meta)) {
            JsonNode n = new ObjectMapper().readTree(meta.toFile()).get("normalization");
            if (n != null) {
                norm = Normalization.parse(n.asText());
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        try {
            return new Encoder(bytes, norm, backend);
        } catch (RuntimeException e) {
            throw new IOException(file + ": not a valid SentencePiece model: " + e.getMessage(), e);
        }
    }

    /** An encoder over model bytes already in memory, with the given normalisation. */
    public static Encoder of(byte[] modelBytes, Normalization normalization) {
        return new Encoder(modelBytes, normalization, Backend.JNI);
    }

    /** As {@link #of(byte[], Normalization)}, choosing the encoding backend. */
    public static Encoder of(byte[] modelBytes, Normalization normalization, Backend backend) {
        return new Encoder(modelBytes, normalization, backend);
    }

    /** The backend actually encoding (JAVA falls back to JNI for models it does not cover). */
    public Backend backend() {
        return java == null ? Backend.JNI : Backend.JAVA;
    }

    /** The ids of {@code text} (no bos/eos added). */
    public int[] encode(String text) {
        String t = normalization.apply(text);
        return java != null ? java.encode(t) : sp.encode(t);
    }

    /** The ids SentencePiece's JNI gives, whatever the backend (for parity checks). */
    int[] nativeEncode(String text) {
        return sp.encode(normalization.apply(text));
    }

    /** The pieces of {@code text}, for humans. */
    public String[] pieces(String text) {
        return sp.tokenize(normalization.apply(text));
    }

    /**
     * The text of {@code ids} (control pieces vanish, byte pieces join into characters), by SentencePiece's
     * rules implemented in Java: DJL's native decode loses text after any non-BMP character.
     */
    public String decode(int[] ids) {
        return decoder.decode(ids);
    }

    /** SentencePiece's own decode through JNI; correct only for text within the Basic Multilingual Plane. */
    String nativeDecode(int[] ids) {
        return sp.decode(ids);
    }

    /** The id SentencePiece gives {@code piece} (the unk id if it is not in the vocabulary). */
    public int pieceId(String piece) {
        return sp.pieceId(piece);
    }

    /** The piece string of {@code id}, as SentencePiece reports it. */
    public String piece(int id) {
        return sp.piece(id);
    }

    /** The model as parsed (pieces, types, settings). */
    public SentencePieceModel model() {
        return model;
    }

    /** Number of pieces. */
    public int vocabSize() {
        return model.pieces().size();
    }

    /** The normalisation applied before encoding. */
    public Normalization normalization() {
        return normalization;
    }

    /**
     * Encodes {@code texts} on {@code threads} threads; result {@code i} belongs to text {@code i}, whatever
     * the thread count. Runs on {@link OrderedParallelMap} over contiguous slices (one pool per call: a
     * caller encoding a stream batch by batch should run its own {@code OrderedParallelMap} over the batches,
     * as {@link EncodeJob} does).
     */
    public int[][] encodeAll(List<String> texts, int threads) {
        int n = texts.size();
        int[][] out = new int[n][];
        int chunks = threads <= 1 || n < 2 ? 1 : Math.min(n, threads * 8);
        int[] next = {0};
        try {
            OrderedParallelMap.run("kiln-encode", chunks == 1 ? 1 : threads, Math.max(1, threads * 2),
                    () -> next[0] < chunks ? next[0]++ : null, c -> {
                        int from = (int) ((long) n * c / chunks);
                        int to = (int) ((long) n * (c + 1) / chunks);
                        for (int i = from; i < to; i++) {
                            out[i] = encode(texts.get(i));
                        }
                        return c;
                    }, c -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only an interrupt: the source, mapper and sink do no I/O
        }
        return out;
    }

    @Override
    public void close() {
        sp.close();
    }
}
