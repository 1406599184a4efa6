package dev.kiln.filters.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds which of a fixed list of keywords occur in a text, in one pass (Aho-Corasick), case-insensitively.
 *
 * <p>Two modes. {@link Mode#SUBSTRING} is the reference's {@code kw in text.lower()}: a keyword matches
 * anywhere, so "shipping" is found in "worshipping" (reference-pipeline.md section 13, row 10).
 * {@link Mode#WORDS} matches whole words only (the characters either side are not letters, digits or
 * {@code _}), and a space in a keyword matches any run of whitespace, so "add to cart" matches
 * "Add&nbsp;to\ncart" but "home" does not match "homework".
 *
 * <p>Immutable and thread-safe; build it once per stage, never per document.
 */
public final class KeywordMatcher {

    /** How keywords are matched. */
    public enum Mode { SUBSTRING, WORDS }

    private static final int ASCII = 128;

    private final Mode mode;
    private final List<String> keywords;
    private final int[] delta;          // states x 128, full DFA over ASCII
    private final int[] fail;
    private final List<Map<Character, Integer>> gotoNonAscii;
    private final long[] nonAsciiKeys = new long[1 << 10];   // bit c: some keyword has the non-ASCII char c
    private final int[][] outputs;      // keyword ids ending in each state (fail chain included)
    private final int ringMask;
    private final int[] fast;           // SUBSTRING mode: case-folded DFA, entries = next state * 128, sign bit = has output
    private final int[] lengths;        // normalised keyword lengths (UTF-16 units)
    private final Union union;          // substringsTogether: the shared scan this matcher reads, else null
    private final int group;            // its list's index there

    private KeywordMatcher(Mode mode, List<String> keywords) {
        this(mode, keywords, null, -1);
    }

    private KeywordMatcher(Mode mode, List<String> keywords, Union union, int group) {
        this.union = union;
        this.group = group;
        this.mode = mode;
        this.keywords = List.copyOf(keywords);
        List<int[]> gotoAscii = new ArrayList<>();
        List<Map<Character, Integer>> gotoOther = new ArrayList<>();
        List<List<Integer>> out = new ArrayList<>();
        gotoAscii.add(newRow());
        gotoOther.add(new HashMap<>());
        out.add(new ArrayList<>());
        int maxLen = 1;
        this.lengths = new int[keywords.size()];
        for (int k = 0; k < keywords.size(); k++) {
            String kw = normalise(mode, keywords.get(k));
            lengths[k] = kw.length();
            if (kw.isEmpty()) {
                throw new IllegalArgumentException("empty keyword at position " + k);
            }
            maxLen = Math.max(maxLen, kw.length());
            int s = 0;
            for (int i = 0; i < kw.length(); i++) {
                char c = kw.charAt(i);
                int nxt = c < ASCII ? gotoAscii.get(s)[c] : gotoOther.get(s).getOrDefault(c, -1);
                if (nxt < 0) {
                    nxt = gotoAscii.size();
                    gotoAscii.add(newRow());
                    gotoOther.add(new HashMap<>());
                    out.add(new ArrayList<>());
                    if (c < ASCII) {
                        gotoAscii.get(s)[c] = nxt;
                    } else {
                        gotoOther.get(s).put(c, nxt);
                        nonAsciiKeys[c >>> 6] |= 1L << c;
                    }
                }
                s = nxt;
            }
            if (!out.get(s).contains(k)) {
                out.get(s).add(k);
            }
        }
        int n = gotoAscii.size();
        this.fail = new int[n];
        this.gotoNonAscii = gotoOther;
        this.delta = new int[n * ASCII];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < ASCII; c++) {
            int t = gotoAscii.get(0)[c];
            delta[c] = Math.max(t, 0);
            if (t > 0) {
                queue.add(t);
            }
        }
        queue.addAll(gotoOther.get(0).values());
        // breadth-first: fail links, outputs along the fail chain, and the ASCII DFA rows
        while (!queue.isEmpty()) {
            int s = queue.poll();
            out.get(s).addAll(out.get(fail[s]).stream().filter(x -> !out.get(s).contains(x)).toList());
            for (int c = 0; c < ASCII; c++) {
                int t = gotoAscii.get(s)[c];
                if (t > 0) {
                    fail[t] = delta[fail[s] * ASCII + c];
                    delta[s * ASCII + c] = t;
                    queue.add(t);
                } else {
                    delta[s * ASCII + c] = delta[fail[s] * ASCII + c];
                }
            }
            for (Map.Entry<Character, Integer> e : gotoOther.get(s).entrySet()) {
                fail[e.getValue()] = s == 0 ? 0 : stepOther(gotoOther, fail[s], e.getKey());
                queue.add(e.getValue());
            }
        }
        this.outputs = new int[n][];
        for (int s = 0; s < n; s++) {
            outputs[s] = out.get(s).isEmpty() ? null : out.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        this.ringMask = Integer.highestOneBit(Math.max(1, maxLen) * 2) - 1;
        this.fast = new int[n * ASCII];
        for (int st = 0; st < n; st++) {
            for (int c = 0; c < ASCII; c++) {
                int t = delta[st * ASCII + lowerAscii((char) c)];
                fast[st * ASCII + c] = t * ASCII | (outputs[t] != null ? Integer.MIN_VALUE : 0);
            }
        }
    }

    /** Reference semantics: lower-cased substring matching. */
    public static KeywordMatcher substrings(List<String> keywords) {
        return new KeywordMatcher(Mode.SUBSTRING, keywords);
    }

    /** kiln semantics: case-folded whole-word (or whole-phrase) matching. */
    public static KeywordMatcher words(List<String> keywords) {
        return new KeywordMatcher(Mode.WORDS, keywords);
    }

    public static KeywordMatcher of(Mode mode, List<String> keywords) {
        return new KeywordMatcher(mode, keywords);
    }

    /**
     * SUBSTRING matchers for several lists that share one pass over each text: each counts exactly as
     * {@link #substrings} of its list would (early stop included), but the first of them to see a text
     * scans it once with the automaton of all the lists together and records where each keyword is first
     * counted; the others read that record (a one-entry per-thread cache keyed on the text's identity, as
     * {@link CharStats}). A chain with C3, C4 and G5 thus reads each document once for keywords, not three
     * times. Texts that are not {@code String}s are matched by each list's own automaton.
     *
     * <p><b>NOTE:</b> each thread keeps its last text reachable until it matches the next one.
     */
    public static List<KeywordMatcher> substringsTogether(List<List<String>> lists) {
        return together(Mode.SUBSTRING, lists);
    }

    /** As {@link #substringsTogether} in either mode: WORDS matchers of several lists sharing one pass per text. */
    public static List<KeywordMatcher> together(Mode mode, List<List<String>> lists) {
        Union u = new Union(mode, lists);
        List<KeywordMatcher> out = new ArrayList<>(lists.size());
        for (int g = 0; g < lists.size(); g++) {
            out.add(new KeywordMatcher(mode, lists.get(g), u, g));
        }
        return List.copyOf(out);
    }

    /** The shared scan of {@link #substringsTogether}. */
    private static final class Union {
        private final KeywordMatcher all;
        private final int[] group;   // list of each keyword id of all
        private final int[] from;    // first id of each list, then the total
        private final ThreadLocal<Last> last = ThreadLocal.withInitial(Last::new);

        /** A thread's last text and its stamps. */
        private static final class Last {
            String text;
            int[] stamp;
        }

        Union(Mode mode, List<List<String>> lists) {
            List<String> every = new ArrayList<>();
            from = new int[lists.size() + 1];
            List<Integer> groups = new ArrayList<>();
            for (int g = 0; g < lists.size(); g++) {
                from[g] = every.size();
                for (String k : lists.get(g)) {
                    every.add(k);
                    groups.add(g);
                }
            }
            from[lists.size()] = every.size();
            all = new KeywordMatcher(mode, every);
            group = groups.stream().mapToInt(Integer::intValue).toArray();
        }

        /** What {@code substrings(list g).countDistinct(text, limit)} gives, from the scan's stamps. */
        int count(int g, String text, int limit) {
            Last l = last.get();
            if (l.text != text) {
                l.stamp = all.mode == Mode.WORDS ? all.stampsWords(text) : all.stamps(text, group, from.length - 1);
                l.text = text;
            }
            int[] stamp = l.stamp;
            int n = 0;
            for (int id = from[g]; id < from[g + 1]; id++) {
                n += stamp[id] != 0 ? 1 : 0;
            }
            int atLeast = limit; // at least 1 (countDistinct)
            if (n < atLeast) {
                return n;
            }
            int[] at = new int[n];
            for (int id = from[g], k = 0; id < from[g + 1]; id++) {
                if (stamp[id] != 0) {
                    at[k++] = stamp[id];
                }
            }
            java.util.Arrays.sort(at);
            int stop = at[atLeast - 1];
            int k = atLeast;
            while (k < n && at[k] <= stop) {
                k++;
            }
            return k;
        }
    }

    /**
     * One pass of {@link #countSubstrings}'s automaton without its early stop, recording for each keyword
     * the position (+1) of the count check at which its list's own automaton would have counted it: where
     * it first ends, or, for a keyword completed by the {@code i} of a U+0130, the list's next check (the
     * automaton tests its limit only after the character's own outputs); 0 if absent.
     */
    private int[] stamps(String text, int[] group, int lists) {
        int[] stamp = new int[keywords.size()];
        int[] pending = new int[8];
        int pendingN = 0;
        boolean[] checked = new boolean[lists];
        int off = 0;
        int len = text.length();
        char[] chars = TextChars.of(text);
        int[] fast = this.fast;
        for (int i = 0; i < len; i++) {
            char c = chars[i];
            if (c < ASCII) {
                int v = fast[off + c];
                off = v & Integer.MAX_VALUE;
                if (v >= 0) {
                    continue;
                }
            } else {
                int s = off / ASCII;
                if (c == '\u0130') { // Python: "İ".lower() == "i\u0307"
                    s = delta[s * ASCII + 'i'];
                    if (outputs[s] != null) {
                        for (int id : outputs[s]) {
                            if (stamp[id] == 0) {
                                stamp[id] = -1;
                                if (pendingN == pending.length) {
                                    pending = java.util.Arrays.copyOf(pending, pendingN * 2);
                                }
                                pending[pendingN++] = id;
                            }
                        }
                    }
                    s = step(s, '\u0307');
                } else {
                    s = step(s, Character.toLowerCase(c));
                }
                off = s * ASCII;
                if (outputs[s] == null) {
                    continue;
                }
            }
            int[] ids = outputs[off / ASCII];
            int at = i + 1;
            if (pendingN > 0) {
                java.util.Arrays.fill(checked, false);
                for (int id : ids) {
                    checked[group[id]] = true;
                }
                int keep = 0;
                for (int p = 0; p < pendingN; p++) {
                    int id = pending[p];
                    if (checked[group[id]]) {
                        stamp[id] = at;
                    } else {
                        pending[keep++] = id;
                    }
                }
                pendingN = keep;
            }
            for (int id : ids) {
                if (stamp[id] == 0) {
                    stamp[id] = at;
                }
            }
        }
        for (int p = 0; p < pendingN; p++) {
            stamp[pending[p]] = Integer.MAX_VALUE; // counted at the end of the text
        }
        return stamp;
    }

    /**
     * The WORDS loop of {@link #countDistinct} without its early stop, recording for each keyword the
     * position (+1) where it is first found with word boundaries on both sides; 0 if absent.
     */
    private int[] stampsWords(String text) {
        int[] stamp = new int[keywords.size()];
        int[] ring = new int[ringMask + 1];
        int s = 0;
        long fed = 0;
        boolean lastSpace = true;
        int len = text.length();
        char[] chars = TextChars.of(text);
        int[] delta = this.delta;
        for (int i = 0; i < len; i++) {
            char c = chars[i];
            char f;
            if (PyText.isSpace(c)) {
                if (lastSpace) {
                    continue; // a whitespace run matches one space
                }
                lastSpace = true;
                f = ' ';
            } else {
                lastSpace = false;
                f = c < ASCII ? lowerAscii(c) : Character.toLowerCase(c);
            }
            ring[(int) (fed & ringMask)] = i;
            fed++;
            s = f < ASCII ? delta[s * ASCII + f] : step(s, f);
            int[] ids = outputs[s];
            if (ids == null) {
                continue;
            }
            for (int id : ids) {
                if (stamp[id] == 0 && boundaryBefore(text, ring[(int) ((fed - lengths[id]) & ringMask)]) && boundaryAfter(text, i + 1)) {
                    stamp[id] = i + 1;
                }
            }
        }
        return stamp;
    }

    public List<String> keywords() {
        return keywords;
    }

    public Mode mode() {
        return mode;
    }

    /** Number of distinct keywords present in {@code text}, counting stops at {@code limit}. */
    public int countDistinct(CharSequence text, int limit) {
        if (union != null && limit >= 1 && text instanceof String str) {
            return union.count(group, str, limit);
        }
        if (mode == Mode.SUBSTRING && text instanceof String str) {
            return countSubstrings(str, limit);
        }
        boolean[] seen = new boolean[keywords.size()];
        int found = 0;
        int s = 0;
        int[] ring = mode == Mode.WORDS ? new int[ringMask + 1] : null;
        long fed = 0;
        boolean lastSpace = true;
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            if (mode == Mode.SUBSTRING) {
                if (c < ASCII) {
                    s = delta[s * ASCII + lowerAscii(c)];
                } else if (c == '\u0130') { // Python: "İ".lower() == "i\u0307"
                    s = delta[s * ASCII + 'i'];
                    found = collect(s, seen, found, null, 0, text, i);
                    s = step(s, '\u0307');
                } else {
                    s = step(s, Character.toLowerCase(c));
                }
            } else {
                char f;
                if (PyText.isSpace(c)) {
                    if (lastSpace) {
                        continue; // a whitespace run matches one space
                    }
                    lastSpace = true;
                    f = ' ';
                } else {
                    lastSpace = false;
                    f = Character.toLowerCase(c);
                }
                ring[(int) (fed & ringMask)] = i;
                fed++;
                s = f < ASCII ? delta[s * ASCII + f] : step(s, f);
                if (outputs[s] != null) {
                    found = collect(s, seen, found, ring, fed, text, i);
                }
                if (found >= limit) {
                    return found;
                }
                continue;
            }
            if (outputs[s] != null) {
                found = collect(s, seen, found, null, 0, text, i);
                if (found >= limit) {
                    return found;
                }
            }
        }
        return found;
    }

    /**
     * The SUBSTRING hot loop: one table load per ASCII character (case folded into the table, next state
     * pre-multiplied, output flag in the sign bit); non-ASCII characters take the general path.
     */
    private int countSubstrings(String text, int limit) {
        boolean[] seen = null;
        int found = 0;
        int off = 0; // state * 128
        int len = text.length();
        for (int i = 0; i < len; i++) {
            char c = text.charAt(i);
            int v;
            if (c < ASCII) {
                v = fast[off + c];
                off = v & Integer.MAX_VALUE;
                if (v >= 0) {
                    continue;
                }
            } else {
                int s = off / ASCII;
                if (c == '\u0130') { // Python: "İ".lower() == "i\u0307"
                    s = delta[s * ASCII + 'i'];
                    if (outputs[s] != null) {
                        if (seen == null) {
                            seen = new boolean[keywords.size()];
                        }
                        found = collect(s, seen, found, null, 0, text, i);
                    }
                    s = step(s, '\u0307');
                } else {
                    s = step(s, Character.toLowerCase(c));
                }
                off = s * ASCII;
                if (outputs[s] == null) {
                    continue;
                }
            }
            if (seen == null) {
                seen = new boolean[keywords.size()];
            }
            found = collect(off / ASCII, seen, found, null, 0, text, i);
            if (found >= limit) {
                return found;
            }
        }
        return found;
    }

    /** Whether any keyword is present. */
    public boolean containsAny(CharSequence text) {
        return countDistinct(text, 1) >= 1;
    }

    private int collect(int s, boolean[] seen, int found, int[] ring, long fed, CharSequence text, int end) {
        int[] ids = outputs[s];
        if (ids == null) {
            return found;
        }
        for (int id : ids) {
            if (seen[id]) {
                continue;
            }
            if (ring != null) {
                int klen = lengths[id];
                int start = ring[(int) ((fed - klen) & ringMask)];
                if (!boundaryBefore(text, start) || !boundaryAfter(text, end + 1)) {
                    continue;
                }
            }
            seen[id] = true;
            found++;
        }
        return found;
    }

    private static boolean boundaryBefore(CharSequence t, int i) {
        return i == 0 || !isWordChar(Character.codePointBefore(t, i));
    }

    private static boolean boundaryAfter(CharSequence t, int i) {
        return i >= t.length() || !isWordChar(Character.codePointAt(t, i));
    }

    private static boolean isWordChar(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    private int step(int s, char c) {
        if (c < ASCII) {
            return delta[s * ASCII + c];
        }
        if ((nonAsciiKeys[c >>> 6] & (1L << c)) == 0) {
            return 0;   // no keyword has c: every fail chain ends at the root without a transition
        }
        return stepOther(gotoNonAscii, s, c);
    }

    /** Non-ASCII characters are rare in keyword lists: walk fail links instead of storing a full row. */
    private int stepOther(List<Map<Character, Integer>> gotoOther, int s, char c) {
        int state = s;
        while (true) {
            Integer t = gotoOther.get(state).get(c);
            if (t != null) {
                return t;
            }
            if (state == 0) {
                return 0;
            }
            state = fail[state];
        }
    }

    private static char lowerAscii(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static String normalise(Mode mode, String kw) {
        String k = kw.toLowerCase(Locale.ROOT);
        if (mode == Mode.WORDS) {
            k = k.strip().replaceAll("\\s+", " ");
        }
        return k;
    }

    private static int[] newRow() {
        int[] r = new int[ASCII];
        java.util.Arrays.fill(r, -1);
        return r;
    }
}
