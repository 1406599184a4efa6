/**
 * Wikidata triples to training text, the way Loka normalizes them and LAMA/KELM verbalise them.
 *
 * <p>The chain, all streaming: a {@link dev.kiln.wikidata.io.TripleReader} (Loka TSV, kiln's labeled TSV or
 * Parquet, Wikidata JSON entity dumps; gzip/bz2/zstd) yields triples as written; {@link dev.kiln.wikidata.Normalizer}
 * drops noise datatypes and values (external ids, URLs, media, coordinates) and rewrites dates and
 * quantities, counting every drop by reason in {@link dev.kiln.wikidata.TripleStats};
 * {@link dev.kiln.wikidata.SubjectGrouper} cuts the stream into one group per subject;
 * {@link dev.kiln.wikidata.text.Verbalizer} writes each group as a document (sentences from templates, Loka
 * lines, or a KELM-style line). {@link dev.kiln.wikidata.WikidataSource} puts the chain behind kiln's
 * {@code DocumentSource}, so the documents go through the same filters, dedup, tokenizer and writers as
 * every other source; {@link dev.kiln.wikidata.Wikidata} runs it to an output file.
 *
 * <pre>{@code
 * try (WikidataSource src = WikidataSource.open(files, WikidataConfig.DEFAULT, BadRecords.lenient())) {
 *     for (Document d; (d = src.next()) != null; ) { ... }   // id Q42, text "Douglas Adams is a human. ..."
 * }
 * }</pre>
 *
 * <p><b>NOTE:</b> inputs without datatypes (the TSV formats) get them from the bundled
 * {@link dev.kiln.wikidata.PropertyTable}; a property it does not know is treated as a string.
 */
package dev.kiln.wikidata;
