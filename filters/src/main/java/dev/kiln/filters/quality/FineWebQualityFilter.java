package dev.kiln.filters.quality;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Decision;
import dev.kiln.core.stage.Filter;
import dev.kiln.filters.text.WordTokenizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * FineWeb quality rules (datatrove {@code FineWebQualityFilter}) over the non-empty lines of
 * {@code text.split("\n")}: drops when fewer than {@code line_punct_thr} (0.12) of lines end in terminal
 * punctuation (Unicode Sentence_Terminal, plus closing quotes after one), more than
 * {@code short_line_thr} (0.67) are at most 30 characters, duplicated lines hold more than
 * {@code char_duplicates_ratio} (0.01) of the characters (newlines excluded), or there are more than
 * {@code new_line_ratio} (0.3) newlines per word.
 *
 * @param linePunctThr min share of lines ending in terminal punctuation
 * @param shortLineThr max share of short lines
 * @param shortLineLength a line of at most this many characters is short (30)
 * @param charDuplicatesRatio max share of characters in duplicate lines
 * @param newLineRatio max newlines per word
 * @param tokenizer word splitter
 */
public record FineWebQualityFilter(double linePunctThr, double shortLineThr, int shortLineLength,
                                   double charDuplicatesRatio, double newLineRatio, WordTokenizer tokenizer)
        implements Filter {

    /** Stage name. */
    public static final String NAME = "fineweb_quality";

    public FineWebQualityFilter {
        ConfigException.checkRange("line_punct_thr", linePunctThr, 0, 1);
        ConfigException.checkRange("short_line_thr", shortLineThr, 0, 1);
        ConfigException.checkRange("short_line_length", shortLineLength, 0, 1_000_000);
        ConfigException.checkRange("char_duplicates_ratio", charDuplicatesRatio, 0, 1);
        ConfigException.checkRange("new_line_ratio", newLineRatio, 0, 1_000_000);
    }

    /** datatrove's defaults. */
    public static FineWebQualityFilter defaults(WordTokenizer tokenizer) {
        return new FineWebQualityFilter(0.12, 0.67, 30, 0.01, 0.3, tokenizer);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Decision test(Document doc) {
        String text = doc.text();
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n", -1)) {
            if (!l.isBlank()) {
                lines.add(l);
            }
        }
        if (lines.isEmpty()) {
            return Decision.drop("empty", 0);
        }
        int punct = 0;
        int shortLines = 0;
        Set<String> seen = new HashSet<>();
        long dupChars = 0;
        for (String l : lines) {
            punct += endsTerminal(l) ? 1 : 0;
            shortLines += l.length() <= shortLineLength ? 1 : 0;
            if (!seen.add(l)) {
                dupChars += l.length();
            }
        }
        double punctRatio = (double) punct / lines.size();
        if (punctRatio < linePunctThr) {
            return Decision.drop("line_punct_ratio", punctRatio);
        }
        double shortRatio = (double) shortLines / lines.size();
        if (shortRatio > shortLineThr) {
            return Decision.drop("short_line_ratio", shortRatio);
        }
        long nonNewline = text.length() - text.chars().filter(c -> c == '\n').count();
        double dupRatio = nonNewline == 0 ? 0 : (double) dupChars / nonNewline;
        if (dupRatio > charDuplicatesRatio) {
            return Decision.drop("char_dup_ratio", dupRatio);
        }
        int words = tokenizer.words(text).size();
        double nl = (double) (text.length() - nonNewline) / Math.max(1, words);
        return nl > newLineRatio ? Decision.drop("list_ratio", nl) : Decision.keep();
    }

    private static boolean endsTerminal(String line) {
        String s = line.stripTrailing();
        int i = s.length();
        while (i > 0 && isClosingQuote(s.charAt(i - 1))) {
            i--;
        }
        if (i == 0) {
            return false;
        }
        int cp = s.codePointBefore(i);
        return UCharacter.hasBinaryProperty(cp, UProperty.S_TERM);
    }

    private static boolean isClosingQuote(char c) {
        return c == '"' || c == '\'' || c == '\u201D' || c == '\u2019' || c == ')' || c == '\u00BB';
    }
}
