package io.github.connectedcar.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.testing.FixtureFiles;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Packing Ford's common property names: the same JSON back, fewer bytes kept. */
@Tag("unit")
class PackedJsonUnitTests {
    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String roundTrip(String json) {
        return new String(PackedJson.unpack(PackedJson.pack(utf8(json))), StandardCharsets.UTF_8);
    }

    @Test
    void aTelemetryEntryComesBackAsItWasWithItsNamesPackedInOneByteEach() {
        String entry = "{\"updateTime\":\"2026-05-02T07:59:40Z\",\"oemCorrelationId\":\"41207\",\"value\":18234.5}";
        byte[] packed = PackedJson.pack(utf8(entry));

        assertThat(packed.length).isEqualTo(entry.length() - "\"updateTime\":".length()
            - "\"oemCorrelationId\":".length() - "\"value\":".length() + 3);
        assertThat(new String(PackedJson.unpack(packed), StandardCharsets.UTF_8)).isEqualTo(entry);
    }

    @Test
    void onlyPropertyNamesArePackedNeverTheSameTextAsAValueOrInsideAString() {
        String json = "{\"note\":\"value\",\"text\":\"\\\"value\\\":1\",\"list\":[\"updateTime\",\"value\"],"
            + "\"valueX\":2,\"value\":\"updateTime\"}";
        assertThat(roundTrip(json)).isEqualTo(json);
        String packed = new String(PackedJson.pack(utf8(json)), StandardCharsets.UTF_8);
        assertThat(packed).contains("\"note\":\"value\"", "\"\\\"value\\\":1\"", "[\"updateTime\",\"value\"]",
            "\"valueX\":2", "\u0001\"updateTime\"");
    }

    @Test
    void whitespaceBetweenTokensGoesAndWhitespaceInStringsStays() {
        assertThat(roundTrip("{ \"value\" : [ 1.50 ,\n\t2E3 ],\r\n \"s\" : \" a  b \" }"))
            .isEqualTo("{\"value\":[1.50,2E3],\"s\":\" a  b \"}");
    }

    @Test
    void aControlCharacterLeftUnescapedInAStringIsWrittenEscapedSoItCannotBeTakenForAName() {
        assertThat(roundTrip("{\"value\":\"a\u0001b\tc\"}")).isEqualTo("{\"value\":\"a\\u0001b\\u0009c\"}");
    }

    @Test
    void multiByteCharactersPassThrough() {
        String json = "{\"value\":\"Zürich → 東京\",\"ß\":\"\\u00e9\"}";
        assertThat(roundTrip(json)).isEqualTo(json);
    }

    @Test
    void aWholeF150BodyShrinksByAboutAQuarterAndComesBackEqual() {
        byte[] body = utf8(FixtureFiles.text(FixtureFiles.F150));
        byte[] compact = TelemetryTree.MAPPER.writeValueAsBytes(TelemetryTree.MAPPER.readTree(body));
        byte[] packed = PackedJson.pack(body);

        assertThat(PackedJson.unpack(packed)).isEqualTo(compact);
        assertThat(packed.length).isLessThan(compact.length * 4 / 5);
    }
}
