package io.github.connectedcar;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** Checks vehicle identification numbers. */
final class Vins {
    /** 17 characters, letters and digits without I, O and Q (ISO 3779). */
    private static final Pattern VIN = Pattern.compile("[A-HJ-NPR-Z0-9]{17}");

    private Vins() {
    }

    static String checked(String vin) {
        Objects.requireNonNull(vin, "vin");
        String normalised = vin.strip().toUpperCase(Locale.ROOT);
        if (!VIN.matcher(normalised).matches()) {
            throw new IllegalArgumentException("'" + vin + "' is not a VIN: a VIN has 17 letters and digits "
                + "(no I, O or Q). Find it in the FordPass app or with vehicles().");
        }
        return normalised;
    }
}
