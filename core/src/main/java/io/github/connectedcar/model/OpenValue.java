package io.github.connectedcar.model;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The base of the open value types: a string Ford may extend, with a few well-known constants. A subclass keeps its
 * constants, an {@code of(String)} that returns a constant for a known spelling and a new value for any other (so a
 * value Ford adds is never fatal), and what is its own; the rest lives here, so every open value type matches the
 * same way.
 *
 * <p>The one matching rule: two values are equal when they are of the same type and their strings are equal ignoring
 * surrounding spaces, letter case, {@code _}, {@code -} and inner spaces; {@code no_display} equals
 * {@code NoDisplay}. {@link #value()} and {@link #toString()} keep the string as it was made. Immutable.
 */
public abstract class OpenValue {
    private final String value;
    /** The folded value, compared by {@link #equals(Object)}. */
    private final String key;
    /** Set once while the subclass indexes its constants, during its class initialisation; never changed after. */
    private boolean known;

    /**
     * @param value the string as Ford (or the caller) spells it; a constant's canonical spelling
     * @throws NullPointerException if {@code value} is null
     */
    protected OpenValue(String value) {
        this.value = Objects.requireNonNull(value, "value");
        this.key = OpenValues.fold(value);
    }

    /**
     * The index of a type's constants by their folded value, for {@link #lookup}; marks them as known. Call it once,
     * from a static field initialiser after the constants.
     *
     * @param <T>       the open value type
     * @param constants the type's constants
     * @return the constants by their folded value
     * @throws IllegalStateException if two constants fold to the same key
     */
    @SafeVarargs
    protected static <T extends OpenValue> Map<String, T> index(T... constants) {
        Map<String, T> index = new HashMap<>();
        for (T constant : constants) {
            OpenValue base = constant; // a type variable's members are not accessible, its bound's are
            if (index.putIfAbsent(base.key, constant) != null) {
                throw new IllegalStateException("Two constants match " + base.value);
            }
            base.known = true;
        }
        return Map.copyOf(index);
    }

    /**
     * The constant matching {@code value}, or else a new value made by {@code unknown} from the trimmed string.
     *
     * @param <T>     the open value type
     * @param index   the type's constants, from {@link #index}
     * @param value   the string as Ford (or the caller) spells it
     * @param unknown makes a value the SDK does not know
     * @return the matching constant, or the new value
     * @throws NullPointerException if {@code value} is null
     */
    protected static <T extends OpenValue> T lookup(Map<String, T> index, String value, Function<String, T> unknown) {
        T constant = index.get(OpenValues.fold(value));
        return constant != null ? constant : unknown.apply(value.strip());
    }

    /** {@return the string as it came (for a constant, its canonical spelling)} */
    public final String value() {
        return value;
    }

    /** {@return whether this is one of its type's constants; {@code false} for a value the SDK does not know} */
    public final boolean isKnown() {
        return known;
    }

    /** Whether {@code other} is of the same type and matches this value (see the class comment). */
    @Override
    public final boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && key.equals(((OpenValue) other).key);
    }

    @Override
    public final int hashCode() {
        return key.hashCode();
    }

    /** {@return the {@link #value()}} */
    @Override
    public final String toString() {
        return value;
    }
}
