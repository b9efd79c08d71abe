package io.github.connectedcar.simulator.internal.service;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Random version-4 UUIDs for command ids and reference ids: unique, not secret, and drawn on the event loop without
 * blocking ({@link UUID#randomUUID()} reads {@code /dev/urandom}).
 */
final class Ids {
    private Ids() {
    }

    static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
