/**
 * The published rule sets with datatrove's defaults and reason names (quality-rules.md sections 1 to 4):
 * Gopher quality and repetition, C4 (paper/datatrove 3 words per line and 5 sentences, or the TFDS code's
 * 5 and 3; removes lines, drops pages) with its page rules (bad words; {@code c4_max_chars}, 190,000 code
 * points; {@code c4_langdetect}, English with p &gt;= 0.99 by Cybozu's langdetect, slow) and FineWeb quality. Words come from Lucene tokenizers
 * ({@link dev.kiln.filters.text.WordTokenizer}).
 */
package dev.kiln.filters.quality;
