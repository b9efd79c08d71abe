package io.github.connectedcar.ford;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where a FordPass account is registered. An account only works in its own region. An open value type: use the
 * constants, {@link #of(String)}, or make your own with the constructor when Ford adds one.
 *
 * @param name          a short name, such as {@code NORTH_AMERICA}
 * @param applicationId the {@code Application-Id} header value Ford gives this region's app
 * @param loginHost     the Azure AD B2C login base URL
 * @param locale        the locale sent to Ford, such as {@code en-US}
 * @param countryCode   the ISO-3166 alpha-3 country code, such as {@code USA}
 * @param brand         {@code ford} or {@code lincoln}: picks the login policy and redirect scheme
 */
public record Region(String name, String applicationId, String loginHost, String locale, String countryCode,
                     String brand) {

    /** The USA, Canada, Mexico and the rest of the world. */
    public static final Region NORTH_AMERICA = new Region("NORTH_AMERICA",
        "BFE8C5ED-D687-4C19-A5DD-F92CDFC4503A", "https://login.ford.com", "en-US", "USA", "ford");
    /** Europe (default country: Great Britain). */
    public static final Region EUROPE = new Region("EUROPE",
        "667D773E-1BDC-4139-8AD0-2B16474E8DC7", "https://login.ford.com", "en-GB", "GBR", "ford");
    /** Australia and New Zealand (needs a ford.com.au account). */
    public static final Region ASIA_PACIFIC = new Region("ASIA_PACIFIC",
        "39CD6590-B1B9-42CB-BEF9-0DC1FDB96260", "https://login.ford.com", "en-AU", "AUS", "ford");
    /** South Africa. */
    public static final Region AFRICA = new Region("AFRICA",
        "71AA9ED7-B26B-4C15-835E-9F35CC238561", "https://login.ford.com", "en-ZA", "ZAF", "ford");
    /** Reported not working for new logins in 2025. */
    public static final Region SOUTH_AMERICA = new Region("SOUTH_AMERICA",
        "C1DFFEF5-5BA5-486A-9054-8B39A9DF9AFC", "https://login.ford.com", "pt-BR", "BRA", "ford");
    /** Lincoln cars in the USA. */
    public static final Region LINCOLN_NORTH_AMERICA = new Region("LINCOLN_NORTH_AMERICA",
        "45133B88-0671-4AAF-B8D1-99E684ED4E45", "https://login.lincoln.com", "en-US", "USA", "lincoln");

    private static final List<Region> KNOWN = List.of(NORTH_AMERICA, EUROPE, ASIA_PACIFIC, AFRICA, SOUTH_AMERICA,
        LINCOLN_NORTH_AMERICA);

    /** Names, the original Python SDK's keys and other short names, upper case. */
    private static final Map<String, Region> ALIASES = new LinkedHashMap<>();
    /** Country codes (alpha-2 and alpha-3), upper case: the region with that country and its usual locale. */
    private static final Map<String, Region> COUNTRIES = new LinkedHashMap<>();

    static {
        KNOWN.forEach(r -> ALIASES.put(r.name(), r));
        // The original SDK's keys keep their meaning: US and CA are North America, EU Europe, AU Asia Pacific.
        alias(NORTH_AMERICA, "US", "CA", "NA");
        alias(EUROPE, "EU", "UK");
        alias(ASIA_PACIFIC, "AU", "APAC");
        alias(SOUTH_AMERICA, "SA");
        alias(LINCOLN_NORTH_AMERICA, "LINCOLN", "LINCOLN_US");
        country(NORTH_AMERICA, "USA", "US", "en-US");
        country(NORTH_AMERICA, "CAN", "CA", "en-CA");
        country(NORTH_AMERICA, "MEX", "MX", "es-MX");
        country(EUROPE, "GBR", "GB", "en-GB");
        country(EUROPE, "DEU", "DE", "de-DE");
        country(EUROPE, "FRA", "FR", "fr-FR");
        country(EUROPE, "ITA", "IT", "it-IT");
        country(EUROPE, "ESP", "ES", "es-ES");
        country(EUROPE, "NLD", "NL", "nl-NL");
        country(EUROPE, "POL", "PL", "pl-PL");
        country(EUROPE, "PRT", "PT", "pt-PT");
        country(EUROPE, "NOR", "NO", "nb-NO");
        country(EUROPE, "DNK", "DK", "da-DK");
        country(EUROPE, "AUT", "AT", "de-AT");
        country(EUROPE, "BEL", "BE", "nl-BE");
        country(EUROPE, "CHE", "CH", "de-CH");
        country(EUROPE, "SWE", "SE", "sv-SE");
        country(EUROPE, "FIN", "FI", "fi-FI");
        country(EUROPE, "IRL", "IE", "en-IE");
        country(ASIA_PACIFIC, "AUS", "AU", "en-AU");
        country(ASIA_PACIFIC, "NZL", "NZ", "en-NZ");
        country(AFRICA, "ZAF", "ZA", "en-ZA");
        country(SOUTH_AMERICA, "BRA", "BR", "pt-BR");
        country(SOUTH_AMERICA, "ARG", "AR", "es-AR");
    }

    private static void alias(Region region, String... keys) {
        for (String key : keys) {
            ALIASES.put(key, region);
        }
    }

    private static void country(Region region, String alpha3, String alpha2, String locale) {
        Region local = region.countryCode().equals(alpha3) ? region : region.withCountry(locale, alpha3);
        COUNTRIES.put(alpha3, local);
        COUNTRIES.putIfAbsent(alpha2, local);
    }

    /**
     * A region; the constants and {@link #of(String)} give the known ones.
     *
     * @param name          the region's name, such as {@code EUROPE}
     * @param applicationId Ford's {@code Application-Id} of the region
     * @param loginHost     the base URL of the region's login
     * @param locale        the locale sent where a service wants one, such as {@code en-US}
     * @param countryCode   the country sent where a service wants one, such as {@code USA}
     * @param brand         {@code ford} or {@code lincoln}
     */
    public Region {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(applicationId, "applicationId");
        Objects.requireNonNull(loginHost, "loginHost");
        Objects.requireNonNull(locale, "locale");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(brand, "brand");
    }

    /**
     * The region for a name, an original-SDK key ({@code US}, {@code CA}, {@code EU}, {@code AU}) or a country code
     * ({@code DEU}, {@code GB}), in any letter case. A country code also sets the country and its usual locale
     * ({@code DEU} is Europe with {@code DEU} and {@code de-DE}); the original SDK's keys give the constants.
     *
     * @param value a region name, an original-SDK key or a country code
     * @return the region
     * @throws IllegalArgumentException for an unknown value, listing the known ones
     */
    public static Region of(String value) {
        Objects.requireNonNull(value, "region");
        String key = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        Region region = ALIASES.getOrDefault(key, COUNTRIES.get(key));
        if (region == null) {
            throw new IllegalArgumentException("Unknown region '" + value + "'. Known regions: "
                + KNOWN.stream().map(Region::name).toList()
                + "; the original SDK's keys US, CA, EU, AU and country codes such as USA, DEU or GB are accepted too.");
        }
        return region;
    }

    /** {@return the predefined regions} */
    public static List<Region> values() {
        return KNOWN;
    }

    /**
     * The same region with another locale and country (for example {@code de-DE}, {@code DEU} in Europe).
     *
     * @param newLocale      the locale, such as {@code de-DE}
     * @param newCountryCode the country, such as {@code DEU}
     * @return the copy
     */
    public Region withCountry(String newLocale, String newCountryCode) {
        return new Region(name, applicationId, loginHost, newLocale, newCountryCode, brand);
    }

    /** {@return whether the region is Lincoln's rather than Ford's} */
    public boolean isLincoln() {
        return "lincoln".equals(brand);
    }
}
