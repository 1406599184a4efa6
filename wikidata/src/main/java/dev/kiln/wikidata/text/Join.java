package dev.kiln.wikidata.text;

import java.util.List;

/** Joins items the way English lists them: "A", "A and B", "A, B and C". */
final class Join {

    private Join() {
    }

    static StringBuilder and(List<String> items, StringBuilder sb) {
        int n = items.size();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(i == n - 1 ? " and " : ", ");
            }
            sb.append(items.get(i));
        }
        return sb;
    }
}
