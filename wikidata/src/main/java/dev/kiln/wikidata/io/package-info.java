/**
 * Triple readers: Loka's three-column TSV ({@link dev.kiln.wikidata.io.LokaTsvReader}), kiln's six-column
 * labeled TSV ({@link dev.kiln.wikidata.io.KilnTsvReader}), the same columns in Parquet
 * ({@link dev.kiln.wikidata.io.ParquetTripleReader}, through core's Parquet reader) and Wikidata JSON entity dumps
 * ({@link dev.kiln.wikidata.io.EntityDumpReader}, with {@link dev.kiln.wikidata.io.EntityLabels} as the
 * label pass), picked by {@link dev.kiln.wikidata.io.TripleFormat#detect}.
 *
 * <p>Every reader streams; the text formats read gzip/bz2/zstd through kiln's {@code Compression} and
 * validate UTF-8 per line; all and reports bad rows to a {@code BadRecords} as {@code file:line: kind: message} (kinds
 * {@code short_row}, {@code long_row}, {@code missing_label}, {@code invalid_utf8}, {@code malformed_json})
 * instead of failing; in strict mode the first one is thrown. Readers return triples as written;
 * normalization is {@link dev.kiln.wikidata.Normalizer}'s job.
 */
package dev.kiln.wikidata.io;
