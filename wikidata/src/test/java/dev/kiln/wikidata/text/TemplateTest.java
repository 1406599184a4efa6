package dev.kiln.wikidata.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.io.BadInputException;
import dev.kiln.wikidata.Datatype;
import dev.kiln.wikidata.Triple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateTest {

    @TempDir
    Path dir;

    static Triple t(String pid, String property, String object) {
        return new Triple("Q42", "Douglas Adams", pid, property, "", object, Datatype.UNKNOWN, "");
    }

    @Test
    void objectsAreJoinedNaturally() {
        Template tpl = Template.compile("{subject} borders {object}.");
        assertEquals("X borders A.", tpl.render("X", "p", List.of("A")));
        assertEquals("X borders A and B.", tpl.render("X", "p", List.of("A", "B")));
        assertEquals("X borders A, B and C.", tpl.render("X", "p", List.of("A", "B", "C")));
    }

    @Test
    void articlesAndDatePrepositions() {
        Template a = Template.compile("{subject} is {object|a}.");
        assertEquals("X is a country.", a.render("X", "p", List.of("country")));
        assertEquals("X is an element and a U.S. state.", a.render("X", "p", List.of("element", "U.S. state")));
        assertEquals("X is a university and an hour.", a.render("X", "p", List.of("university", "hour")));
        Template on = Template.compile("{subject} was born {object|on}.");
        assertEquals("X was born on 1952-03-11.", on.render("X", "p", List.of("1952-03-11")));
        assertEquals("X was born in 1952.", on.render("X", "p", List.of("1952")));
        assertEquals("X was born in 1952-03.", on.render("X", "p", List.of("1952-03")));
        assertEquals("X was born in -0753.", on.render("X", "p", List.of("-0753")));
    }

    @Test
    void badTemplatesAreRejectedWithTheReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Template.compile("{subject} is {obj}."))
                .getMessage().contains("unknown placeholder {obj}"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Template.compile("It is {object}."))
                .getMessage().contains("{subject}"));
    }

    @Test
    void textModeGroupsPropertiesLeadsWithInstanceOfAndFallsBack() {
        Verbalizer v = new Verbalizer(Mode.TEXT, Templates.bundled(), false, 0);
        String text = v.verbalize(List.of(
                t("P106", "occupation", "writer"), t("P31", "instance of", "human"), t("P106", "occupation", "novelist"),
                t("P106", "occupation", "writer"), t("P569", "date of birth", "1952-03-11"),
                t("", "favourite number", "42")));
        assertEquals("Douglas Adams is a human. Douglas Adams works as a writer and a novelist. "
                + "Douglas Adams was born on 1952-03-11. The favourite number of Douglas Adams is 42.", text);
    }

    @Test
    void rawAndLinearModesKeepInputOrder() {
        List<Triple> ts = List.of(t("P106", "occupation", "writer"), t("P31", "instance of", "human"));
        assertEquals("Douglas Adams\toccupation\twriter\nDouglas Adams\tinstance of\thuman",
                new Verbalizer(Mode.RAW, Templates.bundled(), false, 0).verbalize(ts));
        assertEquals("Douglas Adams occupation writer instance of human",
                new Verbalizer(Mode.LINEAR, Templates.bundled(), false, 0).verbalize(ts));
    }

    @Test
    void seededVariationIsDeterministicAndUsesSeveralVariants() {
        List<Triple> ts = List.of(t("P31", "instance of", "human"), t("P1082", "population", "5"));
        Set<String> seen = new HashSet<>();
        for (long seed = 0; seed < 40; seed++) {
            String a = new Verbalizer(Mode.TEXT, Templates.bundled(), true, seed).verbalize(ts);
            String b = new Verbalizer(Mode.TEXT, Templates.bundled(), true, seed).verbalize(ts);
            assertEquals(a, b);
            seen.add(a);
        }
        assertEquals(4, seen.size(), "two properties with two variants each: " + seen);
        String off = new Verbalizer(Mode.TEXT, Templates.bundled(), false, 7).verbalize(ts);
        assertEquals("Douglas Adams is a human. The population of Douglas Adams is 5.", off);
    }

    @Test
    void userTemplatesOverrideByLabelOrIdAndAddNewProperties() throws IOException {
        Path f = dir.resolve("t.tsv");
        Files.writeString(f, "# mine\ninstance of\tany\t{subject} counts as {object}.\n"
                + "P9999\tone\t{subject} has the {property} {object}.\n");
        Templates t = Templates.bundled().withOverrides(f);
        Verbalizer v = new Verbalizer(Mode.TEXT, t, false, 0);
        assertEquals("Douglas Adams counts as human. Douglas Adams has the towel colour blue.",
                v.verbalize(List.of(t("P31", "instance of", "human"), t("P9999", "towel colour", "blue"))));
        // the bundled entries it does not name stay
        assertEquals("The capital of Douglas Adams is Paris.", v.verbalize(List.of(t("P36", "capital", "Paris"))));
    }

    @Test
    void badTemplateFilesNameFileAndLine() throws IOException {
        Path f = dir.resolve("bad.tsv");
        Files.writeString(f, "instance of\tany\t{subject} is {object}.\ncapital\tsome\t{subject} {object}\n");
        BadInputException e = assertThrows(BadInputException.class, () -> Templates.bundled().withOverrides(f));
        assertTrue(e.getMessage().startsWith(f + ":2: form must be one, many or any"), e.getMessage());
        Files.writeString(f, "capital\tone\n");
        assertTrue(assertThrows(BadInputException.class, () -> Templates.bundled().withOverrides(f))
                .getMessage().contains(":1: expected 'key TAB form TAB template'"));
    }

    @Test
    void everyBundledTemplateNamesSubjectAndObject() {
        // compile() enforces it; loading the bundled file must therefore succeed and cover the brief's properties
        Templates t = Templates.bundled();
        List<String> missing = new ArrayList<>();
        for (String p : List.of("instance of", "subclass of", "country", "capital", "date of birth", "date of death",
                "place of birth", "occupation", "population", "official language", "ISO 639-1 code", "ISO 639-3 code",
                "ISO 3166-1 alpha-2 code", "element symbol", "atomic number")) {
            if (!t.covers("", p)) {
                missing.add(p);
            }
        }
        assertEquals(List.of(), missing);
    }
}
