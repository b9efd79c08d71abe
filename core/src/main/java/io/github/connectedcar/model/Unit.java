package io.github.connectedcar.model;

/**
 * The unit of a {@link Measurement}'s value. Ford reports every value in metric units whatever the car shows its
 * driver, so these are the only units this SDK returns; convert for display as you like.
 */
public enum Unit {
    /** Kilometres (odometer, ranges). */
    KILOMETERS("km"),
    /** Kilometres per hour (speed). */
    KILOMETERS_PER_HOUR("km/h"),
    /** Percent, 0–100 as Ford means it (a sensor may still report a little outside that range). */
    PERCENT("%"),
    /** Degrees Celsius (temperatures). */
    CELSIUS("°C"),
    /** Kilopascals (tyre pressures). */
    KILOPASCALS("kPa"),
    /** Kilowatt hours (battery capacity and energy). */
    KILOWATT_HOURS("kWh"),
    /** Volts. */
    VOLTS("V"),
    /** Amperes (battery and charger current; negative when the traction battery is discharged). */
    AMPERES("A"),
    /** Kilowatts (charging power). */
    KILOWATTS("kW"),
    /** Revolutions per minute (engine speed). */
    REVOLUTIONS_PER_MINUTE("rpm"),
    /** Degrees of angle, clockwise from north (heading). */
    DEGREES("°"),
    /**
     * No unit: the value is a state (such as {@code "LOCKED"}), carries its own unit ({@link java.time.Duration}),
     * or documents the units of its parts ({@link Position}, {@link TirePressure}).
     */
    NONE("");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The usual symbol, such as {@code km/h}; empty for {@link #NONE}. */
    public String symbol() {
        return symbol;
    }
}
