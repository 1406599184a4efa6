package dev.kiln.tokenizer;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.pipeline.DocumentSource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Trains a SentencePiece-compatible BPE model: feed documents with {@link #add(String)} or
 * {@link #addAll(DocumentSource)}, then call {@link #train()} once.
 *
 * <p>Documents are counted as words as they stream in (on {@link TrainerConfig#threads()} threads), so
 * memory grows with the number of distinct words, not with the corpus. With
 * {@link TrainerConfig#maxDocuments()} set, a seeded reservoir keeps that many documents instead (as
 * {@code spm_train --input_sentence_size} with shuffling). Long documents are never skipped.
 *
 * <p>Then: the alphabet is the most frequent characters covering {@code character_coverage} of all
 * character occurrences; merges run in {@link BpeMerger}; the model lists meta pieces at their ids,
 * control, user-defined and byte pieces in the lowest free ids, learned pieces in merge order with
 * score {@code -i}, then the alphabet by frequency continuing the scores — SentencePiece's layout.
 * The same documents and options give a byte-identical model for any thread count.
 *
 * <p>Not thread-safe; one trainer per model.
 */
public final class BpeTrainer {

    private final TrainerConfig config;
    private final Pretokenizer pre;
    private Map<String, long[]> counts = new HashMap<>();
    private final List<String> reservoir = new ArrayList<>();
    private final SplittableRandom random;
    private long documentsSeen;
    private long charsSeen;
    private long countNanos;
    private boolean trained;

    private BpeTrainer(TrainerConfig config) {
        this.config = config;
        this.pre = new Pretokenizer(config);
        this.random = new SplittableRandom(config.seed());
    }

    /** A trainer for {@code config}. */
    public static BpeTrainer create(TrainerConfig config) {
        return new BpeTrainer(config);
    }

    /** Adds one document's text (counted at once, or offered to the sampling reservoir). */
    public void add(String text) {
        checkOpen();
        long t0 = System.nanoTime();
        if (!offer(text)) {
            new WordCounter(pre, 1).countOneInto(text, counts);
        }
        countNanos += System.nanoTime() - t0;
    }

    /** Adds every document of {@code source} (closing it is the caller's job). */
    public void addAll(DocumentSource source) throws IOException {
        checkOpen();
        long t0 = System.nanoTime();
        WordCounter.TextStream texts = () -> {
            while (true) {
                Document d = source.next();
                if (d == null) {
                    return null;
                }
                if (!offer(d.text())) {
                    return d.text();
                }
            }
        };
        absorb(new WordCounter(pre, config.threads()).count(texts));
        countNanos += System.nanoTime() - t0;
    }

    /**
     * Counts the words of {@code texts} on the calling thread as this trainer would (word → {count}): the
     * map-side half of a distributed training, whose per-partition maps are summed and given to
     * {@link #addCounts}. Sums do not depend on how the texts were partitioned.
     */
    public static Map<String, long[]> countWords(TrainerConfig config, Iterable<String> texts) {
        WordCounter counter = new WordCounter(new Pretokenizer(config), 1);
        Map<String, long[]> counts = new HashMap<>();
        for (String t : texts) {
            counter.countOneInto(t, counts);
        }
        return counts;
    }

    /**
     * Adds word counts computed elsewhere ({@link #countWords}) as if {@code documents} documents of
     * {@code chars} characters had been added one by one. With {@link TrainerConfig#maxDocuments()} set,
     * the counts must be those of the documents {@link #reservoirPicks} names, and {@code documents} and
     * {@code chars} those of every document offered; then the model equals the one sequential
     * {@link #add} calls give.
     */
    public void addCounts(Map<String, long[]> words, long documents, long chars) {
        checkOpen();
        documentsSeen += documents;
        charsSeen += chars;
        absorb(new HashMap<>(words));
    }

    /**
     * Positions (0-based, ascending) of the documents the seeded reservoir keeps when {@code n} documents
     * are offered in order with {@code cap} = {@link TrainerConfig#maxDocuments()} (0: all): the same draws
     * as {@link #add}, which depend only on the count, not on the texts.
     */
    public static long[] reservoirPicks(long seed, long n, long cap) {
        if (cap == 0 || n <= cap) {
            long[] all = new long[(int) Math.min(n, Integer.MAX_VALUE - 8)];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] slot = new long[(int) cap];
        for (long seen = 1; seen <= n; seen++) {
            if (seen <= cap) {
                slot[(int) (seen - 1)] = seen - 1;
            } else {
                long j = random.nextLong(seen);
                if (j < cap) {
                    slot[(int) j] = seen - 1;
                }
            }
        }
        Arrays.sort(slot);
        return slot;
    }

    private void absorb(Map<String, long[]> fresh) {
        if (counts.isEmpty()) {
            counts = fresh;
        } else if (fresh.size() > counts.size()) {
            WordCounter.merge(counts, fresh);
            counts = fresh;
        } else {
            WordCounter.merge(fresh, counts);
        }
    }

    /** Reservoir sampling; true if the text was taken by (or rejected from) the reservoir. */
    private boolean offer(String text) {
        documentsSeen++;
        charsSeen += text.length();
        long cap = config.maxDocuments();
        if (cap == 0) {
            return false;
        }
        if (reservoir.size() < cap) {
            reservoir.add(text);
        } else {
            long j = random.nextLong(documentsSeen);
            if (j < cap) {
                reservoir.set((int) j, text);
            }
        }
        return true;
    }

    private void checkOpen() {
        if (trained) {
            throw new IllegalStateException("train() was already called on this trainer");
        }
    }

    /**
     * Learns the vocabulary.
     *
     * @throws ConfigException if the corpus cannot fill {@code vocab_size} under a hard limit, or its
     *         alphabet alone exceeds it
     */
    public TrainResult train() throws IOException {
        checkOpen();
        trained = true;
        long t0 = System.nanoTime();
        if (!reservoir.isEmpty()) {
            var it = reservoir.iterator();
            absorb(new WordCounter(pre, config.threads()).count(() -> it.hasNext() ? it.next() : null));
            reservoir.clear();
        }
        long tCounted = System.nanoTime();

        String[] words = counts.keySet().toArray(new String[0]);
        Arrays.sort(words);
        long[] wc = new long[words.length];
        Map<Integer, long[]> charCounts = new HashMap<>();
        long totalChars = 0;
        for (int i = 0; i < words.length; i++) {
            wc[i] = counts.get(words[i])[0];
            String w = words[i];
            for (int k = 0; k < w.length(); ) {
                int cp = pieceChar(w.codePointAt(k));
                k += Character.charCount(cp);
                charCounts.computeIfAbsent(cp, x -> new long[1])[0] += wc[i];
                totalChars += wc[i];
            }
        }
        counts = new HashMap<>();
        if (totalChars == 0) {
            throw new ConfigException("no text to train on (" + documentsSeen + " documents read, all empty). "
                    + "HINT: check the inputs and --text-field");
        }

        // alphabet: most frequent characters up to the coverage
        List<Map.Entry<Integer, long[]>> sorted = new ArrayList<>(charCounts.entrySet());
        sorted.sort(Comparator.<Map.Entry<Integer, long[]>>comparingLong(e -> -e.getValue()[0])
                .thenComparingInt(Map.Entry::getKey));
        List<String> alphabet = new ArrayList<>();
        Map<Integer, Integer> charId = new HashMap<>();
        long covered = 0;
        for (Map.Entry<Integer, long[]> e : sorted) {
            int cp = e.getKey();
            if ((double) covered / totalChars >= config.characterCoverage()) {
                break;
            }
            covered += e.getValue()[0];
            if (cp == '\t' || cp == 0 || cp == 0x2585 || cp == ' ' || Character.isSurrogate((char) cp) && cp < 0x10000) {
                continue;
            }
            charId.put(cp, alphabet.size());
            alphabet.add(new String(Character.toChars(cp)));
        }

        // fixed pieces
        SpecialTokens sp = config.specials();
        Set<String> reserved = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            if (sp.ids()[i] >= 0) {
                reserved.add(sp.pieces()[i]);
            }
        }
        reserved.addAll(config.controlSymbols());
        reserved.addAll(config.userDefinedSymbols());
        if (config.byteFallback()) {
            for (int b = 0; b < 256; b++) {
                reserved.add(SentencePieceModel.bytePiece(b));
            }
        }
        List<String> alphabetOut = alphabet.stream().filter(a -> !reserved.contains(a)).toList();
        int fixed = sp.count() + config.controlSymbols().size() + config.userDefinedSymbols().size()
                + (config.byteFallback() ? 256 : 0);
        int target = config.vocabSize() - fixed - alphabetOut.size();
        if (target < 0) {
            throw new ConfigException("vocab_size must be >= " + (fixed + alphabetOut.size())
                    + " (meta pieces plus the " + alphabetOut.size() + "-character alphabet): " + config.vocabSize());
        }

        int[][] wordSyms = new int[words.length][];
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            int[] s = new int[w.codePointCount(0, w.length())];
            for (int k = 0, j = 0; k < w.length(); j++) {
                int cp = pieceChar(w.codePointAt(k));
                k += Character.charCount(cp);
                s[j] = charId.getOrDefault(cp, -1);
            }
            wordSyms[i] = s;
            words[i] = null;
        }
        BpeMerger merger = new BpeMerger(wordSyms, wc, alphabet, new PieceRules(config), reserved);
        List<String> learned = merger.run(target);
        long tMerged = System.nanoTime();
        int total = fixed + learned.size() + alphabetOut.size();
        if (learned.size() < target && config.hardVocabLimit()) {
            throw new ConfigException("Vocabulary size too high (" + config.vocabSize()
                    + "). Please set it to a value <= " + total + ". HINT: or train with a soft vocabulary limit");
        }

        SentencePieceModel model = assemble(learned, alphabetOut, total);
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("documents_seen", documentsSeen);
        stats.put("documents_used", config.maxDocuments() == 0 ? documentsSeen : Math.min(documentsSeen, config.maxDocuments()));
        stats.put("chars_seen", charsSeen);
        stats.put("chars_counted", totalChars);
        stats.put("unique_words", (long) words.length);
        stats.put("alphabet_size", (long) alphabetOut.size());
        stats.put("alphabet_coverage", totalChars == 0 ? 0.0 : (double) covered / totalChars);
        stats.put("merges", (long) learned.size());
        stats.put("last_merge_frequency", merger.lastFrequency());
        stats.put("pairs_indexed", (long) merger.pairsIndexed());
        stats.put("pairs_seen", (long) merger.pairsSeen());
        stats.put("vocab_size", (long) total);
        stats.put("count_seconds", (countNanos + tCounted - t0) / 1e9);
        stats.put("merge_seconds", (tMerged - tCounted) / 1e9);
        return new TrainResult(model, config, stats);
    }

    /** A code point of a counted word key as the piece character it stands for. */
    private static int pieceChar(int cp) {
        return cp == Pretokenizer.KEY_WS ? Pretokenizer.WS : cp;
    }

    private SentencePieceModel assemble(List<String> learned, List<String> alphabet, int total) {
        SpecialTokens sp = config.specials();
        SentencePieceModel.Piece[] slots = new SentencePieceModel.Piece[Math.max(total, maxSpecialId(sp) + 1)];
        String[] pieces = sp.pieces();
        int[] ids = sp.ids();
        for (int i = 0; i < 4; i++) {
            if (ids[i] >= 0) {
                slots[ids[i]] = new SentencePieceModel.Piece(pieces[i], 0f, i == 0 ? PieceType.UNKNOWN : PieceType.CONTROL);
            }
        }
        List<SentencePieceModel.Piece> rest = new ArrayList<>();
        for (String c : config.controlSymbols()) {
            rest.add(new SentencePieceModel.Piece(c, 0f, PieceType.CONTROL));
        }
        for (String u : config.userDefinedSymbols()) {
            rest.add(new SentencePieceModel.Piece(u, 0f, PieceType.USER_DEFINED));
        }
        if (config.byteFallback()) {
            for (int b = 0; b < 256; b++) {
                rest.add(new SentencePieceModel.Piece(SentencePieceModel.bytePiece(b), 0f, PieceType.BYTE));
            }
        }
        int score = 0;
        for (String l : learned) {
            rest.add(new SentencePieceModel.Piece(l, -(score++), PieceType.NORMAL));
        }
        for (String a : alphabet) {
            rest.add(new SentencePieceModel.Piece(a, -(score++), PieceType.NORMAL));
        }
        int next = 0;
        for (SentencePieceModel.Piece p : rest) {
            while (slots[next] != null) {
                next++;
            }
            slots[next] = p;
        }
        List<SentencePieceModel.Piece> out = new ArrayList<>();
        for (SentencePieceModel.Piece p : slots) {
            if (p == null) {
                throw new ConfigException("special ids leave a gap in a " + total + "-piece vocabulary: "
                        + Arrays.toString(ids) + ". HINT: use ids below the vocabulary size");
            }
            out.add(p);
        }
        SentencePieceModel.Spec spec = new SentencePieceModel.Spec(out.size(), (float) config.characterCoverage(),
                config.maxDocuments(), config.maxPieceLength(), config.splitByUnicodeScript(), config.splitByNumber(),
                config.splitDigits(), config.byteFallback(), config.hardVocabLimit(), config.controlSymbols(),
                config.userDefinedSymbols(), sp, "identity", config.addDummyPrefix(),
                config.removeExtraWhitespaces(), true);
        return new SentencePieceModel(out, spec);
    }

    private static int maxSpecialId(SpecialTokens sp) {
        return Arrays.stream(sp.ids()).max().orElse(0);
    }
}
