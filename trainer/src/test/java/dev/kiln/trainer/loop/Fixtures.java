package dev.kiln.trainer.loop;

import dev.kiln.sharding.BinShardWriter;
import dev.kiln.sharding.GolfShardWriter;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.sharding.TokenSink;
import dev.kiln.tokenizer.SentencePieceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A real {@code kiln prepare}-shaped data folder for tests: the paragraphs of a public-domain book from
 * the repository's {@code sample/} folder, tokenised with golf's byte260 SentencePiece model (bos 1,
 * eos 2, byte b = id b + 4), {@code [BOS] + ids} per document, every 10th paragraph to val; train
 * written as golf shards (small, so windows cross shard boundaries), val as nanoGPT .bin/.idx.
 */
final class Fixtures {

    static final int VOCAB = 260;
    static final int BOS = 1;

    private Fixtures() {
    }

    static Path data(Path dir) throws IOException {
        String text = Files.readString(Path.of("..", "sample", "gutenberg", "bierce-devils-dictionary.txt"), StandardCharsets.UTF_8);
        List<String> paras = List.of(text.split("\\n\\s*\\n"));
        try (TokenSink train = GolfShardWriter.open(dir, "kiln", "train", 60_000);
             TokenSink val = BinShardWriter.open(dir, "val", TokenDtype.UINT16)) {
            int i = 0;
            for (String p : paras) {
                if (p.isBlank()) {
                    continue;
                }
                byte[] b = p.strip().getBytes(StandardCharsets.UTF_8);
                int[] ids = new int[b.length + 1];
                ids[0] = BOS;
                for (int k = 0; k < b.length; k++) {
                    ids[k + 1] = (b[k] & 0xff) + 4;
                }
                (i++ % 10 == 9 ? val : train).writeDocument(ids);
            }
            train.commit();
            val.commit();
        }
        Files.createDirectories(dir.resolve("tokenizer"));
        Files.write(dir.resolve("tokenizer").resolve("spm.model"), SentencePieceModel.byteLevel().toBytes());
        Files.writeString(dir.resolve("data_meta.json"), """
                {"dtype": "uint16", "boundary": "bos",
                 "tokenizer": {"model": "tokenizer/spm.model", "vocab_size": 260, "bos_id": 1, "eos_id": 2}}
                """);
        return dir;
    }

    /** A fast tiny-preset config: B 4, T 32, lr 3e-3, evaluation on 8 fixed windows, 1 thread. */
    static TrainConfig tiny(int steps, int evalEvery, int saveEvery, int keepLast, int microset) {
        return TrainConfig.builder().batch(4).seq(32).steps(steps).lr(3e-3).minLr(3e-4).warmup(10).evalInterval(evalEvery)
                .evalWindows(8).saveInterval(saveEvery).logInterval(1).keepLast(keepLast).threads(1).microsetSteps(microset)
                .prompts(List.of("The devil is")).sampleTokens(16).controlPoll(5).build();
    }
}
