package dev.kiln.tokenizer;

import dev.kiln.core.util.IntList;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SentencePiece's BPE encoding ({@code bpe::Model::SampleEncode} with alpha 0, then byte fallback) in
 * Java, for models kiln writes: identity normalisation, byte fallback on, no user-defined or unused
 * pieces. Id-identical to SentencePiece (tested against the JNI on held-out text and the sample corpus).
 *
 * <p>The rule is SentencePiece's, not a merge table: every adjacent pair of symbols whose concatenated
 * string is a vocabulary piece enters a max-heap keyed by that piece's score (ties: the leftmost pair);
 * the best pair merges, and its two new neighbour pairs are looked up. A character outside the vocabulary
 * becomes its UTF-8 bytes as {@code <0xNN>} pieces.
 *
 * <p>Speed: no piece holds {@code ▁} after its first character (checked at construction), so no merge
 * crosses a word start and each {@code ▁}-word can be encoded once and cached, as tiktoken and HF do; the
 * result is the same as encoding the whole text. Immutable and thread-safe (the cache is per thread).
 */
final class BpeEncoder {

    private static final int CACHE_LIMIT = 1 << 16;

    private final CharTable vocab;
    private final float[] score;
    private final int maxPieceChars;
    private final int[] byteId = new int[256];
    private final boolean addDummyPrefix;
    private final boolean removeExtraWhitespaces;
    private final ThreadLocal<Map<String, int[]>> cache = ThreadLocal.withInitial(HashMap::new);

    private BpeEncoder(SentencePieceModel model) {
        List<SentencePieceModel.Piece> ps = model.pieces();
        vocab = new CharTable(ps.size());
        score = new float[ps.size()];
        int max = 1;
        for (int i = 0; i < ps.size(); i++) {
            SentencePieceModel.Piece p = ps.get(i);
            score[i] = p.score();
            if (p.type() == PieceType.NORMAL) {
                vocab.put(p.piece(), i);
                max = Math.max(max, p.piece().length());
            } else if (p.type() == PieceType.BYTE) {
                byteId[Integer.parseInt(p.piece().substring(3, 5), 16)] = i;
            }
        }
        maxPieceChars = max;
        addDummyPrefix = model.spec().addDummyPrefix();
        removeExtraWhitespaces = model.spec().removeExtraWhitespaces();
    }

    /**
     * A Java encoder for {@code model}, or null when the model uses something it does not implement
     * (a non-identity normaliser, no byte fallback, user-defined or unused pieces, {@code ▁} inside a
     * piece, unescaped whitespace): then use SentencePiece through JNI.
     */
    static BpeEncoder forModel(SentencePieceModel model) {
        SentencePieceModel.Spec s = model.spec();
        if (!"identity".equals(s.normalizerName()) || !s.byteFallback() || !s.escapeWhitespaces()) {
            return null;
        }
        for (SentencePieceModel.Piece p : model.pieces()) {
            if (p.type() == PieceType.USER_DEFINED || p.type() == PieceType.UNUSED) {
                return null;
            }
            if (p.type() == PieceType.NORMAL && p.piece().indexOf(Pretokenizer.WS, 1) > 0) {
                return null;
            }
        }
        return new BpeEncoder(model);
    }

    /** The ids of {@code text} (already character-normalised by kiln). */
    int[] encode(String text) {
        String s = normalize(text);
        IntList out = new IntList(Math.max(16, s.length() / 3));
        Map<String, int[]> c = cache.get();
        if (c.size() > CACHE_LIMIT) {
            c.clear();
        }
        int start = 0;
        for (int i = 1; i <= s.length(); i++) {
            if (i == s.length() || s.charAt(i) == Pretokenizer.WS) {
                String word = s.substring(start, i);
                int[] ids = c.get(word);
                if (ids == null) {
                    IntList w = new IntList(word.length());
                    encodeWord(word, w);
                    ids = w.toArray();
                    c.put(word, ids);
                }
                out.addAll(ids);
                start = i;
            }
        }
        return out.toArray();
    }

    /** SentencePiece's identity normaliser: extra spaces, dummy prefix, space → {@code ▁}. */
    private String normalize(String t) {
        int from = 0;
        int to = t.length();
        if (removeExtraWhitespaces) {
            while (from < to && t.charAt(from) == ' ') {
                from++;
            }
        }
        if (from == to) {
            return "";
        }
        StringBuilder sb = new StringBuilder(to - from + 1);
        if (addDummyPrefix) {
            sb.append(Pretokenizer.WS);
        }
        boolean prevSpace = false;
        for (int i = from; i < to; i++) {
            char ch = t.charAt(i);
            if (ch == ' ') {
                if (removeExtraWhitespaces && prevSpace) {
                    continue;
                }
                sb.append(Pretokenizer.WS);
                prevSpace = true;
            } else {
                sb.append(ch);
                prevSpace = false;
            }
        }
        if (removeExtraWhitespaces) {
            int n = sb.length();
            while (n > 0 && sb.charAt(n - 1) == Pretokenizer.WS) {
                n--;
            }
            sb.setLength(n);
        }
        return sb.toString();
    }

    /** The BPE heap merge over one word. */
    private void encodeWord(String w, IntList out) {
        char[] chars = w.toCharArray();
        int n = 0;
        int[] start = new int[chars.length];
        int[] len = new int[chars.length];
        for (int i = 0; i < chars.length; ) {
            int l = Character.isHighSurrogate(chars[i]) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1]) ? 2 : 1;
            start[n] = i;
            len[n] = l;
            n++;
            i += l;
        }
        int[] prev = new int[n];
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            prev[i] = i - 1;
            next[i] = i + 1 < n ? i + 1 : -1;
        }
        Heap heap = new Heap(Math.max(4, 2 * n));
        for (int i = 0; i + 1 < n; i++) {
            push(heap, chars, start, len, i, i + 1);
        }
        while (heap.size > 0) {
            int left = heap.left[0];
            int right = heap.right[0];
            int size = heap.chars[0];
            heap.pop();
            if (len[left] == 0 || len[right] == 0 || len[left] + len[right] != size || next[left] != right) {
                continue;
            }
            len[left] += len[right];
            len[right] = 0;
            next[left] = next[right];
            if (next[right] >= 0) {
                prev[next[right]] = left;
            }
            if (prev[left] >= 0) {
                push(heap, chars, start, len, prev[left], left);
            }
            if (next[left] >= 0) {
                push(heap, chars, start, len, left, next[left]);
            }
        }
        for (int i = 0; i >= 0 && n > 0; i = next[i]) {
            int id = vocab.get(chars, start[i], len[i]);
            if (id >= 0) {
                out.add(id);
            } else {
                for (byte b : new String(chars, start[i], len[i]).getBytes(StandardCharsets.UTF_8)) {
                    out.add(byteId[b & 0xFF]);
                }
            }
        }
    }

    private void push(Heap heap, char[] chars, int[] start, int[] len, int l, int r) {
        int size = len[l] + len[r];
        if (size > maxPieceChars) {
            return;
        }
        int id = vocab.get(chars, start[l], size);
        if (id >= 0) {
            heap.add(score[id], l, r, size);
        }
    }

    /** Max-heap of candidate merges: higher score first, then the leftmost. */
    private static final class Heap {
        float[] score;
        int[] left;
        int[] right;
        int[] chars;
        int size;

        Heap(int cap) {
            score = new float[cap];
            left = new int[cap];
            right = new int[cap];
            chars = new int[cap];
        }

        private boolean before(int i, float s, int l) {
            return score[i] > s || (score[i] == s && left[i] < l);
        }

        void add(float s, int l, int r, int c) {
            if (size == score.length) {
                int cap = size * 2;
                score = Arrays.copyOf(score, cap);
                left = Arrays.copyOf(left, cap);
                right = Arrays.copyOf(right, cap);
                chars = Arrays.copyOf(chars, cap);
            }
            int i = size++;
            while (i > 0) {
                int p = (i - 1) >>> 1;
                if (!(s > score[p] || (s == score[p] && l < left[p]))) {
                    break;
                }
                move(p, i);
                i = p;
            }
            score[i] = s;
            left[i] = l;
            right[i] = r;
            chars[i] = c;
        }

        void pop() {
            int last = --size;
            float s = score[last];
            int l = left[last];
            int r = right[last];
            int c = chars[last];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && before(child + 1, score[child], left[child])) {
                    child++;
                }
                if (!before(child, s, l)) {
                    break;
                }
                move(child, i);
                i = child;
            }
            score[i] = s;
            left[i] = l;
            right[i] = r;
            chars[i] = c;
        }

        private void move(int from, int to) {
            score[to] = score[from];
            left[to] = left[from];
            right[to] = right[from];
            chars[to] = chars[from];
        }
    }

    /** Open-addressing map from piece text to id, looked up by a range of a char array (no allocation). */
    private static final class CharTable {
        private final char[][] keys;
        private final int[] ids;
        private final int mask;

        CharTable(int expected) {
            int cap = Integer.highestOneBit(Math.max(16, expected * 3)) << 1;
            keys = new char[cap][];
            ids = new int[cap];
            mask = cap - 1;
        }

        private static int hash(char[] a, int from, int len) {
            int h = 0;
            for (int i = from; i < from + len; i++) {
                h = 31 * h + a[i];
            }
            return h ^ (h >>> 16);
        }

        void put(String piece, int id) {
            char[] k = piece.toCharArray();
            int i = hash(k, 0, k.length) & mask;
            while (keys[i] != null) {
                if (Arrays.equals(keys[i], k)) {
                    return; // first id wins, as SentencePiece's map
                }
                i = (i + 1) & mask;
            }
            keys[i] = k;
            ids[i] = id;
        }

        int get(char[] a, int from, int len) {
            int i = hash(a, from, len) & mask;
            while (true) {
                char[] k = keys[i];
                if (k == null) {
                    return -1;
                }
                if (k.length == len && Arrays.equals(k, 0, len, a, from, from + len)) {
                    return ids[i];
                }
                i = (i + 1) & mask;
            }
        }
    }
}
