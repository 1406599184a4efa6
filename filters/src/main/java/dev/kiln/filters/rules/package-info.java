/**
 * kiln's own rules: the reference's intent with its defects fixed (reference-pipeline.md section 13):
 * Unicode-aware weird-symbol ratio ({@link dev.kiln.filters.rules.WeirdSymbolsFilter}), character runs
 * that ignore digits, whitespace and ellipses ({@link dev.kiln.filters.rules.CharRunFilter}), and line
 * structure with headings exempt ({@link dev.kiln.filters.rules.HeadingAwareLineStructureFilter}).
 * Word-boundary keyword matching is {@link dev.kiln.filters.text.KeywordMatcher.Mode#WORDS} used by the
 * reference package's {@link dev.kiln.filters.reference.KeywordFilter}.
 */
package dev.kiln.filters.rules;
