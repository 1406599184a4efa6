/** kiln dedup. */
package dev.kiln.dedup;
