package dev.kiln.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A SentencePiece BPE {@code ModelProto}: the pieces with their scores and types, plus the trainer and
 * normaliser settings SentencePiece reads or records. {@link #toBytes()} writes the proto2 wire format
 * byte for byte the same for the same content (fields in number order, no timestamps), and
 * {@link #parse(byte[])} reads it back (unknown fields are skipped).
 *
 * <p>Invariants checked on construction, as SentencePiece's loader does: pieces non-empty and unique,
 * exactly one UNKNOWN piece, the 256 {@code <0xNN>} BYTE pieces present iff byte fallback is on.
 *
 * @param pieces the vocabulary, index = id
 * @param spec settings written to {@code trainer_spec} and {@code normalizer_spec}
 */
public record SentencePieceModel(List<Piece> pieces, Spec spec) {

    /** One vocabulary entry. */
    public record Piece(String piece, float score, PieceType type) {
    }

    /**
     * The recorded settings. Model type is always BPE (2).
     *
     * @param vocabSize the number of pieces
     * @param characterCoverage as trained
     * @param inputSentenceSize documents sampled (0 = all)
     * @param maxPieceLength longest piece in characters
     * @param splitByUnicodeScript as trained
     * @param splitByNumber as trained
     * @param splitDigits as trained
     * @param byteFallback whether the 256 byte pieces exist and unknown characters become bytes
     * @param hardVocabLimit as trained
     * @param controlSymbols as trained
     * @param userDefinedSymbols as trained
     * @param specials meta piece ids and strings
     * @param normalizerName {@code identity}
     * @param addDummyPrefix read at encode time
     * @param removeExtraWhitespaces read at encode time
     * @param escapeWhitespaces read at encode time (spaces become {@code ▁}); false only for byte-level models
     */
    public record Spec(int vocabSize, float characterCoverage, long inputSentenceSize, int maxPieceLength,
                       boolean splitByUnicodeScript, boolean splitByNumber, boolean splitDigits,
                       boolean byteFallback, boolean hardVocabLimit, List<String> controlSymbols,
                       List<String> userDefinedSymbols, SpecialTokens specials, String normalizerName,
                       boolean addDummyPrefix, boolean removeExtraWhitespaces, boolean escapeWhitespaces) {
        public Spec {
            controlSymbols = List.copyOf(controlSymbols);
            userDefinedSymbols = List.copyOf(userDefinedSymbols);
        }
    }

    /** {@code TrainerSpec.ModelType.BPE}. */
    public static final int MODEL_TYPE_BPE = 2;

    public SentencePieceModel {
        pieces = List.copyOf(pieces);
        Set<String> seen = new HashSet<>();
        int unk = 0;
        int bytes = 0;
        for (Piece p : pieces) {
            if (p.piece().isEmpty()) {
                throw new IllegalArgumentException("empty piece in model");
            }
            if (!seen.add(p.piece())) {
                throw new IllegalArgumentException(p.piece() + " is already defined");
            }
            unk += p.type() == PieceType.UNKNOWN ? 1 : 0;
            bytes += p.type() == PieceType.BYTE ? 1 : 0;
        }
        if (unk != 1) {
            throw new IllegalArgumentException("a model needs exactly one UNKNOWN piece, found " + unk);
        }
        if (bytes != (spec.byteFallback() ? 256 : 0)) {
            throw new IllegalArgumentException("byte_fallback=" + spec.byteFallback() + " but " + bytes + " byte pieces");
        }
    }

    /** The SentencePiece name of byte piece {@code b}: {@code <0x0A>}. */
    public static String bytePiece(int b) {
        return String.format("<0x%02X>", b);
    }

    /** Serialises the model as SentencePiece's {@code ModelProto}. */
    public byte[] toBytes() {
        Proto.Writer m = new Proto.Writer();
        for (Piece p : pieces) {
            Proto.Writer w = new Proto.Writer().string(1, p.piece()).float32(2, p.score());
            if (p.type() != PieceType.NORMAL) {
                w.varint(3, p.type().number);
            }
            m.message(1, w);
        }
        Spec s = spec;
        Proto.Writer t = new Proto.Writer()
                .varint(3, MODEL_TYPE_BPE)
                .varint(4, s.vocabSize())
                .float32(10, s.characterCoverage())
                .varint(11, s.inputSentenceSize())
                .varint(20, s.maxPieceLength())
                .bool(21, s.splitByUnicodeScript())
                .bool(22, true)
                .bool(23, s.splitByNumber())
                .bool(24, false)
                .bool(25, s.splitDigits());
        for (String c : s.controlSymbols()) {
            t.string(30, c);
        }
        for (String u : s.userDefinedSymbols()) {
            t.string(31, u);
        }
        SpecialTokens sp = s.specials();
        t.bool(33, s.hardVocabLimit())
                .bool(35, s.byteFallback())
                .varint(40, sp.unkId()).varint(41, sp.bosId()).varint(42, sp.eosId()).varint(43, sp.padId())
                .string(45, sp.unkPiece()).string(46, sp.bosPiece()).string(47, sp.eosPiece()).string(48, sp.padPiece());
        m.message(2, t);
        Proto.Writer n = new Proto.Writer()
                .string(1, s.normalizerName())
                .bool(3, s.addDummyPrefix())
                .bool(4, s.removeExtraWhitespaces())
                .bool(5, s.escapeWhitespaces());
        m.message(3, n);
        return m.toByteArray();
    }

    /** Reads a {@code .model} file's bytes (any SentencePiece model; non-BPE types are accepted but noted in nothing). */
    public static SentencePieceModel parse(byte[] bytes) {
        List<Piece> pieces = new ArrayList<>();
        Proto.Reader r = new Proto.Reader(bytes);
        int vocab = 0;
        float coverage = 0.9995f;
        long inputSize = 0;
        int maxLen = 16;
        boolean script = true;
        boolean number = true;
        boolean digits = false;
        boolean byteFallback = false;
        boolean hard = true;
        List<String> control = new ArrayList<>();
        List<String> user = new ArrayList<>();
        int[] ids = {0, 1, 2, -1};
        String[] names = {"<unk>", "<s>", "</s>", "<pad>"};
        String normName = "identity";
        boolean dummy = true;
        boolean extra = true;
        boolean escape = true;
        while (r.next()) {
            switch (r.field) {
                case 1 -> {
                    Proto.Reader p = r.message();
                    String piece = "";
                    float score = 0;
                    int type = 1;
                    while (p.next()) {
                        switch (p.field) {
                            case 1 -> piece = p.string();
                            case 2 -> score = p.float32();
                            case 3 -> type = (int) p.varint();
                            default -> p.skip();
                        }
                    }
                    pieces.add(new Piece(piece, score, PieceType.of(type)));
                }
                case 2 -> {
                    Proto.Reader t = r.message();
                    while (t.next()) {
                        switch (t.field) {
                            case 4 -> vocab = (int) t.varint();
                            case 10 -> coverage = t.float32();
                            case 11 -> inputSize = t.varint();
                            case 20 -> maxLen = (int) t.varint();
                            case 21 -> script = t.varint() != 0;
                            case 23 -> number = t.varint() != 0;
                            case 25 -> digits = t.varint() != 0;
                            case 30 -> control.add(t.string());
                            case 31 -> user.add(t.string());
                            case 33 -> hard = t.varint() != 0;
                            case 35 -> byteFallback = t.varint() != 0;
                            case 40, 41, 42, 43 -> ids[t.field - 40] = (int) t.varint();
                            case 45, 46, 47, 48 -> names[t.field - 45] = t.string();
                            default -> t.skip();
                        }
                    }
                }
                case 3 -> {
                    Proto.Reader n = r.message();
                    while (n.next()) {
                        switch (n.field) {
                            case 1 -> normName = n.string();
                            case 3 -> dummy = n.varint() != 0;
                            case 4 -> extra = n.varint() != 0;
                            case 5 -> escape = n.varint() != 0;
                            default -> n.skip();
                        }
                    }
                }
                default -> r.skip();
            }
        }
        SpecialTokens sp = new SpecialTokens(ids[0], ids[1], ids[2], ids[3], names[0], names[1], names[2], names[3]);
        return new SentencePieceModel(pieces, new Spec(vocab, coverage, inputSize, maxLen, script, number, digits,
                byteFallback, hard, control, user, sp, normName, dummy, extra, escape));
    }

    /** {@code spm.vocab}: one {@code piece<TAB>score} line per id, scores as SentencePiece prints them. */
    public byte[] vocabText() {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces) {
            float s = p.score();
            sb.append(p.piece()).append('\t').append(s == (long) s ? Long.toString((long) s) : Float.toString(s)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The golf {@code byte260} tokenizer as a SentencePiece model, no training: pad 0, bos 1, eos 2, unk 3,
     * byte {@code b} → id {@code b + 4}. Every character is unknown, so byte fallback emits its UTF-8
     * bytes; whitespace is neither escaped nor collapsed and no dummy prefix is added, so a space is byte
     * 0x20 (id 36).
     */
    public static SentencePieceModel byteLevel() {
        SpecialTokens sp = SpecialTokens.GOLF;
        List<Piece> pieces = new ArrayList<>();
        pieces.add(new Piece(sp.padPiece(), 0, PieceType.CONTROL));
        pieces.add(new Piece(sp.bosPiece(), 0, PieceType.CONTROL));
        pieces.add(new Piece(sp.eosPiece(), 0, PieceType.CONTROL));
        pieces.add(new Piece(sp.unkPiece(), 0, PieceType.UNKNOWN));
        for (int b = 0; b < 256; b++) {
            pieces.add(new Piece(bytePiece(b), 0, PieceType.BYTE));
        }
        return new SentencePieceModel(pieces, new Spec(260, 1.0f, 0, 16, true, true, false, true, true,
                List.of(), List.of(), sp, "identity", false, false, false));
    }
}
