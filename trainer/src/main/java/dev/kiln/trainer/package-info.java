/** kiln trainer. */
package dev.kiln.trainer;
