package dev.kiln.filters.reference;

import dev.kiln.core.Document;
import dev.kiln.core.stage.Transform;
import dev.kiln.filters.text.PyText;

/**
 * W3 (reference semantics), in order: remove {@code \{\{[^}]*\}\}} (innermost-looking templates only, no
 * nesting); replace {@code [[target|label]]} and {@code [[label]]} by the label (regex
 * {@code \[\[(?:[^\]|]*\|)?([^\]]+)\]\]}); delete <b>every</b> {@code [} and {@code ]}; collapse
 * {@code \n{3,}} to {@code \n\n}; strip. Implemented as linear scans that give the regexes' results
 * without their worst-case backtracking.
 */
public final class StripWikiMarkup implements Transform {

    /** Reference id. */
    public static final String W3 = "W3_strip_wiki_markup";

    @Override
    public String name() {
        return W3;
    }

    @Override
    public Document apply(Document doc) {
        String t = removeTemplates(doc.text());
        t = replaceLinks(t);
        StringBuilder out = new StringBuilder(t.length());
        int newlines = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '[' || c == ']') {
                continue;
            }
            if (c == '\n') {
                newlines++;
                if (newlines <= 2) {
                    out.append(c);
                }
            } else {
                newlines = 0;
                out.append(c);
            }
        }
        return doc.withText(PyText.strip(out));
    }

    /** {@code re.sub(r"\{\{[^}]*\}\}", "", t)}. */
    static String removeTemplates(String t) {
        int open = t.indexOf("{{");
        if (open < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        out.append(t, 0, open);
        int i = open;
        int close = -2; // cached index of the first '}' at or after i + 2
        while (i < t.length()) {
            if (i + 1 < t.length() && t.charAt(i) == '{' && t.charAt(i + 1) == '{') {
                if (close != -1 && close < i + 2) {
                    close = t.indexOf('}', i + 2);
                }
                if (close < 0) {
                    out.append(t, i, t.length());
                    break;
                }
                if (close + 1 < t.length() && t.charAt(close + 1) == '}') {
                    i = close + 2;
                    continue;
                }
            }
            out.append(t.charAt(i));
            i++;
        }
        return out.toString();
    }

    /** {@code re.sub(r"\[\[(?:[^\]|]*\|)?([^\]]+)\]\]", r"\1", t)}. */
    static String replaceLinks(String t) {
        int open = t.indexOf("[[");
        if (open < 0) {
            return t;
        }
        StringBuilder out = new StringBuilder(t.length());
        out.append(t, 0, open);
        int i = open;
        int close = -2;
        int bar = -2;
        while (i < t.length()) {
            if (i + 1 < t.length() && t.charAt(i) == '[' && t.charAt(i + 1) == '[') {
                if (close != -1 && close < i + 2) {
                    close = t.indexOf(']', i + 2);
                }
                if (close < 0) {
                    out.append(t, i, t.length());
                    break;
                }
                if (close + 1 < t.length() && t.charAt(close + 1) == ']' && close > i + 2) {
                    if (bar != -1 && bar < i + 2) {
                        bar = t.indexOf('|', i + 2);
                    }
                    int labelStart = bar >= 0 && bar < close && close > bar + 1 ? bar + 1 : i + 2;
                    out.append(t, labelStart, close);
                    i = close + 2;
                    continue;
                }
            }
            out.append(t.charAt(i));
            i++;
        }
        return out.toString();
    }
}
