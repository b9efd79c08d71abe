package io.github.connectedcar.command;

import io.github.connectedcar.ford.internal.FordApi.CommandProperties;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.StringJoiner;

/**
 * Changes to an electric car's charge settings ({@code updateChargeSettingsCommand}); only the settings given are
 * sent. Immutable; build one with {@link #builder()}.
 *
 * <p>The charge target: Ford keeps a target below {@value CommandProperties#CHARGE_SOC_FREE_FROM} % only in steps of
 * {@value CommandProperties#CHARGE_SOC_STEP} (so 50, 60 or 70, but not 55), and for such a target it wants its three
 * state-of-charge settings (the target, the DC fast-charge target and the reserve) set to the same value; the SDK
 * sends all three then. A target of 80 % or more is sent as the target alone.
 */
public final class ChargeSettings {
    /** The lowest charge target accepted, percent. */
    public static final int MIN_TARGET_PERCENT = 10;
    /** The highest charge target, percent. */
    public static final int MAX_TARGET_PERCENT = 100;

    private final Integer targetPercent;
    private final ChargeMode mode;
    private final Integer currentLimitAmps;
    private final Integer dcPowerLimitKilowatts;
    private final Boolean autoUnlockChargePort;

    private ChargeSettings(Builder builder) {
        this.targetPercent = builder.targetPercent;
        this.mode = builder.mode;
        this.currentLimitAmps = builder.currentLimitAmps;
        this.dcPowerLimitKilowatts = builder.dcPowerLimitKilowatts;
        this.autoUnlockChargePort = builder.autoUnlockChargePort;
    }

    /** {@return a builder with no setting given yet} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the charge target in percent ({@code globalTargetSoc})} */
    public OptionalInt targetPercent() {
        return targetPercent == null ? OptionalInt.empty() : OptionalInt.of(targetPercent);
    }

    /**
     * Whether the target also sets the DC fast-charge target ({@code globalDCTargetSoc}) and the reserve
     * ({@code globalReserveSoc}) to the same value: so for a target below 80 %.
     *
     * @return whether the three state-of-charge settings are sent
     */
    public boolean targetSetsAllThreeStateOfChargeSettings() {
        return targetPercent != null && targetPercent < CommandProperties.CHARGE_SOC_FREE_FROM;
    }

    /** {@return when to charge ({@code chargeMode})} */
    public Optional<ChargeMode> mode() {
        return Optional.ofNullable(mode);
    }

    /** {@return the AC charging current limit in amperes ({@code globalCurrentLimit})} */
    public OptionalInt currentLimitAmps() {
        return currentLimitAmps == null ? OptionalInt.empty() : OptionalInt.of(currentLimitAmps);
    }

    /** {@return the DC fast-charging power limit in kilowatts ({@code globalDCPowerLimit})} */
    public OptionalInt dcPowerLimitKilowatts() {
        return dcPowerLimitKilowatts == null ? OptionalInt.empty() : OptionalInt.of(dcPowerLimitKilowatts);
    }

    /** {@return whether the charge port unlocks by itself when charging ends ({@code autoChargePortUnlock})} */
    public Optional<Boolean> autoUnlockChargePort() {
        return Optional.ofNullable(autoUnlockChargePort);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChargeSettings that && Objects.equals(targetPercent, that.targetPercent)
            && Objects.equals(mode, that.mode) && Objects.equals(currentLimitAmps, that.currentLimitAmps)
            && Objects.equals(dcPowerLimitKilowatts, that.dcPowerLimitKilowatts)
            && Objects.equals(autoUnlockChargePort, that.autoUnlockChargePort);
    }

    @Override
    public int hashCode() {
        return Objects.hash(targetPercent, mode, currentLimitAmps, dcPowerLimitKilowatts, autoUnlockChargePort);
    }

    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", "ChargeSettings[", "]");
        targetPercent().ifPresent(v -> text.add("target=" + v + "%"));
        mode().ifPresent(v -> text.add("mode=" + v));
        currentLimitAmps().ifPresent(v -> text.add("currentLimit=" + v + " A"));
        dcPowerLimitKilowatts().ifPresent(v -> text.add("dcPowerLimit=" + v + " kW"));
        autoUnlockChargePort().ifPresent(v -> text.add("autoUnlockChargePort=" + v));
        return text.toString();
    }

    /** Builds {@link ChargeSettings}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private Integer targetPercent;
        private ChargeMode mode;
        private Integer currentLimitAmps;
        private Integer dcPowerLimitKilowatts;
        private Boolean autoUnlockChargePort;

        private Builder() {
        }

        /**
         * The charge target in percent.
         *
         * @param percent the charge target in percent
         * @return this builder
         * @throws IllegalArgumentException when below {@value #MIN_TARGET_PERCENT} or above
         *                                  {@value #MAX_TARGET_PERCENT}, or below 80 and not a multiple of 10
         */
        public Builder targetPercent(int percent) {
            if (percent < MIN_TARGET_PERCENT || percent > MAX_TARGET_PERCENT) {
                throw new IllegalArgumentException("A charge target must be between " + MIN_TARGET_PERCENT + " and "
                    + MAX_TARGET_PERCENT + " %, was " + percent);
            }
            if (percent < CommandProperties.CHARGE_SOC_FREE_FROM && percent % CommandProperties.CHARGE_SOC_STEP != 0) {
                int lower = percent - percent % CommandProperties.CHARGE_SOC_STEP;
                throw new IllegalArgumentException("Ford keeps a charge target below "
                    + CommandProperties.CHARGE_SOC_FREE_FROM + " % only in steps of "
                    + CommandProperties.CHARGE_SOC_STEP + "; " + percent + " is not one. Use "
                    + (lower < MIN_TARGET_PERCENT ? "" : lower + " or ") + (lower + CommandProperties.CHARGE_SOC_STEP)
                    + ", or any value from " + CommandProperties.CHARGE_SOC_FREE_FROM + " to " + MAX_TARGET_PERCENT
                    + ".");
            }
            this.targetPercent = percent;
            return this;
        }

        /**
         * When to charge.
         *
         * @param value when to charge
         * @return this builder
         */
        public Builder mode(ChargeMode value) {
            this.mode = Objects.requireNonNull(value, "mode");
            return this;
        }

        /**
         * The AC charging current limit.
         *
         * @param amps the AC charging current limit
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder currentLimitAmps(int amps) {
            if (amps < 1) {
                throw new IllegalArgumentException("A current limit must be at least 1 A, was " + amps);
            }
            this.currentLimitAmps = amps;
            return this;
        }

        /**
         * The DC fast-charging power limit.
         *
         * @param kilowatts the DC fast-charging power limit
         * @return this builder
         * @throws IllegalArgumentException when not positive
         */
        public Builder dcPowerLimitKilowatts(int kilowatts) {
            if (kilowatts < 1) {
                throw new IllegalArgumentException("A DC power limit must be at least 1 kW, was " + kilowatts);
            }
            this.dcPowerLimitKilowatts = kilowatts;
            return this;
        }

        /**
         * Whether the charge port unlocks by itself when charging ends.
         *
         * @param value whether the charge port unlocks by itself when charging ends
         * @return this builder
         */
        public Builder autoUnlockChargePort(boolean value) {
            this.autoUnlockChargePort = value;
            return this;
        }

        /**
         * The settings.
         *
         * @return the settings
         * @throws IllegalStateException when no setting was given (there would be nothing to send)
         */
        public ChargeSettings build() {
            if (targetPercent == null && mode == null && currentLimitAmps == null && dcPowerLimitKilowatts == null
                && autoUnlockChargePort == null) {
                throw new IllegalStateException("ChargeSettings needs at least one setting to change");
            }
            return new ChargeSettings(this);
        }
    }
}
