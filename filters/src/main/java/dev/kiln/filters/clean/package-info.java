/**
 * Cleaners and chunking for long-form sources: {@link dev.kiln.filters.clean.WikitextCleaner} (MediaWiki
 * markup to text, redirects dropped), {@link dev.kiln.filters.clean.GutenbergCleaner} (header and footer of
 * every marker era, table of contents, unwrapping that keeps verse and lists) and
 * {@link dev.kiln.filters.clean.Chunker} (paragraph, sentence, word boundaries; never drops a tail).
 * All passes are linear scans, safe on pathological input.
 */
package dev.kiln.filters.clean;
