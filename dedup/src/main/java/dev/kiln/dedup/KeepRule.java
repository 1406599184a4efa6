package dev.kiln.dedup;

/** Which document of a duplicate cluster is kept. Both rules are deterministic. */
public enum KeepRule {
    /** The first member in input order (datatrove, text-dedup). */
    FIRST,
    /** The member with the most characters; ties go to the first in input order. */
    LONGEST
}
