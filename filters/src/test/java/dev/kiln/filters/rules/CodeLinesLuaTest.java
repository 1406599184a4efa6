package dev.kiln.filters.rules;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code code_lines} on Lua's block heads, and on the wrapped prose lines that look like them. */
class CodeLinesLuaTest {

    @Test
    void luaBlockHeadsAreCode() {
        for (String line : List.of("function util.copyargs(args)", "local function walk(t, seen)", "if t == nil then",
                "elseif type(v) ~= 'table' then", "for k, v in pairs(args) do", "for i = 1, #list do")) {
            assertTrue(CodeLinesFilter.codeLike(line, line), line);
        }
    }

    @Test
    void wrappedProseWithTheSameWordsIsNot() {
        for (String line : List.of("if it fails then", "for those who want more to do", "function words (the, of)",
                "for a while there is nothing to do", "function (a mapping) f(x)")) {
            assertFalse(CodeLinesFilter.codeLike(line, line), line);
        }
    }
}
