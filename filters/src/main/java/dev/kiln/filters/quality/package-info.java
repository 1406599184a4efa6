/**
 * The published rule sets with datatrove's defaults and reason names (quality-rules.md sections 1 to 4):
 * Gopher quality and repetition, C4 (paper/datatrove 3 words per line and 5 sentences, or the TFDS code's
 * 5 and 3; removes lines, drops pages) and FineWeb quality. Words come from Lucene tokenizers
 * ({@link dev.kiln.filters.text.WordTokenizer}).
 */
package dev.kiln.filters.quality;
