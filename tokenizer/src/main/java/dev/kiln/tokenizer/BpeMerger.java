package dev.kiln.tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The BPE merge loop over counted words, in the manner of HF tokenizers' trainer: a pair index
 * (pair → count and the words holding it), a max-heap of candidate pairs with lazy refresh, and merges
 * that touch only the words holding the chosen pair. Nothing is ever recounted from scratch.
 *
 * <p>Order: highest frequency first; ties go to the shorter piece, then the byte-wise smaller string
 * (SentencePiece's rule). Frequency counts every adjacent position (so {@code aaa} holds {@code aa}
 * twice, as SentencePiece ≥ 0.1.98 and HF count it); a merge replaces occurrences left to right. A pair
 * whose concatenation already is a piece (built by another path) is merged without adding a piece, so
 * training sees words exactly as SentencePiece's string-in-vocabulary encoder will.
 *
 * <p>Single-threaded and deterministic: the result depends only on the words and counts.
 */
final class BpeMerger {

    /** A binary max-heap of (count, pair) in two primitive arrays, ordered by {@link #before}. */
    private final class PairHeap {
        private long[] counts = new long[1 << 16];
        private int[] pairs = new int[1 << 16];
        private int size;

        void add(long count, int pair) {
            if (size == counts.length) {
                counts = Arrays.copyOf(counts, size * 2);
                pairs = Arrays.copyOf(pairs, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (!before(count, pair, counts[parent], pairs[parent])) {
                    break;
                }
                counts[i] = counts[parent];
                pairs[i] = pairs[parent];
                i = parent;
            }
            counts[i] = count;
            pairs[i] = pair;
        }

        boolean isEmpty() {
            return size == 0;
        }

        long topCount() {
            return counts[0];
        }

        int topPair() {
            return pairs[0];
        }

        void removeTop() {
            long c = counts[--size];
            int p = pairs[size];
            int i = 0;
            int half = size >>> 1;
            while (i < half) {
                int child = 2 * i + 1;
                int right = child + 1;
                if (right < size && before(counts[right], pairs[right], counts[child], pairs[child])) {
                    child = right;
                }
                if (!before(counts[child], pairs[child], c, p)) {
                    break;
                }
                counts[i] = counts[child];
                pairs[i] = pairs[child];
                i = child;
            }
            counts[i] = c;
            pairs[i] = p;
        }
    }

    private final PieceRules rules;
    private final Set<String> reserved;

    private final List<String> symStr = new ArrayList<>();
    private int[] symLen = new int[1024];
    private final Map<String, Integer> strToSym = new HashMap<>();

    private final int[][] wsym;
    private final int[] wlen;
    private final long[] wcount;
    private final int[] wstamp;

    private final LongIntMap pairIndex = new LongIntMap(1 << 16);
    private long[] pairKey = new long[1 << 16];
    private long[] pairCount = new long[1 << 16];
    private int[][] pairWords = new int[1 << 16][];
    private int[] pairWordsN = new int[1 << 16];
    private int[] lastWord = new int[1 << 16];
    private int[] touchStamp = new int[1 << 16];
    private long[] touchOrig = new long[1 << 16];
    private int nPairs;
    private int stamp;
    private final List<Integer> touched = new ArrayList<>();
    private final PairHeap heap = new PairHeap();

    private long lastFrequency;

    /**
     * @param words unique words, each as alphabet symbol ids (-1 = character outside the alphabet)
     * @param counts occurrences of each word
     * @param alphabet the alphabet's strings, index = symbol id
     */
    BpeMerger(int[][] words, long[] counts, List<String> alphabet, PieceRules rules, Set<String> reserved) {
        this.rules = rules;
        this.reserved = reserved;
        for (String a : alphabet) {
            addSymbol(a, 1);
        }
        this.wsym = words;
        this.wcount = counts;
        this.wlen = new int[words.length];
        this.wstamp = new int[words.length];
        Arrays.fill(lastWord, -1);
        for (int w = 0; w < words.length; w++) {
            int[] s = words[w];
            wlen[w] = s.length;
            for (int i = 0; i + 1 < s.length; i++) {
                int p = pairOf(s[i], s[i + 1]);
                if (p >= 0) {
                    pairCount[p] += counts[w];
                    addWord(p, w);
                }
            }
        }
        for (int p = 0; p < nPairs; p++) {
            if (pairCount[p] > 0) {
                heap.add(pairCount[p], p);
            }
        }
    }

    /** Frequency of the last merge made. */
    long lastFrequency() {
        return lastFrequency;
    }

    /** Number of distinct valid pairs ever indexed. */
    int pairsIndexed() {
        return nPairs;
    }

    /** Number of distinct pairs looked at, valid or not. */
    int pairsSeen() {
        return pairIndex.size();
    }

    /** Runs up to {@code target} merges that add a new piece; returns the new pieces in merge order. */
    List<String> run(int target) {
        List<String> learned = new ArrayList<>(target);
        while (learned.size() < target) {
            if (heap.isEmpty()) {
                break;
            }
            int p = heap.topPair();
            long count = heap.topCount();
            heap.removeTop();
            long cur = pairCount[p];
            if (cur != count) {
                if (cur > 0 && cur < count) {
                    heap.add(cur, p);
                }
                continue;
            }
            if (cur <= 0) {
                continue;
            }
            int a = (int) (pairKey[p] >>> 32);
            int b = (int) pairKey[p];
            String s = symStr.get(a) + symStr.get(b);
            Integer existing = strToSym.get(s);
            int sym;
            if (existing == null) {
                sym = addSymbol(s, symLen[a] + symLen[b]);
                learned.add(s);
                lastFrequency = cur;
            } else {
                sym = existing;
            }
            merge(p, a, b, sym);
        }
        return learned;
    }

    private void merge(int p, int a, int b, int sym) {
        stamp++;
        touched.clear();
        int[] ws = pairWords[p];
        int n = pairWordsN[p];
        for (int k = 0; k < n; k++) {
            int w = ws[k];
            if (wstamp[w] != stamp) {
                wstamp[w] = stamp;
                mergeWord(w, a, b, sym);
            }
        }
        pairWords[p] = null;
        pairWordsN[p] = 0;
        for (int q : touched) {
            if (pairCount[q] > touchOrig[q]) {
                heap.add(pairCount[q], q);
            }
        }
    }

    private void mergeWord(int w, int a, int b, int sym) {
        int[] s = wsym[w];
        int n = wlen[w];
        boolean found = false;
        for (int i = 0; i + 1 < n; i++) {
            if (s[i] == a && s[i + 1] == b) {
                found = true;
                break;
            }
        }
        if (!found) {
            return;
        }
        long wc = wcount[w];
        for (int i = 0; i + 1 < n; i++) {
            adjust(s[i], s[i + 1], -wc, -1);
        }
        int j = 0;
        for (int i = 0; i < n; ) {
            if (i + 1 < n && s[i] == a && s[i + 1] == b) {
                s[j++] = sym;
                i += 2;
            } else {
                s[j++] = s[i++];
            }
        }
        wlen[w] = j;
        for (int i = 0; i + 1 < j; i++) {
            adjust(s[i], s[i + 1], wc, s[i] == sym || s[i + 1] == sym ? w : -1);
        }
    }

    private void adjust(int x, int y, long delta, int newWord) {
        int q = pairOf(x, y);
        if (q < 0) {
            return;
        }
        if (touchStamp[q] != stamp) {
            touchStamp[q] = stamp;
            touchOrig[q] = pairCount[q];
            touched.add(q);
        }
        pairCount[q] += delta;
        if (newWord >= 0) {
            addWord(q, newWord);
        }
    }

    /** The index of valid pair (x, y), creating it; -1 if either side is unknown or the piece is invalid. */
    private int pairOf(int x, int y) {
        if (x < 0 || y < 0) {
            return -1;
        }
        long key = (long) x << 32 | (y & 0xFFFFFFFFL);
        int p = pairIndex.get(key);
        if (p == -1) {
            p = newPair(key, x, y);
        }
        return p; // INVALID (-2) is negative too
    }

    /** Marks an invalid pair in the index; such pairs take no slot in the pair arrays. */
    private static final int INVALID = -2;

    private int newPair(long key, int x, int y) {
        int len = symLen[x] + symLen[y];
        boolean valid = false;
        if (len <= rules.maxLength()) {
            String s = symStr.get(x) + symStr.get(y);
            valid = !reserved.contains(s) && rules.isValid(s, len);
        }
        if (!valid) {
            pairIndex.putNew(key, INVALID);
            return INVALID;
        }
        if (nPairs == pairKey.length) {
            int cap = nPairs + (nPairs >> 1);
            pairKey = Arrays.copyOf(pairKey, cap);
            pairCount = Arrays.copyOf(pairCount, cap);
            pairWords = Arrays.copyOf(pairWords, cap);
            pairWordsN = Arrays.copyOf(pairWordsN, cap);
            int old = lastWord.length;
            lastWord = Arrays.copyOf(lastWord, cap);
            Arrays.fill(lastWord, old, cap, -1);
            touchStamp = Arrays.copyOf(touchStamp, cap);
            touchOrig = Arrays.copyOf(touchOrig, cap);
        }
        int p = nPairs++;
        pairKey[p] = key;
        pairIndex.putNew(key, p);
        return p;
    }

    private void addWord(int p, int w) {
        if (lastWord[p] == w) {
            return;
        }
        lastWord[p] = w;
        int[] ws = pairWords[p];
        int n = pairWordsN[p];
        if (ws == null) {
            ws = new int[4];
            pairWords[p] = ws;
        } else if (n == ws.length) {
            ws = Arrays.copyOf(ws, n * 2);
            pairWords[p] = ws;
        }
        ws[n] = w;
        pairWordsN[p] = n + 1;
    }

    private int addSymbol(String s, int len) {
        int id = symStr.size();
        symStr.add(s);
        if (id == symLen.length) {
            symLen = Arrays.copyOf(symLen, id * 2);
        }
        symLen[id] = len;
        strToSym.put(s, id);
        return id;
    }

    /** Heap order: higher count, then fewer characters, then smaller string in code point (UTF-8 byte) order. */
    private boolean before(long cx, int px, long cy, int py) {
        if (cx != cy) {
            return cx > cy;
        }
        long kx = pairKey[px];
        long ky = pairKey[py];
        int lx = symLen[(int) (kx >>> 32)] + symLen[(int) kx];
        int ly = symLen[(int) (ky >>> 32)] + symLen[(int) ky];
        if (lx != ly) {
            return lx < ly;
        }
        if (kx == ky) {
            return false;
        }
        return compareCodePoints(symStr.get((int) (kx >>> 32)) + symStr.get((int) kx),
                symStr.get((int) (ky >>> 32)) + symStr.get((int) ky)) < 0;
    }

    static int compareCodePoints(String s, String t) {
        int n = Math.min(s.length(), t.length());
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            char d = t.charAt(i);
            if (c != d) {
                boolean cs = Character.isSurrogate(c);
                boolean ds = Character.isSurrogate(d);
                if (cs != ds) {
                    return cs ? 1 : -1; // a surrogate pair encodes a code point above every BMP char
                }
                return Character.compare(c, d);
            }
        }
        return Integer.compare(s.length(), t.length());
    }
}
