package dev.kiln.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.pipeline.DocumentSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BpeTrainerTest {

    static List<String> docs;
    static TrainResult reference;

    @BeforeAll
    static void trainReference() throws IOException {
        docs = new ArrayList<>(Corpora.lines("train-small.txt"));
        docs.addAll(Corpora.sampleDocs("wiki.jsonl.gz", 300));
        reference = Corpora.train(TrainerConfig.reference(1200).threads(2).build(), docs);
    }

    @Test
    void modelLoadsInSentencePieceWithReferenceSpecialIds() {
        try (Encoder enc = Encoder.of(reference.model().toBytes(), Normalization.IDENTITY)) {
            assertEquals(1200, enc.vocabSize());
            assertEquals(0, enc.pieceId("<unk>"));
            assertEquals(1, enc.pieceId("<s>"));
            assertEquals(2, enc.pieceId("</s>"));
            assertEquals(3, enc.pieceId("<pad>"));
            assertEquals(4, enc.pieceId("<0x00>"));
            assertEquals(14, enc.pieceId("<0x0A>"));
            assertEquals(259, enc.pieceId("<0xFF>"));
            assertEquals("<0x41>", enc.piece(4 + 0x41));
            // learned pieces follow the bytes, in merge order (score -0, -1, ...)
            SentencePieceModel.Piece first = reference.model().pieces().get(260);
            assertEquals(PieceType.NORMAL, first.type());
            assertEquals(0f, first.score());
            assertEquals(-1f, reference.model().pieces().get(261).score());
        }
    }

    @Test
    void roundTripsHeldOutTextExactly() {
        List<String> held = new ArrayList<>(Corpora.lines("heldout-small.txt"));
        held.addAll(Corpora.sampleDocs("web.jsonl.gz", 200)); // multi-line, other languages, junk
        try (Encoder enc = Encoder.of(reference.model().toBytes(), Normalization.IDENTITY)) {
            int[][] ids = enc.encodeAll(held, 2);
            int bmpOnly = 0;
            for (int i = 0; i < held.size(); i++) {
                assertEquals(held.get(i), enc.decode(ids[i]), "document " + i);
                if (held.get(i).codePoints().allMatch(Character::isBmpCodePoint)) {
                    assertEquals(enc.nativeDecode(ids[i]), enc.decode(ids[i]), "Java and native decode agree");
                    bmpOnly++;
                }
            }
            assertTrue(bmpOnly > 300, "compared " + bmpOnly);
        }
    }

    @Test
    void byteFallbackCoversUnseenCharacters() {
        String text = "naïve 日本語 ✓ 🎉 Ωμέγα";
        try (Encoder enc = Encoder.of(reference.model().toBytes(), Normalization.IDENTITY)) {
            int[] ids = enc.encode(text);
            assertFalse(Arrays.stream(ids).anyMatch(id -> id == 0), "no <unk> with byte fallback");
            int emoji = enc.pieceId("<0xF0>");
            assertTrue(Arrays.stream(ids).anyMatch(id -> id == emoji), "the emoji's first UTF-8 byte is a byte piece");
            assertEquals(text, enc.decode(ids));
        }
    }

    @Test
    void newlinesBecomePiecesAndNoPieceSpansALineBreak() {
        List<String> pieces = reference.model().pieces().stream().map(SentencePieceModel.Piece::piece).toList();
        assertTrue(pieces.contains("\n"), "newline is a learned character, not a byte");
        for (String p : pieces) {
            if (p.contains("\n")) {
                assertTrue(p.chars().allMatch(c -> c == '\n'), "piece mixes a newline with text: " + p);
            }
        }
        try (Encoder enc = Encoder.of(reference.model().toBytes(), Normalization.IDENTITY)) {
            int[] ids = enc.encode("first line\nsecond line");
            int nl = enc.pieceId("\n");
            assertTrue(Arrays.stream(ids).anyMatch(id -> id == nl));
            assertFalse(Arrays.stream(ids).anyMatch(id -> id == 14), "newline not encoded as <0x0A>");
        }
    }

    @Test
    void sameCorpusGivesByteIdenticalModelOnAnyThreadCount() throws IOException {
        byte[] one = trainFromSource(1).model().toBytes();
        byte[] three = trainFromSource(3).model().toBytes();
        assertArrayEquals(one, three);
        assertArrayEquals(reference.model().toBytes(), one, "add() and addAll() count the same");
    }

    private static TrainResult trainFromSource(int threads) throws IOException {
        BpeTrainer t = BpeTrainer.create(TrainerConfig.reference(1200).threads(threads).build());
        List<Document> ds = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            ds.add(Document.of("d" + i, docs.get(i), "test"));
        }
        try (DocumentSource src = DocumentSource.of(ds)) {
            t.addAll(src);
        }
        return t.train();
    }

    @Test
    void golfPresetPlacesPadFirstAndSplitsDigits() throws IOException {
        TrainResult golf = Corpora.train(TrainerConfig.golf(1024).threads(2).build(), docs);
        try (Encoder enc = Encoder.of(golf.model().toBytes(), Normalization.NFKC)) {
            assertEquals(0, enc.pieceId("<pad>"));
            assertEquals(1, enc.pieceId("<s>"));
            assertEquals(2, enc.pieceId("</s>"));
            assertEquals(3, enc.pieceId("<unk>"));
            assertEquals(4, enc.pieceId("<0x00>"));
            String[] pieces = enc.pieces("In 1984, the cost was $2,500.");
            for (String p : pieces) {
                if (p.chars().anyMatch(Character::isDigit)) {
                    assertEquals(1, p.codePointCount(0, p.length()), "digit piece " + p);
                }
            }
            assertEquals("ﬁne Full", "ﬁne Full"); // sanity of the literal below
            assertEquals("fine Full1", enc.decode(enc.encode("ﬁne Ｆｕｌｌ①")), "NFKC applied before encoding");
        }
        for (SentencePieceModel.Piece p : golf.model().pieces()) {
            assertFalse(p.piece().length() > 1 && p.piece().chars().anyMatch(c -> c >= '0' && c <= '9')
                    && p.type() == PieceType.NORMAL, "multi-character digit piece " + p.piece());
        }
    }

    @Test
    void learnedPiecesObeySentencePieceRules() {
        for (SentencePieceModel.Piece p : reference.model().pieces()) {
            if (p.type() != PieceType.NORMAL) {
                continue;
            }
            String s = p.piece();
            assertTrue(s.codePointCount(0, s.length()) <= 16, s);
            assertFalse(s.indexOf(Pretokenizer.WS, 1) > 0, "▁ inside a piece: " + s);
            assertFalse(s.contains(" ") || s.contains("\t"), s);
        }
        assertFalse(reference.model().pieces().stream().anyMatch(p -> p.piece().equals("'s")),
                "apostrophe (Common) and s (Latin) never join");
    }

    @Test
    void hardLimitFailsWithSentencePiecesMessageAndSoftLimitShrinks() throws IOException {
        List<String> tiny = List.of("the cat sat on the mat", "the dog sat on the log");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Corpora.train(TrainerConfig.reference(1000).build(), tiny));
        assertTrue(e.getMessage().startsWith("Vocabulary size too high (1000). Please set it to a value <= "), e.getMessage());
        TrainResult soft = Corpora.train(TrainerConfig.reference(1000).hardVocabLimit(false).build(), tiny);
        int n = soft.model().pieces().size();
        assertTrue(n < 1000 && n > 260, "vocab " + n);
        assertEquals(n, soft.model().spec().vocabSize());
        try (Encoder enc = Encoder.of(soft.model().toBytes(), Normalization.IDENTITY)) {
            assertEquals("the cat sat on the log", enc.decode(enc.encode("the cat sat on the log")));
            assertEquals(1, enc.encode("the cat sat on the mat").length > 0 ? 1 : 0);
        }
    }

    @Test
    void userDefinedAndControlSymbolsAreKeptWhole() throws IOException {
        TrainerConfig cfg = TrainerConfig.reference(800).userDefinedSymbols(List.of("<|im_start|>"))
                .controlSymbols(List.of("<sep>")).build();
        TrainResult r = Corpora.train(cfg, Corpora.lines("train-small.txt"));
        try (Encoder enc = Encoder.of(r.model().toBytes(), Normalization.IDENTITY)) {
            assertEquals(4, enc.pieceId("<sep>"), "control symbols take the lowest free ids");
            assertEquals(5, enc.pieceId("<|im_start|>"));
            assertEquals(6, enc.pieceId("<0x00>"));
            int[] ids = enc.encode("<|im_start|>hello");
            assertEquals(5, ids[1 - (ids[0] == 5 ? 1 : 0)] == 5 ? 5 : ids[0]);
            assertEquals("<|im_start|>hello", enc.decode(ids));
        }
    }

    @Test
    void samplingKeepsAFixedSeededSubset() throws IOException {
        TrainerConfig cfg = TrainerConfig.reference(600).maxDocuments(100).build();
        TrainResult a = Corpora.train(cfg, docs);
        TrainResult b = Corpora.train(cfg, docs);
        assertArrayEquals(a.model().toBytes(), b.model().toBytes());
        assertEquals(100L, a.stats().get("documents_used"));
        assertEquals((long) docs.size(), a.stats().get("documents_seen"));
        TrainResult other = Corpora.train(TrainerConfig.reference(600).maxDocuments(100).seed(7).build(), docs);
        assertNotEquals(Arrays.toString(a.model().toBytes()), Arrays.toString(other.model().toBytes()));
    }

    @Test
    void writesModelVocabAndMetadata(@TempDir Path dir) throws IOException {
        reference.write(dir);
        byte[] model = Files.readAllBytes(dir.resolve("spm.model"));
        assertArrayEquals(reference.model().toBytes(), model);
        List<String> vocab = Files.readAllLines(dir.resolve("spm.vocab"), StandardCharsets.UTF_8);
        assertEquals("<unk>\t0", vocab.get(0));
        assertEquals("<0x00>\t0", vocab.get(4));
        assertTrue(vocab.get(261).endsWith("\t-1"), vocab.get(261));
        String meta = Files.readString(dir.resolve("tokenizer_meta.json"));
        assertTrue(meta.contains("\"model_sha256\" : \"" + dev.kiln.core.util.Hashes.sha256(model) + "\""), meta);
        assertTrue(meta.contains("\"normalization\" : \"identity\""));
        try (Encoder enc = Encoder.load(dir)) {
            assertEquals(1200, enc.vocabSize());
        }
    }

    @Test
    void rejectsOutOfRangeOptionsNamingThem() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> TrainerConfig.reference(1000).characterCoverage(0.5).build());
        assertEquals("character_coverage must be in [0.98, 1]: 0.5", e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainerConfig.reference(200).build());
        assertTrue(e.getMessage().startsWith("vocab_size must be > 260"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> TrainerConfig.reference(1000).maxPieceLength(0).build());
        assertEquals("max_sentencepiece_length must be in [1, 512]: 0", e.getMessage());
        assertThrows(ConfigException.class, () -> TrainerConfig.preset("gpt2", 1000));
        assertEquals(List.of(), Arrays.stream(new String[0]).collect(Collectors.toList()));
    }

    @Test
    void crlfRunsArePiecesOfTheirOwnAndEmptyInputIsAnError() throws IOException {
        String book = Files.readString(Corpora.SAMPLE.resolve("gutenberg").resolve("kjv-genesis.txt"), StandardCharsets.UTF_8);
        assertTrue(book.length() > 150_000);
        // the whole book as ONE document: long documents are counted, never skipped
        TrainResult r = Corpora.train(TrainerConfig.reference(700).build(), List.of(book));
        assertEquals(1L, r.stats().get("documents_used"));
        List<String> pieces = r.model().pieces().stream().map(SentencePieceModel.Piece::piece).toList();
        assertTrue(pieces.contains("\r\n"), "CRLF learned as a piece");
        for (String p : pieces) {
            if (p.contains("\r") || p.contains("\n")) {
                assertTrue(p.chars().allMatch(c -> c == '\r' || c == '\n'), "piece mixes a line break with text: " + p);
            }
        }
        try (Encoder enc = Encoder.of(r.model().toBytes(), Normalization.IDENTITY)) {
            String para = book.substring(5000, 7000);
            assertEquals(para, enc.decode(enc.encode(para)));
        }
        ConfigException e = assertThrows(ConfigException.class,
                () -> Corpora.train(TrainerConfig.reference(700).build(), List.of("", "")));
        assertTrue(e.getMessage().startsWith("no text to train on (2 documents read"), e.getMessage());
    }
}
