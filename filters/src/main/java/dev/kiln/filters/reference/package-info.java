/**
 * The reference repository's filters, one stage each, reproducing its decisions exactly: global G0..G5,
 * C4-specific C1..C6, Wikipedia W0..W3 and Gutenberg GUT0..GUT3 (reference-pipeline.md section 2). Reason
 * codes are the reference's ids ({@code C6_entropy}). Python semantics are followed throughout
 * ({@link dev.kiln.filters.text.PyText}): lengths in code points, {@code isalpha}, Python's whitespace set for
 * {@code strip()}, lower-cased substring keyword matching. Regexes of the reference are implemented as linear
 * scans that return the same results.
 *
 * <p><b>NOTE:</b> these rules carry the reference's defects on purpose (section 13); use the {@code kiln}
 * profile unless identical results are required.
 */
package dev.kiln.filters.reference;
