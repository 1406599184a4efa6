package dev.kiln.dedup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.datasketches.hash.MurmurHash3;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Turns text into 64-bit shingle hashes: Lucene's {@link StandardTokenizer} (Unicode word boundaries, UAX#29),
 * lower-casing and diacritic folding, then word n-grams hashed from DataSketches' 64-bit MurmurHash3 of
 * each word.
 *
 * <p>A word n-gram's hash combines its n word hashes ({@link #combine}), so each word is hashed once and no
 * string is built per shingle. A text with fewer words than n gives one shingle of all its words; a text
 * without words gives none. Thread-safe (Lucene reuses one token stream per thread).
 */
public final class Shingler {

    private final MinHashConfig config;
    private final Analyzer analyzer;

    private Shingler(MinHashConfig config) {
        this.config = config;
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tok = new StandardTokenizer();
                TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(tok));
                return new TokenStreamComponents(tok, ts);
            }
        };
    }

    /** A shingler for {@code config}'s shingling, n and seed. */
    public static Shingler create(MinHashConfig config) {
        return new Shingler(config);
    }

    /** The shingle hashes of {@code text} in text order (repeats included); empty when the text has no words. */
    public long[] shingles(String text) {
        return config.shingling() == Shingling.WORDS ? wordShingles(text) : charShingles(text);
    }

    /** The normalised words of {@code text} (for tests and the character shingles). */
    public String[] words(String text) {
        String[] out = new String[16];
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = term.toString();
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(out, n);
    }

    private long[] wordShingles(String text) {
        long seed = config.seed();
        long[] words = new long[Math.max(16, text.length() / 5)];
        int n = 0;
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (n == words.length) {
                    words = Arrays.copyOf(words, n * 2);
                }
                words[n++] = MurmurHash3.hash(term.buffer(), 0, term.length(), seed)[0];
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int k = config.ngram();
        if (n == 0) {
            return new long[0];
        }
        if (n < k) {
            return new long[] {combine(words, 0, n, seed)};
        }
        long[] out = new long[n - k + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = combine(words, i, k, seed);
        }
        return out;
    }

    /**
     * The hash of the word sequence {@code w[from .. from+n)}: an order-dependent multiply-rotate chain
     * finished by the splitmix64 finaliser. Five times cheaper than MurmurHash3 over the word hashes, and
     * as good here: the inputs are already MurmurHash3 values.
     */
    static long combine(long[] w, int from, int n, long seed) {
        long h = seed ^ n;
        for (int j = from; j < from + n; j++) {
            h = Long.rotateLeft((h ^ w[j]) * 0x9e3779b97f4a7c15L, 29);
        }
        return MinHasher.mix64(h);
    }

    private long[] charShingles(String text) {
        String joined = String.join(" ", words(text));
        int[] cps = joined.codePoints().toArray();
        int k = config.ngram();
        if (cps.length == 0) {
            return new long[0];
        }
        if (cps.length < k) {
            return new long[] {MurmurHash3.hash(cps, 0, cps.length, config.seed() + 2)[0]};
        }
        long[] out = new long[cps.length - k + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = MurmurHash3.hash(cps, i, k, config.seed() + 2)[0];
        }
        return out;
    }
}
