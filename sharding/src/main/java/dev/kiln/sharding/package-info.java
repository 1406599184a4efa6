/** kiln sharding. */
package dev.kiln.sharding;
