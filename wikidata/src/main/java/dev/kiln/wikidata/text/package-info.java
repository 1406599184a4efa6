/**
 * Triples to text: {@link dev.kiln.wikidata.text.Verbalizer} turns one subject's triples into a
 * document in one of three {@link dev.kiln.wikidata.text.Mode modes}, using
 * {@link dev.kiln.wikidata.text.Templates} (LAMA-style hand-written templates per property, in a
 * tab-separated resource file users can override) for sentences.
 *
 * <p>Example (text mode, bundled templates): the triples of {@code iso3166:FRA} give
 * "France is a country. The official name of France is French Republic. ... The capital of France is
 * Paris. The official language of France is French. ... France shares a border with Andorra, Belgium,
 * Germany, Italy, Luxembourg, Monaco, Spain and Switzerland. ..."
 */
package dev.kiln.wikidata.text;
