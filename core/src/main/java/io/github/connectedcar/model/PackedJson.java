package io.github.connectedcar.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Compact JSON with the property names Ford repeats in every telemetry entry packed into one byte each: how a
 * {@link TelemetryTree} keeps its entries. {@code "updateTime":}, {@code "oemCorrelationId":} and {@code "value":}
 * alone are a quarter of a body's bytes (docs/ford-api.md §4.2), and a fleet stream keeps one body per car.
 *
 * <p>JSON text holds no byte below 0x20 outside its whitespace, which is dropped here, and none inside a string,
 * where such characters must be escaped (RFC 8259 §7; one that is not is escaped here): bytes 0x01 to 0x1F are free to
 * stand each for one whole {@code "name":}. Unpacking gives the same JSON back, compact, every value spelled as sent.
 */
final class PackedJson {
    /** The packed names: the byte {@code i + 1} stands for {@code "NAMES[i]":}. At most 31, never reordered at run time. */
    private static final String[] NAMES = {
        "value", "updateTime", "oemCorrelationId", "vehicleOccupantRole", "vehicleDoor", "vehicleWheel",
        "vehicleSide", "vehicleWindow", "vehicleBattery", "vehicleSeatRow", "timestamp", "toState", "fromState",
        "additionalInfo", "commandId", "wheelPlacardFront", "wheelPlacardRear", "doubleRange", "lowerBound",
        "upperBound", "gpsModuleTimestamp", "gpsDimension", "location", "tags", "uncertainty", "detectionType",
    };
    /** Each name as it is written: {@code "name":}. */
    private static final byte[][] WRITTEN = new byte[NAMES.length][];
    /** The codes of the names by their first letter, so a string is compared with a few names, not all. */
    private static final int[][] BY_FIRST_LETTER = new int[128][];

    static {
        for (int i = 0; i < NAMES.length; i++) {
            WRITTEN[i] = ('"' + NAMES[i] + "\":").getBytes(StandardCharsets.US_ASCII);
            char first = NAMES[i].charAt(0);
            int[] codes = BY_FIRST_LETTER[first] == null ? new int[0] : BY_FIRST_LETTER[first];
            codes = Arrays.copyOf(codes, codes.length + 1);
            codes[codes.length - 1] = i + 1;
            BY_FIRST_LETTER[first] = codes;
        }
    }

    /** Where an entry is packed before it is copied out at its size: one per thread, grown to the largest entry. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[1024]);

    private PackedJson() {
    }

    /**
     * The JSON from start to end, packed: without whitespace outside strings, each listed property name one byte.
     * The input must be one well-formed JSON value (as a parser cut it out of a body or wrote it).
     */
    static byte[] pack(byte[] json, int start, int end) {
        byte[] out = SCRATCH.get();
        if (out.length < end - start) {
            out = new byte[Math.max(end - start, out.length * 2)];
            SCRATCH.set(out);
        }
        int size = 0;
        int i = start;
        while (i < end) {
            byte b = json[i];
            if (b == '"') {
                int code = nameAt(json, i, end);
                if (code > 0) {
                    out[size++] = (byte) code;
                    i += WRITTEN[code - 1].length;
                    continue;
                }
                int close = endOfString(json, i, end);
                if (close < 0) {
                    // A control character inside the string: written escaped, which may make it longer.
                    return packEscaping(json, start, end);
                }
                System.arraycopy(json, i, out, size, close - i);
                size += close - i;
                i = close;
            } else {
                if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                    out[size++] = b;
                }
                i++;
            }
        }
        return Arrays.copyOf(out, size);
    }

    /** The whole JSON text, packed. */
    static byte[] pack(byte[] json) {
        return pack(json, 0, json.length);
    }

    /** The JSON a packed value stands for, compact. */
    static byte[] unpack(byte[] packed) {
        int size = 0;
        for (byte b : packed) {
            size += b > 0 && b < 0x20 ? WRITTEN[b - 1].length : 1;
        }
        if (size == packed.length) {
            return packed;
        }
        byte[] out = new byte[size];
        int at = 0;
        for (byte b : packed) {
            if (b > 0 && b < 0x20) {
                byte[] name = WRITTEN[b - 1];
                System.arraycopy(name, 0, out, at, name.length);
                at += name.length;
            } else {
                out[at++] = b;
            }
        }
        return out;
    }

    /** The code of the listed property name written at {@code at} (its opening quote), or 0. */
    private static int nameAt(byte[] json, int at, int end) {
        int first = at + 1 < end ? json[at + 1] : -1;
        int[] codes = first >= 0 ? BY_FIRST_LETTER[first] : null;
        if (codes != null) {
            for (int code : codes) {
                byte[] name = WRITTEN[code - 1];
                if (at + name.length <= end && Arrays.equals(json, at, at + name.length, name, 0, name.length)) {
                    return code;
                }
            }
        }
        return 0;
    }

    /** The index just past the string opening at {@code at}, or -1 when it holds an unescaped control character. */
    private static int endOfString(byte[] json, int at, int end) {
        for (int i = at + 1; i < end; i++) {
            byte b = json[i];
            if (b == '\\') {
                i++;
            } else if (b == '"') {
                return i + 1;
            } else if (b >= 0 && b < 0x20) {
                return -1;
            }
        }
        return end;
    }

    /** {@link #pack} for JSON with control characters inside strings: they are written escaped first. */
    private static byte[] packEscaping(byte[] json, int start, int end) {
        StringBuilder escaped = new StringBuilder(end - start + 16);
        boolean inString = false;
        for (int i = start; i < end; i++) {
            int b = json[i] & 0xFF;
            if (inString && b < 0x20) {
                escaped.append(String.format("\\u%04x", b));
                continue;
            }
            if (inString && b == '\\' && i + 1 < end) {
                escaped.append('\\').append((char) (json[++i] & 0xFF));
                continue;
            }
            if (b == '"') {
                inString = !inString;
            }
            escaped.append((char) b);
        }
        // Latin-1 keeps every byte as it was (UTF-8 sequences pass through untouched).
        byte[] clean = escaped.toString().getBytes(StandardCharsets.ISO_8859_1);
        return pack(clean, 0, clean.length);
    }
}
