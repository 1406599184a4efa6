/**
 * Small helpers every module uses, kept once: {@link dev.kiln.core.util.IntList} (a growable int array),
 * {@link dev.kiln.core.util.Hashes} (SHA-256 hex), {@link dev.kiln.core.util.FileTrees} (delete a folder).
 */
package dev.kiln.core.util;
