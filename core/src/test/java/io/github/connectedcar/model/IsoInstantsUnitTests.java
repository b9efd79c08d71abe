package io.github.connectedcar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class IsoInstantsUnitTests {
    @ParameterizedTest
    @ValueSource(strings = {"2026-05-02T07:59:40Z", "2026-05-02T07:59:40.1Z", "2026-05-02T07:59:40.123Z",
        "2026-05-02T07:59:40.123456789Z", "2026-05-02T09:59:40+02:00", "2026-05-02T02:29:40.5-05:30",
        "2024-02-29T23:59:59Z", "1970-01-01T00:00:00Z", "2026-05-02t07:59:40z", "2026-12-31T23:59:59+14:00"})
    void fordsShapesTakeTheFastPathAndAgreeWithTheJdk(String text) {
        Instant fast = IsoInstants.fast(text);
        assertThat(fast).as("fast path").isNotNull();
        assertThat(fast).isEqualTo(OffsetDateTime.parse(text.toUpperCase()).toInstant());
        assertThat(IsoInstants.parse(text)).contains(fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-05-02T07:59Z", "+12026-05-02T07:59:40Z", "2026-05-02T24:00:00Z",
        "2026-05-02T07:59:40.Z"})
    /** What the JDK's parsers accept besides the usual shape (end-of-day 24:00, an empty fraction...). */
    void otherShapesTheJdkAcceptsGoTheSlowWay(String text) {
        assertThat(IsoInstants.fast(text)).isNull();
        assertThat(IsoInstants.parse(text)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a time", "2026-02-30T07:59:40Z", "2026-13-02T07:59:40Z", "2026-05-02T07:59:40+0200",
        "2026-05-02T07:60:40Z", "2026-05-02T07:59:40", "2026-05-02 07:59:40Z", "2026-05-02T07:59:40.1234567891Z",
        "2026-05-02T07:59:40+25:00", "2026-0x-02T07:59:40Z", "2026-05-02T07:59:40Zjunk"})
    void nonsenseIsEmptyNeverAnException(String text) {
        assertThat(IsoInstants.parse(text)).isEmpty();
    }

    @Test
    void aLeapSecondIsLeftToTheJdk() {
        assertThat(IsoInstants.fast("2016-12-31T23:59:60Z")).isNull();
        assertThat(IsoInstants.parse("2016-12-31T23:59:60Z")).contains(Instant.parse("2016-12-31T23:59:60Z"));
    }
}
