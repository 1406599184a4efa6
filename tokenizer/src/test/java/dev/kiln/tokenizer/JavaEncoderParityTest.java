package dev.kiln.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kiln's Java BPE encoder gives exactly SentencePiece's ids (through JNI) on the whole shipped held-out
 * file and the repository's sample corpus (web, wiki, Gutenberg: multi-line, many scripts, junk), for
 * the reference and golf presets.
 */
class JavaEncoderParityTest {

    static List<String> texts = new ArrayList<>();

    @BeforeAll
    static void load() throws IOException {
        texts.addAll(Corpora.lines("heldout.txt"));
        texts.addAll(Corpora.sampleDocs("web.jsonl.gz", 1500));
        texts.addAll(Corpora.sampleDocs("wiki.jsonl.gz", 1200));
        for (String book : List.of("bierce-devils-dictionary.txt", "kjv-genesis.txt", "scofield-reference-notes.txt")) {
            String all = Files.readString(Corpora.SAMPLE.resolve("gutenberg").resolve(book), StandardCharsets.UTF_8);
            texts.addAll(List.of(all.split("\r?\n\r?\n")));  // paragraphs, CRLF kept inside
        }
        texts.add("   leading, trailing   and  runs of spaces   ");
        texts.add("tabs\tand\u2581literal marks\u2581 and ▁▁ 🎉🎉 \u0000 nul");
        texts.add("");
        texts.add(" ");
    }

    @Test
    void referencePresetIsIdIdenticalOnHeldOutAndTheWholeSample() throws IOException {
        check(Corpora.train(TrainerConfig.reference(2000).threads(2).build(), Corpora.lines("train-small.txt")), texts);
    }

    @Test
    void golfPresetIsIdIdenticalOnHeldOut() throws IOException {
        List<String> docs = new ArrayList<>(Corpora.lines("train-small.txt"));
        docs.addAll(Corpora.sampleDocs("wiki.jsonl.gz", 300));
        List<String> some = new ArrayList<>(Corpora.lines("heldout.txt"));
        some.addAll(texts.subList(texts.size() - 4, texts.size()));
        check(Corpora.train(TrainerConfig.golf(1024).threads(2).build(), docs), some);
    }

    private static void check(TrainResult r, List<String> texts) {
        byte[] model = r.model().toBytes();
        try (Encoder enc = Encoder.of(model, r.config().normalization(), Encoder.Backend.JAVA)) {
            assertEquals(Encoder.Backend.JAVA, enc.backend());
            int[][] viaJava = enc.encodeAll(texts, 2);
            int[][] jni = java.util.stream.IntStream.range(0, texts.size()).parallel()
                    .mapToObj(i -> enc.nativeEncode(texts.get(i))).toArray(int[][]::new);
            for (int i = 0; i < texts.size(); i++) {
                assertArrayEquals(jni[i], viaJava[i], "text " + i + ": " + abbreviate(texts.get(i)));
            }
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
