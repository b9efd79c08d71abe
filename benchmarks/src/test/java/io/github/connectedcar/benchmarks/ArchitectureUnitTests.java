package io.github.connectedcar.benchmarks;

import io.github.connectedcar.testing.ArchitectureRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the SDK's internals (the pipeline, the token cache, the telemetry mapper), so they are the one
 * module exempt from "other modules use only public packages"; the other rules hold.
 */
@Tag("unit")
class ArchitectureUnitTests {

    @Test
    void packagesImportEachOtherInNoCycle() {
        ArchitectureRules.noPackageCycles().check(ArchitectureRules.mainClasses("io.github.connectedcar.benchmarks"));
    }

    @Test
    void testClassesAreNamedAndTaggedByTier() {
        ArchitectureRules.testsAreNamedAndTaggedByTier()
            .check(ArchitectureRules.testClasses("io.github.connectedcar.benchmarks"));
    }
}
