/** kiln tokenizer. */
package dev.kiln.tokenizer;
