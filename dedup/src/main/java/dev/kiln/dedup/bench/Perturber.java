package dev.kiln.dedup.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes near-duplicates of real text the way crawls do, for tests and benchmarks: words replaced here and
 * there or in one span, boilerplate appended, whitespace reflowed. Deterministic for a given random source.
 */
public final class Perturber {

    /** Footers and banners of the kind appended to copied pages. */
    public static final List<String> BOILERPLATE = List.of(
            "Share this article on Facebook, Twitter and email.",
            "Copyright 2019. All rights reserved. Reproduction without permission is prohibited.",
            "Subscribe to our newsletter for weekly updates.",
            "Posted in General | Leave a comment");

    private final String[] vocabulary;

    private Perturber(String[] vocabulary) {
        this.vocabulary = vocabulary;
    }

    /** A perturber drawing replacement words from {@code vocabularyText}'s words. */
    public static Perturber of(String vocabularyText) {
        String[] w = vocabularyText.split("\\s+");
        if (w.length == 0) {
            throw new IllegalArgumentException("empty vocabulary");
        }
        return new Perturber(w);
    }

    /** Replaces {@code round(fraction * words)} (at least one) randomly chosen words. */
    public String editScattered(String text, double fraction, SplittableRandom rnd) {
        List<String> parts = split(text);
        List<Integer> words = wordPositions(parts);
        int k = Math.min(words.size(), Math.max(1, (int) Math.round(fraction * words.size())));
        int[] idx = new int[words.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        for (int e = 0; e < k; e++) { // partial Fisher-Yates: k distinct positions
            int j = e + rnd.nextInt(idx.length - e);
            int t = idx[e];
            idx[e] = idx[j];
            idx[j] = t;
            parts.set(words.get(idx[e]), vocabulary[rnd.nextInt(vocabulary.length)]);
        }
        return String.join("", parts);
    }

    /** Replaces one run of {@code round(fraction * words)} consecutive words (an edited sentence). */
    public String editSpan(String text, double fraction, SplittableRandom rnd) {
        List<String> parts = split(text);
        List<Integer> words = wordPositions(parts);
        int k = Math.max(1, (int) Math.round(fraction * words.size()));
        if (words.size() <= k) {
            return text;
        }
        int from = rnd.nextInt(words.size() - k);
        for (int e = 0; e < k; e++) {
            parts.set(words.get(from + e), vocabulary[rnd.nextInt(vocabulary.length)]);
        }
        return String.join("", parts);
    }

    /** Appends a boilerplate line. */
    public String appendBoilerplate(String text, SplittableRandom rnd) {
        return text + "\n\n" + BOILERPLATE.get(rnd.nextInt(BOILERPLATE.size()));
    }

    /** Changes whitespace only: some spaces doubled or turned into line breaks, trailing spaces added. */
    public String reflow(String text, SplittableRandom rnd) {
        StringBuilder sb = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && rnd.nextInt(8) == 0) {
                sb.append(rnd.nextBoolean() ? "  " : "\n");
            } else {
                sb.append(c);
            }
        }
        return sb.append("  \n").toString();
    }

    /** Alternating runs of non-space and space characters, so joining them gives the text back. */
    private static List<String> split(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            boolean space = Character.isWhitespace(text.charAt(i));
            while (j < text.length() && Character.isWhitespace(text.charAt(j)) == space) {
                j++;
            }
            parts.add(text.substring(i, j));
            i = j;
        }
        return parts;
    }

    private static List<Integer> wordPositions(List<String> parts) {
        List<Integer> w = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!Character.isWhitespace(parts.get(i).charAt(0))) {
                w.add(i);
            }
        }
        return w;
    }
}
