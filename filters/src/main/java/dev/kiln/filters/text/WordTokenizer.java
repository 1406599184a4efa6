package dev.kiln.filters.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Splits text into words with a Lucene tokenizer: {@link StandardTokenizer} (Unicode UAX#29 word
 * boundaries; punctuation and symbols are not words) or {@link ICUTokenizer} (dictionary segmentation
 * for Chinese, Japanese, Thai, Lao, Khmer, Burmese). The analyzer is built once per instance and reuses
 * its token streams per thread (Lucene's reuse strategy), so a shared instance is thread-safe and nothing
 * is constructed per document. Words keep their case.
 */
public final class WordTokenizer {

    /** Which Lucene tokenizer to use. */
    public enum Kind { STANDARD, ICU }

    private static final WordTokenizer STANDARD = new WordTokenizer(Kind.STANDARD);
    private static final WordTokenizer ICU = new WordTokenizer(Kind.ICU);

    private final Kind kind;
    private final Analyzer analyzer;

    private WordTokenizer(Kind kind) {
        this.kind = kind;
        this.analyzer = new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                return new TokenStreamComponents(kind == Kind.ICU ? new ICUTokenizer() : newStandard());
            }
        };
    }

    private static StandardTokenizer newStandard() {
        StandardTokenizer t = new StandardTokenizer();
        t.setMaxTokenLength(1024);
        return t;
    }

    /** The shared tokenizer of {@code kind}. */
    public static WordTokenizer of(Kind kind) {
        return kind == Kind.ICU ? ICU : STANDARD;
    }

    public Kind kind() {
        return kind;
    }

    /** The words of {@code text} in order. */
    public List<String> words(String text) {
        List<String> out = new ArrayList<>(Math.max(16, text.length() / 6));
        try (TokenStream ts = analyzer.tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading from a String cannot fail
        }
        return out;
    }
}
