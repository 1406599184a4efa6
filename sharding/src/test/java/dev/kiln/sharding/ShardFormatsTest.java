package dev.kiln.sharding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardFormatsTest {

    @TempDir
    Path dir;

    /** Documents of random length with ids below {@code vocab}; BOS (1) first, as golf lays them out. */
    static List<int[]> docs(int n, int vocab, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] d = new int[1 + r.nextInt(1, 300)];
            d[0] = 1;
            for (int k = 1; k < d.length; k++) {
                d[k] = r.nextInt(4, vocab);
            }
            out.add(d);
        }
        return out;
    }

    static int[] concat(List<int[]> docs) {
        return docs.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @Test
    void binLayoutHoldsExactlyTheTokensAndAnIndexOfDocumentStarts() throws IOException {
        for (TokenDtype dt : TokenDtype.values()) {
            Path d = dir.resolve(dt.label());
            List<int[]> docs = docs(200, dt == TokenDtype.UINT16 ? 32_000 : 100_000, 7);
            try (BinShardWriter w = BinShardWriter.open(d, "train", dt)) {
                for (int[] doc : docs) {
                    w.writeDocument(doc);
                }
                w.commit();
            }
            int[] all = concat(docs);
            assertEquals((long) all.length * dt.bytes(), Files.size(d.resolve("train.bin")), "no padding");
            TokenShards s = TokenShards.open(d, "train", dt);
            assertEquals(all.length, s.tokens());
            int[] back = new int[all.length];
            s.read(0, back);
            assertArrayEquals(all, back);
            long[] starts = s.documentStarts();
            assertEquals(docs.size(), starts.length);
            long off = 0;
            for (int i = 0; i < docs.size(); i++) {
                assertEquals(off, starts[i]);
                off += docs.get(i).length;
            }
        }
    }

    @Test
    void golfShardsHaveTheHeaderAndDocumentsStraddleShards() throws IOException {
        List<int[]> docs = docs(100, 1024, 11);
        int[] all = concat(docs);
        GolfShardWriter w = GolfShardWriter.open(dir, "fineweb", "val", 1000);
        for (int[] doc : docs) {
            w.writeDocument(doc);
        }
        w.commit();
        w.close();
        int shards = (all.length + 999) / 1000;
        assertEquals(shards, w.files().size());
        Path first = dir.resolve("fineweb_val_000000.bin");
        ByteBuffer h = ByteBuffer.wrap(Files.readAllBytes(first)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(20240520, h.getInt(0));
        assertEquals(1, h.getInt(4));
        assertEquals(1000, h.getInt(8));
        for (int i = 3; i < 256; i++) {
            assertEquals(0, h.getInt(4 * i));
        }
        assertEquals(1024 + 2 * 1000, Files.size(first));
        Path last = dir.resolve(String.format("fineweb_val_%06d.bin", shards - 1));
        assertEquals(all.length - 1000L * (shards - 1), GolfShards.validate(last));
        TokenShards s = TokenShards.open(dir, "val", null);
        assertEquals(TokenShards.Layout.GOLF, s.layout());
        int[] back = new int[all.length];
        s.read(0, back);
        assertArrayEquals(all, back);
        int[] window = new int[50];
        s.read(980, window);
        assertArrayEquals(Arrays.copyOfRange(all, 980, 1030), window, "a window across a shard boundary");
    }

    @Test
    void truncatedForeignAndInconsistentShardsAreRejectedWithAHint() throws IOException {
        GolfShardWriter w = GolfShardWriter.open(dir, "fineweb", "train", 500);
        for (int[] doc : docs(20, 1024, 3)) {
            w.writeDocument(doc);
        }
        w.commit();
        Path f = dir.resolve("fineweb_train_000000.bin");
        byte[] good = Files.readAllBytes(f);

        Files.write(f, Arrays.copyOf(good, good.length - 2));
        ShardFormatException e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "train", null));
        assertTrue(e.getMessage().contains("header says 500 tokens") && e.getMessage().contains("HINT"), e.getMessage());

        byte[] bad = good.clone();
        bad[0] = 7;
        Files.write(f, bad);
        e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "train", null));
        assertTrue(e.getMessage().contains("bad magic"), e.getMessage());

        ByteBuffer.wrap(bad).order(ByteOrder.LITTLE_ENDIAN).putInt(0, GolfShards.MAGIC_LLAMA3);
        Files.write(f, bad);
        e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "train", null));
        assertTrue(e.getMessage().contains("Llama-3"), e.getMessage());

        Files.write(f, Arrays.copyOf(good, 100));
        e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "train", null));
        assertTrue(e.getMessage().contains("shorter than the 1024-byte shard header"), e.getMessage());

        Files.write(f, good);
        Files.delete(dir.resolve("fineweb_train_000001.bin"));
        if (Files.exists(dir.resolve("fineweb_train_000002.bin"))) {
            e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "train", null));
            assertTrue(e.getMessage().contains("missing"), e.getMessage());
        }
    }

    @Test
    void binWithoutMetaNeedsADtypeAndOddSizesAreRejected() throws IOException {
        Files.write(dir.resolve("val.bin"), new byte[7]);
        ShardFormatException e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "val", null));
        assertTrue(e.getMessage().contains("data_meta.json"), e.getMessage());
        Files.writeString(dir.resolve("data_meta.json"), "{\"dtype\": \"uint16\"}");
        e = assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "val", null));
        assertTrue(e.getMessage().contains("not a multiple of 2"), e.getMessage());
        assertThrows(ShardFormatException.class, () -> TokenShards.open(dir, "train", null));
    }

    @Test
    void idsThatDoNotFitAreRefusedAndNothingIsLeftBehind() throws IOException {
        try (BinShardWriter w = BinShardWriter.open(dir, "train", TokenDtype.UINT16)) {
            w.writeDocument(new int[] {1, 2, 3});
            assertThrows(IllegalArgumentException.class, () -> w.writeDocument(new int[] {70_000}));
        }
        try (GolfShardWriter g = GolfShardWriter.open(dir, "fineweb", "val", 100)) {
            assertThrows(IllegalArgumentException.class, () -> g.writeDocument(new int[] {1, 65_536}));
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(List.of(), s.toList(), "aborted writers leave no files, temporary or final");
        }
        assertFalse(Files.exists(dir.resolve("train.bin")));
    }

    @Test
    void dtypeFollowsTheVocabulary() {
        assertEquals(TokenDtype.UINT16, TokenDtype.forVocab(32_000));
        assertEquals(TokenDtype.UINT16, TokenDtype.forVocab(65_536));
        assertEquals(TokenDtype.UINT32, TokenDtype.forVocab(65_537));
        assertEquals("uint16", TokenDtype.UINT16.label());
    }
}
