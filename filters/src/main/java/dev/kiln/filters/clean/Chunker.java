package dev.kiln.filters.clean;

import dev.kiln.core.Document;
import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Splitter;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits long documents into chunks of {@code min_chars} to {@code max_chars} code points (reference
 * defaults 500 / 8000): paragraphs (blank-line separated) are packed greedily and joined with
 * {@code "\n\n"}; a paragraph longer than the maximum is split at sentence ends, and a sentence longer
 * than the maximum at the last space before the limit (a hard cut only when a "word" is itself longer).
 * A chunk shorter than the minimum is merged into its neighbour, so no text is ever dropped (the
 * reference drops tails under 500 characters: defect 21); a merged chunk can therefore reach
 * {@code max_chars + min_chars}. A document that fits in one chunk keeps its id; otherwise chunk k gets
 * id {@code <id>#k} and metadata {@code chunk} = k.
 */
public final class Chunker implements Splitter {

    /** Stage name. */
    public static final String NAME = "chunk";

    private final int minChars;
    private final int maxChars;

    public Chunker(int minChars, int maxChars) {
        this.maxChars = ConfigException.checkRange("max_chars", maxChars, 16, Integer.MAX_VALUE / 4);
        this.minChars = ConfigException.checkRange("min_chars", minChars, 0, maxChars / 2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Document> split(Document doc) {
        List<String> chunks = chunks(doc.text());
        if (chunks.size() == 1) {
            return List.of(chunks.getFirst().equals(doc.text()) ? doc : doc.withText(chunks.getFirst()));
        }
        List<Document> out = new ArrayList<>(chunks.size());
        for (int k = 0; k < chunks.size(); k++) {
            out.add(new Document(doc.id() + "#" + k, chunks.get(k), doc.source(), doc.metadata()).withMeta("chunk", (long) k));
        }
        return out;
    }

    /** One paragraph, or one sentence-sized piece of a long paragraph (joined to the previous piece by a space). */
    private record Piece(String text, int len, boolean inParagraph) {
    }

    /** The chunks of {@code text}; empty for a blank text. */
    public List<String> chunks(String text) {
        List<Piece> pieces = new ArrayList<>();
        for (String para : text.split("\\n[ \\t]*\\n")) {
            String p = para.strip();
            if (p.isEmpty()) {
                continue;
            }
            int l = len(p);
            if (l <= maxChars) {
                pieces.add(new Piece(p, l, false));
            } else {
                splitLong(p, pieces);
            }
        }
        List<StringBuilder> packed = new ArrayList<>();
        List<Integer> lens = new ArrayList<>();
        for (Piece piece : pieces) {
            int last = packed.size() - 1;
            int sep = piece.inParagraph() ? 1 : 2;
            if (last >= 0 && lens.get(last) + sep + piece.len() <= maxChars) {
                packed.get(last).append(piece.inParagraph() ? " " : "\n\n").append(piece.text());
                lens.set(last, lens.get(last) + sep + piece.len());
            } else {
                packed.add(new StringBuilder(piece.text()));
                lens.add(piece.len());
            }
        }
        mergeShort(packed, lens);
        List<String> out = new ArrayList<>(packed.size());
        for (StringBuilder b : packed) {
            out.add(b.toString());
        }
        return out;
    }

    /** Merges chunks under the minimum into the previous chunk (the first one into the next). */
    private void mergeShort(List<StringBuilder> packed, List<Integer> lens) {
        for (int i = packed.size() - 1; i >= 0 && packed.size() > 1; i--) {
            if (i >= packed.size() || lens.get(i) >= minChars) {
                continue;
            }
            if (i > 0) {
                packed.get(i - 1).append("\n\n").append(packed.get(i));
                lens.set(i - 1, lens.get(i - 1) + 2 + lens.get(i));
            } else {
                packed.get(1).insert(0, packed.get(0).append("\n\n"));
                lens.set(1, lens.get(1) + 2 + lens.get(0));
            }
            packed.remove(i);
            lens.remove(i);
        }
    }

    /** Splits an over-long paragraph at sentence ends, and over-long sentences at word boundaries. */
    private void splitLong(String p, List<Piece> pieces) {
        int before = pieces.size();
        int start = 0;
        int n = p.length();
        for (int i = 0; i < n; i++) {
            char c = p.charAt(i);
            boolean end = (c == '.' || c == '!' || c == '?') && (i + 1 == n || Character.isWhitespace(p.charAt(i + 1)));
            if (end || i + 1 == n) {
                addSentence(p, start, i + 1, pieces);
                start = i + 1;
            }
        }
        if (pieces.size() > before) { // the paragraph's first piece starts after a blank line
            Piece first = pieces.get(before);
            pieces.set(before, new Piece(first.text(), first.len(), false));
        }
    }

    /** Adds {@code p[from, to)} as pieces of at most {@code maxChars} code points, cut at the last space. */
    private void addSentence(String p, int from, int to, List<Piece> pieces) {
        int a = from;
        while (a < to && Character.isWhitespace(p.charAt(a))) {
            a++;
        }
        int b = to;
        while (b > a && Character.isWhitespace(p.charAt(b - 1))) {
            b--;
        }
        while (a < b) {
            int cut = a;
            int cps = 0;
            while (cut < b && cps < maxChars) {
                cut += Character.charCount(p.codePointAt(cut));
                cps++;
            }
            if (cut < b) {
                int space = cut;
                while (space > a && p.charAt(space) != ' ') { // bounded: never scans before this piece
                    space--;
                }
                if (space > a) {
                    cut = space;
                    cps = len(p, a, cut);
                }
            }
            pieces.add(new Piece(p.substring(a, cut), cps, true));
            a = cut;
            while (a < b && p.charAt(a) == ' ') {
                a++;
            }
        }
    }

    private static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    private static int len(String s, int from, int to) {
        return s.codePointCount(from, to);
    }
}
