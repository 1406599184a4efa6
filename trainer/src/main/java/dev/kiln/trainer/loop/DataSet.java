package dev.kiln.trainer.loop;

import dev.kiln.core.config.ConfigException;
import dev.kiln.sharding.DataMeta;
import dev.kiln.sharding.TokenShards;
import dev.kiln.tokenizer.SentencePieceModel;
import dev.kiln.tokenizer.TrainResult;
import dev.kiln.trainer.eval.ByteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory written by {@code kiln prepare}: the train and val token splits (either shard layout,
 * memory-mapped and validated by {@link TokenShards}) and what {@code data_meta.json} says about them:
 * the vocabulary size, BOS/EOS ids and the SentencePiece model, from which the bits-per-byte table is
 * built.
 *
 * @param dir       the directory
 * @param train     train split
 * @param val       val split
 * @param vocab     vocabulary size (the model's embedding rows)
 * @param bosId     BOS id, or -1
 * @param eosId     EOS id, or -1
 * @param tokenizer the SentencePiece model file, or null if none is recorded or it is missing
 * @param bytes     the BPB byte table, or null without a tokenizer
 */
public record DataSet(Path dir, TokenShards train, TokenShards val, int vocab, int bosId, int eosId, Path tokenizer,
                      ByteTable bytes) {

    /** Opens {@code dir}; a missing or unreadable piece is an error naming the file with a HINT. */
    public static DataSet open(Path dir) throws IOException {
        Path metaFile = dir.resolve(DataMeta.FILE);
        if (!Files.isRegularFile(metaFile)) {
            throw new ConfigException(dir + ": no " + DataMeta.FILE + ". HINT: point --data at a folder written by kiln prepare");
        }
        DataMeta meta = DataMeta.read(dir);
        DataMeta.Tokenizer tok = meta.tokenizer();
        int vocab = tok == null || tok.vocabSize() == null ? 0 : tok.vocabSize();
        if (vocab < 2) {
            throw new ConfigException(metaFile + ": no tokenizer.vocab_size. HINT: re-run kiln prepare");
        }
        Path model = null;
        if (tok.model() != null) {
            Path recorded = Path.of(tok.model());
            for (Path p : new Path[] {recorded, dir.resolve(recorded), dir.resolve(recorded.getFileName()),
                    dir.resolve("tokenizer").resolve(TrainResult.MODEL_FILE)}) {
                if (Files.isRegularFile(p)) {
                    model = p;
                    break;
                }
            }
        }
        ByteTable table = null;
        if (model != null) {
            table = ByteTable.of(SentencePieceModel.parse(Files.readAllBytes(model)), vocab);
        }
        TokenShards train = TokenShards.open(dir, "train", null);
        TokenShards val = TokenShards.open(dir, "val", null);
        return new DataSet(dir, train, val, vocab, orMinusOne(tok.bosId()), orMinusOne(tok.eosId()), model, table);
    }

    private static int orMinusOne(Integer id) {
        return id == null ? -1 : id;
    }
}
