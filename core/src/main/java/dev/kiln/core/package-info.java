/** kiln core. */
package dev.kiln.core;
