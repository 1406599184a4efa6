package dev.kiln.trainer.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kiln.sharding.BinShardWriter;
import dev.kiln.sharding.TokenDtype;
import dev.kiln.sharding.TokenShards;
import dev.kiln.tokenizer.PieceType;
import dev.kiln.tokenizer.SentencePieceModel;
import dev.kiln.trainer.Device;
import dev.kiln.trainer.model.Init;
import dev.kiln.trainer.model.LlamaConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bits-per-byte against a hand computation (golf-shards-and-bpb.md section 1.4). */
class BpbTest {

    // byte260 layout (pad 0, bos 1, eos 2, unk 3, byte b = b + 4) plus five normal pieces
    static final int BOS = 1, UNK = 3, THE = 260, CAT = 261, S = 262, E_ACUTE = 263, SPACE = 264;

    static SentencePieceModel model() {
        SentencePieceModel b = SentencePieceModel.byteLevel();
        List<SentencePieceModel.Piece> pieces = new ArrayList<>(b.pieces());
        for (String p : List.of("\u2581the", "\u2581cat", "s", "é", "\u2581")) {
            pieces.add(new SentencePieceModel.Piece(p, -1, PieceType.NORMAL));
        }
        return new SentencePieceModel(pieces, b.spec());
    }

    /** BOS ▁the ▁cat s <0xC3> <0xA9> BOS ▁ é <unk>. */
    static final int[] STREAM = {BOS, THE, CAT, S, 0xC3 + 4, 0xA9 + 4, BOS, SPACE, E_ACUTE, UNK};

    @Test
    void byteTableFollowsGolfRules() {
        ByteTable t = ByteTable.of(model(), 300);
        assertEquals(300, t.size());
        assertEquals(3, t.bytes(BOS, THE), "leading space not counted after BOS");
        assertEquals(4, t.bytes(THE, CAT), "leading space counted after a normal piece");
        assertEquals(1, t.bytes(CAT, S));
        assertEquals(1, t.bytes(S, 0xC3 + 4), "byte-fallback piece = 1 byte");
        assertEquals(0, t.bytes(0xA9 + 4, BOS), "BOS target: 0 bytes");
        assertEquals(0, t.bytes(BOS, SPACE), "a lone ▁ after BOS is 0 bytes");
        assertEquals(1, t.bytes(CAT, SPACE));
        assertEquals(2, t.bytes(SPACE, E_ACUTE), "é is 2 UTF-8 bytes");
        assertEquals(0, t.bytes(E_ACUTE, UNK), "unknown: 0 bytes");
        assertEquals(0, t.bytes(THE, 299), "ids past the tokenizer are boundaries");
        assertEquals(3, t.bytes(299, THE), "... and suppress the space after them");
    }

    @Test
    void accumulatorMatchesHandComputation() {
        BpbAccumulator acc = new BpbAccumulator(ByteTable.of(model(), 265));
        double[] nll = {2.0, 1.5, 0.5, 3.0, 0.25, 4.0, 1.0, 2.5, 6.0};
        for (int i = 0; i < nll.length; i++) {
            acc.add(STREAM[i], STREAM[i + 1], nll[i]);
        }
        EvalResult r = acc.result();
        // targets 9, bytes 3 + 4 + 1 + 1 + 1 + 0 + 0 + 2 + 0 = 12, loss sum 20.75 (BOS and unk targets included)
        assertEquals(9, r.tokens());
        assertEquals(12, r.bytes());
        assertEquals(20.75 / 9, r.loss(), 1e-12);
        assertEquals(Math.exp(20.75 / 9), r.ppl(), 1e-9);
        assertEquals(20.75 / (12 * Math.log(2)), r.bpb(), 1e-12);
        BpbAccumulator noTable = new BpbAccumulator(null);
        noTable.add(1, 2, 1.0);
        assertEquals(Double.NaN, noTable.result().bpb(), "no tokenizer, no bpb");
        assertThrows(IllegalStateException.class, () -> new BpbAccumulator(null).result());
    }

    @Test
    void evaluatorScoresEveryTargetWithThePreviousInputToken(@TempDir Path dir) throws Exception {
        try (var w = BinShardWriter.open(dir, "val", TokenDtype.UINT16)) {
            w.writeDocument(STREAM);
            w.commit();
        }
        TokenShards val = TokenShards.open(dir, "val", TokenDtype.UINT16);
        LlamaConfig c = new LlamaConfig("t", 265, 16, 1, 2, 32, 16, 1e4, 1e-5);
        float[] p = Init.params(c, 3);
        ByteTable table = ByteTable.of(model(), 265);
        try (Evaluator ev = Evaluator.create(c, 2, 9, Device.CPU, 1)) {
            EvalResult all = ev.evaluate(p, val, Window.contiguous(val.tokens(), 9, 0), table);
            assertEquals(9, all.tokens());
            assertEquals(12, all.bytes());
            assertEquals(all.loss() / Math.log(2) * 9 / 12, all.bpb(), 1e-12);
            assertEquals(Math.log(265), all.loss(), 0.1, "untrained model: loss near ln(vocab)");
            EvalResult again = ev.evaluate(p, val, Window.contiguous(val.tokens(), 9, 0), table);
            assertEquals(all, again, "the same windows give the same result");
        }
        try (Evaluator ev = Evaluator.create(c, 3, 4, Device.CPU, 1)) {
            EvalResult sliding = ev.evaluate(p, val, Window.sliding(val.tokens(), 4, 2), table);
            assertEquals(9, sliding.tokens(), "sliding window: each target exactly once");
            assertEquals(12, sliding.bytes());
        }
    }

    @Test
    void slidingWindowsScoreEachTargetOnce() {
        for (long n : new long[] {2, 10, 64, 65, 1000, 1031}) {
            for (int[] ws : new int[][] {{8, 8}, {16, 4}, {64, 64}, {64, 1}, {32, 5}}) {
                int[] hits = new int[(int) n - 1];
                for (Window w : Window.sliding(n, ws[0], ws[1])) {
                    for (int t = w.scoreFrom(); t < w.len(); t++) {
                        hits[(int) (w.start() + t)]++;
                    }
                    if (w.start() > 0) {
                        assertEquals(ws[0] - ws[1], w.scoreFrom(), "context of later windows");
                    }
                }
                for (int i = 0; i < hits.length; i++) {
                    assertEquals(1, hits[i], "n " + n + " window " + ws[0] + " stride " + ws[1] + " target " + i);
                }
            }
        }
        List<Window> c = Window.contiguous(1031, 64, 0);
        assertEquals(16, c.size(), "golf truncation ((N-1)/L) windows");
        assertEquals(960, c.getLast().start());
    }
}
