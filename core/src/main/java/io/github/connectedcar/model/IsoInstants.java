package io.github.connectedcar.model;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads Ford's time stamps without a formatter for the usual shape, {@code 2026-05-02T07:59:40Z} with an optional
 * fraction of up to nine digits and {@code Z} or a {@code ±hh:mm} offset; anything else goes through
 * {@link Instant#parse} and {@link OffsetDateTime#parse}. Every value in a telemetry body carries one, so this is on the hot path of every read.
 */
final class IsoInstants {
    private IsoInstants() {
    }

    /** The instant, or empty when the text is no ISO-8601 date-time with an offset. */
    static Optional<Instant> parse(String text) {
        Instant fast = fast(text);
        if (fast != null) {
            return Optional.of(fast);
        }
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            } catch (DateTimeParseException notAnOffsetDateTime) {
                return Optional.empty();
            }
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f…](Z|±hh:mm)}, or {@code null} for any other shape (left to the slow path). */
    static Instant fast(String s) {
        int length = s.length();
        if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
            || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59
            || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (s.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(s.charAt(position))) {
                position++;
            }
            int count = position - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, start, count);
            for (int i = count; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (position >= length) {
            return null;
        }
        int offsetSeconds;
        char zone = s.charAt(position);
        if ((zone == 'Z' || zone == 'z') && position + 1 == length) {
            offsetSeconds = 0;
        } else if ((zone == '+' || zone == '-') && position + 6 == length && s.charAt(position + 3) == ':') {
            int offsetHours = digits(s, position + 1, 2);
            int offsetMinutes = digits(s, position + 4, 2);
            if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 18 || offsetMinutes > 59) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (zone == '-' ? -1 : 1);
        } else {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds,
                nanos);
        } catch (DateTimeException invalidDate) {
            return null;
        }
    }

    /** The number written by {@code count} ASCII digits at {@code start}, or -1 if one is not a digit. */
    private static int digits(String s, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
