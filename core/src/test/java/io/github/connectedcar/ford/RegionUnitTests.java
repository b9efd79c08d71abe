package io.github.connectedcar.ford;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Region#of(String)}: the original SDK's keys, country codes and names, in any case. */
@Tag("unit")
class RegionUnitTests {

    @ParameterizedTest
    @CsvSource({
        "US, NORTH_AMERICA", "CA, NORTH_AMERICA", "EU, EUROPE", "AU, ASIA_PACIFIC",
        "DEU, EUROPE", "gb, EUROPE", "' uk ', EUROPE", "usa, NORTH_AMERICA", "NZL, ASIA_PACIFIC", "ZA, AFRICA",
        "BRA, SOUTH_AMERICA", "north-america, NORTH_AMERICA", "Europe, EUROPE", "lincoln, LINCOLN_NORTH_AMERICA"})
    void aliasesNamesAndCountryCodesFindTheirRegion(String value, String expected) {
        assertThat(Region.of(value).name()).isEqualTo(expected);
    }

    @Test
    void originalSdkKeysMapToTheDocumentedApplicationIds() {
        assertThat(Region.of("US").applicationId()).isEqualTo("BFE8C5ED-D687-4C19-A5DD-F92CDFC4503A");
        assertThat(Region.of("CA")).isSameAs(Region.NORTH_AMERICA);
        assertThat(Region.of("EU").applicationId()).isEqualTo("667D773E-1BDC-4139-8AD0-2B16474E8DC7");
        assertThat(Region.of("AU").applicationId()).isEqualTo("39CD6590-B1B9-42CB-BEF9-0DC1FDB96260");
    }

    @ParameterizedTest
    @ValueSource(strings = {"unknown", "XX", "", "MARS"})
    void unknownValueIsRefusedListingTheKnownRegions(String value) {
        assertThatThrownBy(() -> Region.of(value))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("'" + value + "'")
            .hasMessageContaining("NORTH_AMERICA")
            .hasMessageContaining("EUROPE")
            .hasMessageContaining("ASIA_PACIFIC")
            .hasMessageContaining("LINCOLN_NORTH_AMERICA")
            .hasMessageContaining("US, CA, EU, AU");
    }

    @Test
    void regionIsAnOpenValueType() {
        Region custom = new Region("MIDDLE_EAST", "00000000-0000-0000-0000-000000000000", "https://login.ford.com",
            "ar-AE", "ARE", "ford");

        assertThat(custom).isEqualTo(new Region("MIDDLE_EAST", "00000000-0000-0000-0000-000000000000",
            "https://login.ford.com", "ar-AE", "ARE", "ford"));
        assertThat(Region.EUROPE.withCountry("de-DE", "DEU").countryCode()).isEqualTo("DEU");
        assertThat(Region.EUROPE.withCountry("de-DE", "DEU").applicationId()).isEqualTo(Region.EUROPE.applicationId());
        assertThat(Region.LINCOLN_NORTH_AMERICA.isLincoln()).isTrue();
        assertThat(Region.values()).hasSize(6);
    }

    @Test
    void countryCodesCarryTheirOwnCountryAndLocale() {
        assertThat(Region.of("DEU")).satisfies(region -> {
            assertThat(region.applicationId()).isEqualTo(Region.EUROPE.applicationId());
            assertThat(region.countryCode()).isEqualTo("DEU");
            assertThat(region.locale()).isEqualTo("de-DE");
        });
        assertThat(Region.of("fr").countryCode()).isEqualTo("FRA");
        assertThat(Region.of("GBR")).isSameAs(Region.EUROPE);
        assertThat(Region.of("can").locale()).isEqualTo("en-CA");
    }
}
