package dev.kiln.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The one data type kiln passes between readers, stages and writers: a piece of text with a stable
 * identity and the fields it came with.
 *
 * <p>{@code id} identifies the document across runs (dedup, train/val split and resume key on it), so
 * readers derive it from the input ({@code id} field, else {@code file:line}) rather than inventing one.
 * {@code source} names the corpus the document belongs to ({@code c4}, {@code wikipedia},
 * {@code gutenberg}, ...). {@code metadata} keeps every other input field with JSON-compatible values
 * (String, Long, Double, Boolean, List, Map), in input order, so converting JSONL to JSONL loses nothing.
 *
 * <p>Documents are immutable; the {@code with*} methods return copies.
 *
 * @param id stable identity, never null
 * @param text the text, never null (may be empty)
 * @param source corpus name, never null (may be empty)
 * @param metadata other fields, unmodifiable, insertion-ordered
 */
public record Document(String id, String text, String source, Map<String, Object> metadata) {

    public Document {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        metadata = metadata == null || metadata.isEmpty()
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** A document with no metadata. */
    public static Document of(String id, String text, String source) {
        return new Document(id, text, source, Map.of());
    }

    /** This document with other text (same id, source and metadata). */
    public Document withText(String newText) {
        return new Document(id, newText, source, metadata);
    }

    /** This document with another id, e.g. {@code id#3} for the fourth chunk of a split document. */
    public Document withId(String newId) {
        return new Document(newId, text, source, metadata);
    }

    /** This document with one metadata entry added or replaced. */
    public Document withMeta(String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(metadata);
        copy.put(key, value);
        return new Document(id, text, source, copy);
    }

    /** Length of the text in Unicode code points (what every length threshold in kiln counts). */
    public int codePoints() {
        return text.codePointCount(0, text.length());
    }
}
