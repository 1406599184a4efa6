/**
 * Text primitives shared by the filters: Python string semantics ({@link dev.kiln.filters.text.PyText}),
 * one-pass multi-keyword matching ({@link dev.kiln.filters.text.KeywordMatcher}) and Lucene word splitting
 * ({@link dev.kiln.filters.text.WordTokenizer}). All are immutable and thread-safe.
 */
package dev.kiln.filters.text;
