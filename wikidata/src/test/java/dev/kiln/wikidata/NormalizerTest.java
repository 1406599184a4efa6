package dev.kiln.wikidata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NormalizerTest {

    final TripleStats stats = new TripleStats();
    final Normalizer n = new Normalizer(NormalizeConfig.DEFAULT, PropertyTable.bundled(), stats);

    static Triple t(String pid, String property, String object, Datatype type, String unit) {
        return new Triple("Q1", "Subject", pid, property, "", object, type, unit);
    }

    String object(Triple t) {
        Triple out = n.normalize(t);
        assertNotNull(out, "dropped: " + t + " " + stats.dropped());
        return out.object();
    }

    @Test
    void datesKeepHonestPrecisionAndLoseThePlus() {
        assertEquals("1952-03-11", object(t("P569", "date of birth", "+1952-03-11T00:00:00Z", Datatype.TIME, "")));
        assertEquals("1776", object(t("P575", "time of discovery or invention", "+1776-00-00T00:00:00Z", Datatype.TIME, "")));
        assertEquals("1828", object(t("", "inception", "1828-00-00", Datatype.UNKNOWN, "")));
        assertEquals("1828-05", object(t("", "inception", "1828-05-00", Datatype.UNKNOWN, "")));
        assertEquals("-0753", object(t("P571", "inception", "-0753-00-00T00:00:00Z", Datatype.TIME, "")));
        assertEquals("2001-05-11T14:30:00", object(t("P585", "point in time", "+2001-05-11T14:30:00Z", Datatype.TIME, "")));
        assertEquals("1776", object(t("P575", "time of discovery or invention", "1776", Datatype.UNKNOWN, "")));
        assertEquals("c. 1500", object(t("P575", "time of discovery or invention", "c. 1500", Datatype.UNKNOWN, "")));
        assertEquals(Map.of("time", 6L, "time_unparsed", 1L), stats.normalized());
    }

    @Test
    void unknownDatatypeRecognisesAFullWikidataTime() {
        assertEquals("1994-07-17", object(t("", "some date we do not know", "+1994-07-17T00:00:00Z", Datatype.UNKNOWN, "")));
    }

    @Test
    void quantitiesLoseThePlusAndGainKnownUnits() {
        assertEquals("66553766", object(t("P1082", "population", "+66553766", Datatype.QUANTITY, "1")));
        assertEquals("1.96 metres", object(t("P2048", "height", "+1.96", Datatype.QUANTITY, "Q11573")));
        assertEquals("1.96 metres", object(t("P2048", "height", "+1.96", Datatype.QUANTITY, "http://www.wikidata.org/entity/Q11573")));
        assertEquals("-2", object(t("P2044", "elevation above sea level", "-2", Datatype.QUANTITY, "")));
        assertEquals("12 parsecs", object(t("P2583", "distance", "+12", Datatype.QUANTITY, "parsecs")));
        assertEquals("5", object(t("P2583", "distance", "+5", Datatype.QUANTITY, "Q987654321")));
        assertEquals(1L, stats.normalized().get("quantity_unit_unknown"));
        // a string property keeps its plus: a calling code is not a number
        assertEquals("+33", object(t("P474", "country calling code", "+33", Datatype.UNKNOWN, "")));
    }

    @Test
    void noiseDatatypesAndValuesAreDroppedAndCountedByReason() {
        assertNull(n.normalize(t("P625", "coordinate location", "46,2", Datatype.UNKNOWN, "")));
        assertNull(n.normalize(t("P214", "VIAF ID", "113230702", Datatype.EXTERNAL_ID, "")));
        assertNull(n.normalize(t("P18", "image", "Douglas adams portrait cropped.jpg", Datatype.COMMONS_MEDIA, "")));
        assertNull(n.normalize(t("P856", "official website", "http://douglasadams.com/", Datatype.URL, "")));
        assertNull(n.normalize(t("", "website", "https://example.org/x", Datatype.UNKNOWN, "")));
        assertNull(n.normalize(t("", "cites", "10.1000/182", Datatype.UNKNOWN, "")));
        assertNull(n.normalize(t("", "record", "123456789", Datatype.UNKNOWN, "")));
        assertNull(n.normalize(t("", "location", "Point(2.35 48.85)", Datatype.UNKNOWN, "")));
        assertNull(n.normalize(t("", "flag", "Flag of France.svg", Datatype.UNKNOWN, "")));
        assertNull(n.normalize(t("", "landlocked", "  ", Datatype.UNKNOWN, "")));
        assertEquals(Map.of("datatype_globe_coordinate", 1L, "datatype_external_id", 1L, "datatype_commons_media", 1L,
                "datatype_url", 1L, "url_value", 1L, "doi_value", 1L, "long_numeric_id", 1L, "coordinate_value", 1L,
                "media_value", 1L, "empty_object", 1L), stats.dropped());
        assertEquals(10, stats.triplesRead());
        assertEquals(0, stats.triplesKept());
    }

    @Test
    void isoCodesAreKeptByDefaultAndDroppedInLokaMode() {
        Triple code = t("P297", "ISO 3166-1 alpha-2 code", "FR", Datatype.UNKNOWN, "");
        assertEquals("FR", object(code));
        Normalizer loka = new Normalizer(NormalizeConfig.LOKA, PropertyTable.bundled(), stats);
        assertNull(loka.normalize(code));
        assertEquals(1L, stats.dropped().get("datatype_external_id"));
        // a quantity of 8+ digits is a number, not an id
        assertEquals("66553766", object(t("", "population", "66553766", Datatype.UNKNOWN, "")));
    }

    @Test
    void labelsLoseTabsAndLineBreaksAndLiteralSuffixes() {
        Triple out = n.normalize(new Triple("Q1", " Sub\tject ", "", "native\nlabel", "", "\"Deutsch\"@de",
                Datatype.MONOLINGUALTEXT, ""));
        assertEquals("Sub ject", out.subject());
        assertEquals("native label", out.property());
        assertEquals("Deutsch", out.object());
    }

    @Test
    void configRejectsDroppingUnknown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NormalizeConfig(Set.of(Datatype.UNKNOWN), Set.of()));
        assertEquals(true, e.getMessage().contains("unknown"));
    }
}
