package dev.kiln.filters.clean;

import java.util.ArrayList;
import java.util.List;

/**
 * Unwraps hard-wrapped prose: paragraphs are blocks of lines between blank lines; a block is joined into
 * one line when it is wrapped prose, i.e. it has several lines, none but the first indented, and every
 * line but the last is at least {@code width - 25} characters long, where {@code width} is the book's typical line
 * length (the 90th percentile). Anything else (verse, indented quotations, tables, lists, headings, a
 * single line) keeps its line breaks. Within joined lines, runs of spaces become one and a word broken
 * by a hyphen at the line end is joined keeping the hyphen. A block whose later lines start indented
 * (first-line-indent paragraphs, common in old etexts) is split before each indented line first; a
 * block whose lines are all indented (verse, quotations) is kept as it is.
 */
final class Unwrapper {

    private Unwrapper() {
    }

    private static final int SLACK = 25;

    static String unwrap(List<String> lines) {
        int width = typicalWidth(lines);
        StringBuilder out = new StringBuilder();
        List<String> block = new ArrayList<>();
        for (String raw : lines) {
            String line = stripTrailing(raw);
            if (line.isBlank()) {
                flush(block, width, out);
            } else {
                block.add(line);
            }
        }
        flush(block, width, out);
        return out.toString();
    }

    private static void flush(List<String> block, int width, StringBuilder out) {
        if (block.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out.append("\n\n");
        }
        // split before indented lines: first-line-indent paragraphs inside one block (old etexts)
        boolean allIndented = block.stream().allMatch(Unwrapper::indented);
        List<List<String>> segments = new ArrayList<>();
        for (String line : block) {
            if (segments.isEmpty() || (!allIndented && indented(line))) {
                segments.add(new ArrayList<>());
            }
            segments.getLast().add(line);
        }
        boolean prevProse = false;
        for (int s = 0; s < segments.size(); s++) {
            List<String> seg = segments.get(s);
            boolean prose = !allIndented && isWrappedProse(seg, width);
            if (s > 0) {
                out.append(prose || prevProse ? "\n\n" : "\n");
            }
            if (prose) {
                out.append(join(seg));
            } else {
                for (int i = 0; i < seg.size(); i++) {
                    if (i > 0) {
                        out.append('\n');
                    }
                    out.append(seg.get(i));
                }
            }
            prevProse = prose;
        }
        block.clear();
    }

    private static boolean indented(String line) {
        return !line.isEmpty() && Character.isWhitespace(line.charAt(0));
    }

    private static String join(List<String> seg) {
        StringBuilder p = new StringBuilder();
        for (String l : seg) {
            String s = squeeze(l.strip());
            if (p.isEmpty()) {
                p.append(s);
            } else if (p.charAt(p.length() - 1) == '-' && p.length() > 1 && Character.isLetter(p.charAt(p.length() - 2))
                    && !s.isEmpty() && Character.isLowerCase(s.charAt(0))) {
                p.append(s);
            } else {
                p.append(' ').append(s);
            }
        }
        return p.toString();
    }

    static boolean isWrappedProse(List<String> block, int width) {
        if (block.size() < 2) {
            return false;
        }
        for (int i = 0; i < block.size(); i++) {
            String l = block.get(i);
            if (i > 0 && indented(l)) {
                return false;
            }
            if (i < block.size() - 1 && l.length() < width - SLACK) {
                return false;
            }
        }
        return true;
    }

    /** 90th percentile of non-blank line lengths, at least 40; 72 when there are too few lines. */
    static int typicalWidth(List<String> lines) {
        int[] counts = new int[201];
        int n = 0;
        for (String l : lines) {
            int len = stripTrailing(l).length();
            if (len > 0) {
                counts[Math.min(200, len)]++;
                n++;
            }
        }
        if (n < 10) {
            return 72;
        }
        int target = (int) Math.ceil(n * 0.9);
        int seen = 0;
        for (int len = 0; len <= 200; len++) {
            seen += counts[len];
            if (seen >= target) {
                return Math.max(40, len);
            }
        }
        return 200;
    }

    private static String stripTrailing(String s) {
        int j = s.length();
        while (j > 0 && Character.isWhitespace(s.charAt(j - 1))) {
            j--;
        }
        return s.substring(0, j);
    }

    private static String squeeze(String s) {
        if (!s.contains("  ")) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && b.length() > 0 && b.charAt(b.length() - 1) == ' ') {
                continue;
            }
            b.append(c);
        }
        return b.toString();
    }
}
