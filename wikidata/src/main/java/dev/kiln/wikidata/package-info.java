/** kiln wikidata. */
package dev.kiln.wikidata;
