package dev.kiln.filters.text;

/**
 * A text's UTF-16 units copied into a per-thread array, for the loops that read every character of every
 * document ({@link CharStats}, the shared keyword scan of {@link KeywordMatcher}, the rules' own scans): {@code String.charAt}
 * pays a coder test and a bounds check per character; one bulk copy ({@code getChars}, an intrinsic) and
 * a plain array loop measured a third faster on the web sample.
 *
 * <p>The array is valid until the thread's next call; arrays over {@value #KEEP} units are not kept, so a
 * 200 MB document does not pin 400 MB per thread.
 */
public final class TextChars {

    static final int KEEP = 1 << 20;

    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

    private TextChars() {
    }

    /** An array whose first {@code s.length()} elements are {@code s}'s characters. */
    public static char[] of(String s) {
        int n = s.length();
        char[] b = BUFFER.get();
        if (b.length < n) {
            b = new char[n <= KEEP ? Math.min(KEEP, Math.max(n, b.length * 2)) : n];
            if (b.length <= KEEP) {
                BUFFER.set(b);
            }
        }
        s.getChars(0, n, b, 0);
        return b;
    }
}
