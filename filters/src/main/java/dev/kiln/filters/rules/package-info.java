/**
 * kiln's own rules: the reference's intent with its defects fixed (reference-pipeline.md section 13):
 * Unicode-aware weird-symbol ratio ({@link dev.kiln.filters.rules.WeirdSymbolsFilter}), character runs
 * that ignore digits, whitespace and ellipses ({@link dev.kiln.filters.rules.CharRunFilter}), and line
 * structure with headings exempt ({@link dev.kiln.filters.rules.HeadingAwareLineStructureFilter}).
 * Word-boundary keyword matching is {@link dev.kiln.filters.text.KeywordMatcher.Mode#WORDS} used by the
 * reference package's {@link dev.kiln.filters.reference.KeywordFilter}. Issue #15 added three vocabulary and
 * line-shape rules for web junk the reference lets through: lorem-ipsum placeholder
 * ({@link dev.kiln.filters.rules.PlaceholderTextFilter}), code pasted as a page
 * ({@link dev.kiln.filters.rules.CodeLinesFilter}) and licence/cookie/terms boilerplate
 * ({@link dev.kiln.filters.rules.PolicyVocabularyFilter}); their figures are in docs/benchmarks/filter-fidelity.md.
 */
package dev.kiln.filters.rules;
