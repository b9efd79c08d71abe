package io.github.connectedcar.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.connectedcar.testing.FixtureFiles;
import io.github.connectedcar.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The compact snapshot's structural sharing: a push copies only what it touches. */
@Tag("unit")
class TelemetryTreeUnitTests {
    private final TelemetryTree f150 = TelemetryTree.parse(FixtureFiles.text(FixtureFiles.F150)
        .getBytes(StandardCharsets.UTF_8));

    @Test
    void aPushSharesEveryEntryAndSectionItDoesNotName() {
        TelemetryTree merged = f150.merge(Fixtures.json("""
            {"updateTime":"2026-05-02T08:10:01Z",
             "metrics":{"odometer":{"value":1.0},"customMetrics":{"trailer-connection-status":{"value":"NO"}}}}"""),
            TelemetryTree.Shape.BODY);

        TelemetryTree before = f150.section("metrics");
        TelemetryTree after = merged.section("metrics");
        assertThat(after.get("odometer")).isNotSameAs(before.get("odometer"));
        for (String name : before.names()) {
            if (!name.equals("odometer") && !name.equals("customMetrics")) {
                assertThat(after.get(name)).as(name).isSameAs(before.get(name));
            }
        }
        assertThat(after.section("customMetrics").get("accumulated-vehicle-speed-cruising-coaching-score"))
            .isSameAs(before.section("customMetrics").get("accumulated-vehicle-speed-cruising-coaching-score"));
        assertThat(after.section("configurations")).isSameAs(before.section("configurations"));
        assertThat(merged.get("events")).as("an untouched section").isSameAs(f150.get("events"));
        assertThat(merged.get("states")).isSameAs(f150.get("states"));
        assertThat(merged.get("vin")).isSameAs(f150.get("vin"));
    }

    @Test
    void theEntriesOfACompactBodyAreItsOwnBytesAndAPrettyOneIsCompacted() {
        TelemetryTree pretty = f150;
        byte[] odometer = pretty.section("metrics").bytes("odometer");
        assertThat(new String(odometer, StandardCharsets.UTF_8)).doesNotContain(" ", "\n")
            .isEqualTo("{\"updateTime\":\"2026-05-02T07:59:40Z\",\"oemCorrelationId\":\"41207\",\"value\":18234.5}");
        assertThat(pretty.section("metrics").bytes("customMetrics")).as("a section is no leaf").isNull();
    }

    @Test
    void anIndentedEntryLosesTheWhitespaceBetweenTokensAndKeepsItsStringsAndSpelling() {
        String body = "{ \"metrics\" : {\n  \"odometer\" : {\n\t\"note\" : \"a \\\" b  c\\\\\" ,\r\n"
            + "  \"values\" : [ 1.50 , 2E3 , { \"k\" : \" v \" } ] } } }";
        TelemetryTree tree = TelemetryTree.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(tree.section("metrics").bytes("odometer"), StandardCharsets.UTF_8))
            .isEqualTo("{\"note\":\"a \\\" b  c\\\\\",\"values\":[1.50,2E3,{\"k\":\" v \"}]}");
    }

    @Test
    void aScalarIsKeptAsSentAndReadsBackAsTheSameJson() {
        String body = "{\"vin\":\"A\\\"B\\\\\",\"count\":-1.50e3,\"on\":true,\"off\":false,\"none\":null,"
            + "\"updateTime\":\"2026-05-02T07:59:40Z\",\"last\":7}";
        TelemetryTree tree = TelemetryTree.parse(body.getBytes(StandardCharsets.UTF_8));

        assertThat(new String(tree.bytes("vin"), StandardCharsets.UTF_8)).isEqualTo("\"A\\\"B\\\\\"");
        assertThat(new String(tree.bytes("count"), StandardCharsets.UTF_8)).isEqualTo("-1.50e3");
        assertThat(new String(tree.bytes("none"), StandardCharsets.UTF_8)).isEqualTo("null");
        assertThat(new String(tree.bytes("last"), StandardCharsets.UTF_8)).isEqualTo("7");
        assertThat(tree.toJson()).isEqualTo(TelemetryTree.MAPPER.readTree(body));
        assertThat(tree.text("vin")).as("a string with escapes").isEqualTo("A\"B\\");
        assertThat(tree.text("updateTime")).isEqualTo("2026-05-02T07:59:40Z");
        assertThat(tree.text("count")).as("not a string").isNull();
        assertThat(tree.text("missing")).isNull();
    }

    @Test
    void aNameGivenTwiceKeepsItsFirstPlaceAndItsLastValue() {
        TelemetryTree tree = TelemetryTree.parse("{\"a\":1,\"b\":2,\"a\":3}".getBytes(StandardCharsets.UTF_8));

        assertThat(tree.names()).containsExactly("a", "b");
        assertThat(new String(tree.bytes("a"), StandardCharsets.UTF_8)).isEqualTo("3");
    }

    @Test
    void aCompactBodyKeepsItsEntriesAsSentUntilPackedThenTheSameJsonTakesFewerBytes() {
        String odometer = "{\"updateTime\":\"2026-05-02T07:59:40Z\",\"oemCorrelationId\":\"41207\",\"value\": 18234.5}";
        String body = "{\"vin\":\"V1\",\"metrics\":{\"odometer\":" + odometer + ",\"customMetrics\":{\"x\":{\"value\":1}}}}";
        TelemetryTree sent = TelemetryTree.parse(body.getBytes(StandardCharsets.UTF_8));

        byte[] asSent = (byte[]) sent.section("metrics").get("odometer");
        assertThat(new String(asSent, StandardCharsets.UTF_8)).as("cut out, space and all").isEqualTo(odometer);

        TelemetryTree packed = sent.packed();
        byte[] stored = (byte[]) packed.section("metrics").get("odometer");
        assertThat(stored.length).as("three names a byte each, the space dropped").isEqualTo(odometer.length()
            - "\"updateTime\":".length() - "\"oemCorrelationId\":".length() - "\"value\":".length() + 3 - 1);
        assertThat(new String(packed.section("metrics").bytes("odometer"), StandardCharsets.UTF_8))
            .isEqualTo(odometer.replace(" ", ""));
        assertThat(packed.section("metrics").section("customMetrics").get("x")).as("sections too")
            .isNotEqualTo(sent.section("metrics").section("customMetrics").get("x"));
        assertThat(packed).isEqualTo(sent).hasSameHashCodeAs(sent);
        assertThat(sent).isEqualTo(packed);
        assertThat(packed.toJson()).isEqualTo(sent.toJson()).isEqualTo(TelemetryTree.MAPPER.readTree(body));
        assertThat(packed.packed()).isSameAs(packed);
    }

    @Test
    void aPushIntoAPackedTreeIsPackedAndIntoOneAsSentIsNot() {
        String body = "{\"metrics\":{\"odometer\":{\"value\":1.0}}}";
        TelemetryTree sent = TelemetryTree.parse(body.getBytes(StandardCharsets.UTF_8));
        String push = "{\"metrics\":{\"speed\":{\"value\":2.0},\"customMetrics\":{\"x\":{\"value\":3}}}}";

        TelemetryTree intoSent = sent.merge(Fixtures.json(push), TelemetryTree.Shape.BODY);
        TelemetryTree intoPacked = sent.packed().merge(Fixtures.json(push), TelemetryTree.Shape.BODY);

        assertThat(new String((byte[]) intoSent.section("metrics").get("speed"), StandardCharsets.UTF_8))
            .isEqualTo("{\"value\":2.0}");
        assertThat((byte[]) intoPacked.section("metrics").get("speed")).as("\"value\": one byte")
            .hasSize("{\"value\":2.0}".length() - "\"value\":".length() + 1);
        assertThat((byte[]) intoPacked.section("metrics").section("customMetrics").get("x"))
            .as("in a section the push adds").hasSize("{\"value\":3}".length() - "\"value\":".length() + 1);
        assertThat(intoPacked.packed()).isSameAs(intoPacked);
        assertThat(intoPacked).isEqualTo(intoSent);
        assertThat(intoPacked.toJson()).isEqualTo(intoSent.toJson());
    }

    @Test
    void aRemovalOfWhatIsNotThereReturnsTheSameTree() {
        TelemetryTree merged = f150.merge(Fixtures.json("{\"metrics\":{\"noSuchMetric\":null}}"),
            TelemetryTree.Shape.BODY);
        assertThat(merged.section("metrics")).isSameAs(f150.section("metrics"));
        assertThat(merged).isEqualTo(f150);
    }
}
