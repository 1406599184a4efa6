package dev.kiln.filters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.config.ConfigException;
import dev.kiln.core.stage.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Built-in profiles for every source, the reference's order, and YAML profile files. */
class ProfilesTest {

    @TempDir
    Path dir;

    @Test
    void everyBuiltInProfileBuildsForEverySource() {
        for (String name : Profiles.BUILT_IN) {
            for (SourceKind source : SourceKind.values()) {
                List<Stage> stages = Profiles.builtIn(name, source).build(Rules.REGISTRY);
                assertTrue(!stages.isEmpty(), name + "/" + source);
            }
        }
    }

    @Test
    void referenceOrderPerSource() {
        assertEquals(List.of("C1_alpha_ratio", "C2_punct_spam", "C3_web_junk", "C4_nav_patterns", "C5_paragraph_quality",
                "C6_entropy", "G0_length", "G1_alpha_ratio", "G2_repeated_chars", "G3_weird_symbols", "G4_line_structure",
                "G5_boilerplate"), names("reference", SourceKind.C4));
        assertEquals(List.of("W0_strip_wiki_sections", "W3_strip_wiki_markup", "W1_list_heavy", "W2_short_paragraphs"),
                names("reference", SourceKind.WIKIPEDIA).subList(0, 4));
        assertEquals(List.of("GUT0_strip_gutenberg_boilerplate", "GUT1_strip_toc", "GUT3_normalize_gutenberg", "G0_length"),
                names("reference", SourceKind.GUTENBERG).subList(0, 4));
        List<String> kilnBooks = names("kiln", SourceKind.GUTENBERG);
        assertTrue(kilnBooks.indexOf("chunk") < kilnBooks.indexOf("length"), "length limits apply to chunks: " + kilnBooks);
    }

    private static List<String> names(String profile, SourceKind source) {
        return Profiles.builtIn(profile, source).stages().stream().map(StageSpec::name).toList();
    }

    @Test
    void yamlProfilesWithPerSourceLists() throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.writeString(f, "sources:\n  c4:\n    - name: C6_entropy\n      max_entropy: 5.0\n  wikipedia: [wikitext_clean, chunk]\n");
        Profile c4 = Profiles.load(f.toString(), SourceKind.C4);
        assertEquals("C6_entropy", c4.build(Rules.REGISTRY).getFirst().name());
        assertEquals(List.of("wikitext_clean", "chunk"), Profiles.load(f.toString(), SourceKind.WIKIPEDIA).stages().stream().map(StageSpec::name).toList());
        ConfigException e = assertThrows(ConfigException.class, () -> Profiles.load(f.toString(), SourceKind.GUTENBERG));
        assertTrue(e.getMessage().contains("gutenberg"), e.getMessage());
        assertThrows(ConfigException.class, () -> Profiles.builtIn("nope", SourceKind.C4));
        assertEquals(SourceKind.WIKIPEDIA, SourceKind.of("wiki"));
        assertThrows(ConfigException.class, () -> SourceKind.of("reddit"));
    }
}
