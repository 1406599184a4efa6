/**
 * Reading and writing documents: the formats users have, with bad input reported and never fatal by
 * accident, and outputs that appear only when complete.
 *
 * <h2>Formats</h2>
 * {@link dev.kiln.core.io.Formats} picks the reader or writer from a path's name:
 * <table>
 * <caption>formats</caption>
 * <tr><th>format</th><th>read</th><th>write</th><th>document mapping</th></tr>
 * <tr><td>JSON Lines ({@code .jsonl}, {@code .json}, {@code .ndjson}; {@code .gz}, {@code .zst}, {@code .bz2})</td>
 *     <td>{@link dev.kiln.core.io.JsonlReader}</td><td>{@link dev.kiln.core.io.JsonlWriter} ({@code .jsonl.zst} is the default output)</td>
 *     <td>text/id fields configurable, {@code source} field, every other field → metadata</td></tr>
 * <tr><td>Parquet ({@code .parquet})</td><td>{@link dev.kiln.core.io.ParquetDocumentReader}</td>
 *     <td>{@link dev.kiln.core.io.ParquetDocumentWriter} (zstd)</td>
 *     <td>columns {@code id, text, source, metadata}; foreign columns → metadata</td></tr>
 * <tr><td>Arrow IPC ({@code .arrow}, {@code .arrows}, {@code .feather}, {@code .ipc}; file or stream format)</td>
 *     <td>{@link dev.kiln.core.io.ArrowDocumentReader}</td><td>{@link dev.kiln.core.io.ArrowDocumentWriter} (zstd batches)</td>
 *     <td>as Parquet</td></tr>
 * <tr><td>plain text ({@code .txt}, {@code .text}, {@code .md}, or a directory of them)</td>
 *     <td>{@link dev.kiln.core.io.TextDocumentReader}</td><td>-</td><td>one document per file, id = relative path</td></tr>
 * </table>
 *
 * <p><b>Metadata in columnar files.</b> Kiln writes Parquet and Arrow with one schema,
 * {@code id, text, source} (strings) and {@code metadata} (a nullable string holding a JSON object), and
 * marks the file with the key {@code kiln.metadata=json}. Documents' metadata differs from one document to
 * the next and may nest lists and maps, so a JSON column keeps every conversion lossless
 * (JSONL → Parquet → Arrow → JSONL returns equal documents, key order included). Files from elsewhere
 * are read column by column instead: every non-text column becomes a metadata entry.
 *
 * <h2>Bad input</h2>
 * A bad record (malformed JSON, invalid UTF-8, missing or null text) is reported to
 * {@link dev.kiln.core.io.BadRecords} as one line naming the file and the record ({@code web.jsonl.gz:1234},
 * {@code x.parquet:rowgroup 2:row 17}, {@code x.arrow:batch 0:row 5}, {@code books/kjv.txt}), counted by
 * kind and skipped; in strict mode it is thrown. A fault that ends a file (a truncated gzip/zstd stream,
 * a Parquet or Arrow file with the wrong schema or cut short) is a one-line
 * {@link dev.kiln.core.io.BadInputException} after every complete record before it has been returned.
 * Text is validated as strict UTF-8 ({@code Utf8}) because decoding would otherwise replace bad bytes
 * silently. Empty inputs (zero-byte files, empty directories) give no documents and a warning.
 *
 * <h2>Atomic outputs</h2>
 * Every writer writes to a temporary name beside its target ({@link dev.kiln.core.io.AtomicFile}) and
 * renames it on {@link dev.kiln.core.io.DocumentWriter#commit()}; closing without a commit deletes it.
 *
 * <h2>Hints, tips and traps</h2>
 * <ul>
 * <li><b>NOTE:</b> never wrap a decompressing stream in a {@code BufferedInputStream} when a truncated
 *     input must keep its last records: its bulk read drops bytes it already copied when a later inner
 *     read throws ({@link dev.kiln.core.io.Compression#decompress}).</li>
 * <li>Jackson escapes astral characters (emoji) as surrogate pairs inside long strings unless
 *     {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} is on, and puts a space between root values unless the
 *     separator is cleared; both are set, so JSONL output is byte-stable.</li>
 * <li>Parquet needs Hadoop classes on the classpath but no Hadoop installation: {@code LocalInputFile},
 *     {@code LocalOutputFile} and {@code PlainParquetConfiguration}. Arrow needs
 *     {@code --add-opens=java.base/java.nio=ALL-UNNAMED} on JDK 25.</li>
 * </ul>
 */
package dev.kiln.core.io;
