package dev.kiln.filters;

import static dev.kiln.filters.Rules.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.config.ConfigException;
import dev.kiln.filters.rules.CodeLinesFilter;
import dev.kiln.filters.rules.PlaceholderTextFilter;
import dev.kiln.filters.rules.PolicyVocabularyFilter;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules of issue #15, each built by name with its default and run on one real page it keeps and one it
 * drops, from the fidelity set ({@code fidelity/README.md}).
 */
class FidelityRulesTest {

    static final Map<String, String> SET = FilterFidelityTest.load().stream()
            .collect(Collectors.toMap(FilterFidelityTest.Labelled::id, FilterFidelityTest.Labelled::text, (a, b) -> a));

    static String page(String id) {
        return java.util.Objects.requireNonNull(SET.get(id), id);
    }

    @Test
    void placeholderTextDropsLoremIpsumAndKeepsProse() {
        StageChain.Result lorem = run(PlaceholderTextFilter.NAME, page("lorem/npm-lorem-ipsum/1"));
        assertEquals("placeholder_text", lorem.reason());
        assertTrue(lorem.value() > 0.6, "share " + lorem.value());
        assertEquals("keep", run(PlaceholderTextFilter.NAME, page("clean/bierce/0")).decision());
        // the Node.js URL docs share a few words with the generators' vocabulary ("integer", "class", "ante"...)
        assertEquals("keep", run(PlaceholderTextFilter.NAME, page("clean/nodejs-docs/21")).decision());
    }

    @Test
    void placeholderTextDropsTheCiceroPassagesGenerators() throws java.io.IOException {
        // Perl's Text::Lorem draws on De finibus 1.10.32-33 ("Sed ut perspiciatis..."), as faker does: none says "lorem ipsum"
        java.util.List<String> pages = new java.util.ArrayList<>();
        try (var in = FidelityRulesTest.class.getResourceAsStream("/fidelity/text-lorem.jsonl")) {
            for (String l : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                pages.add(dev.kiln.core.config.Configs.JSON.readTree(l).get("text").asText());
            }
        }
        assertEquals(20, pages.size());
        for (String p : pages) {
            StageChain.Result r = run(PlaceholderTextFilter.NAME, p);
            assertEquals("placeholder_text", r.reason(), p);
            assertTrue(r.value() >= PlaceholderTextFilter.DEFAULT_MIN_SHARE, "share " + r.value());
        }
    }

    @Test
    void codeLinesDropsStylesheetsAndKeepsDocsWithExamples() {
        StageChain.Result css = run(CodeLinesFilter.NAME, page("code/css/0"));
        assertEquals("code_lines", css.reason());
        assertTrue(css.value() > CodeLinesFilter.DEFAULT_MAX_SHARE, "share " + css.value());
        // Node.js Intl docs: prose with JavaScript examples (code-like lines hold about 0.17 of the characters)
        assertEquals("keep", run(CodeLinesFilter.NAME, page("clean/nodejs-docs/1")).decision());
        assertEquals("keep", run(CodeLinesFilter.NAME, page("clean/kjv/0")).decision());
    }

    @Test
    void policyVocabularyDropsLicencesAndKeepsReadmesWithANotice() {
        StageChain.Result licence = run(PolicyVocabularyFilter.NAME, page("policy/common-licenses/0"));
        assertEquals("policy_vocabulary", licence.reason());
        assertTrue(licence.value() > PolicyVocabularyFilter.DEFAULT_MAX_SHARE, "share " + licence.value());
        assertEquals("policy_vocabulary", run(PolicyVocabularyFilter.NAME, page("policy/cookie-tarteaucitron/0")).reason());
        // GNU MPFR's README opens with its copyright and licence notice, then describes the library
        assertEquals("keep", run(PolicyVocabularyFilter.NAME, page("clean/debian-readme/23")).decision());
        // Node.js docs on permissions and policies: technical words, not legal ones
        assertEquals("keep", run(PolicyVocabularyFilter.NAME, page("clean/nodejs-docs/3")).decision());
    }

    @Test
    void thresholdsAreValidated() {
        Map<String, Function<Double, Object>> rules = Map.of(
                "placeholder_text.min_placeholder_share", PlaceholderTextFilter::new,
                "code_lines.max_code_share", CodeLinesFilter::new,
                "policy_vocabulary.max_policy_share", PolicyVocabularyFilter::new);
        rules.forEach((key, ctor) -> {
            String[] stageAndParam = key.split("\\.");
            ConfigException e = assertThrows(ConfigException.class, () -> Rules.REGISTRY.create(stageAndParam[0], Map.of(stageAndParam[1], 1.5)));
            assertEquals(key + " must be in [0, 1]: 1.5", e.getMessage());
            ConfigException direct = assertThrows(ConfigException.class, () -> ctor.apply(-0.1));
            assertEquals(stageAndParam[1] + " must be in [0, 1]: -0.1", direct.getMessage());
        });
    }
}
