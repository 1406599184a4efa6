package dev.kiln.dedup;

/** What a shingle is made of. */
public enum Shingling {
    /** n consecutive words after Lucene normalisation (standard tokenizer, lower case, diacritics folded). */
    WORDS,
    /** n consecutive code points of the normalised words joined by single spaces (for CJK or very short texts). */
    CHARS
}
