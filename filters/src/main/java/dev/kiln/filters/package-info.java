/** kiln filters. */
package dev.kiln.filters;
