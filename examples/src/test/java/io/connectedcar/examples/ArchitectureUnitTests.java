package io.connectedcar.examples;

import io.connectedcar.testing.ArchitectureRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The examples use the SDK as a user would: its public packages only, and tests named by tier. */
@Tag("unit")
class ArchitectureUnitTests {

    @Test
    void packagesImportEachOtherInNoCycle() {
        ArchitectureRules.noPackageCycles().check(ArchitectureRules.mainClasses("io.connectedcar.cli", "io.connectedcar.bench", "io.connectedcar.examples"));
    }

    @Test
    void testClassesAreNamedAndTaggedByTier() {
        ArchitectureRules.testsAreNamedAndTaggedByTier()
            .check(ArchitectureRules.testClasses("io.connectedcar.cli", "io.connectedcar.e2e", "io.connectedcar.examples"));
    }

    @Test
    void usesOnlyThePublicPackagesOfTheSdk() {
        ArchitectureRules.usesNoInternalPackage().check(ArchitectureRules.mainClasses("io.connectedcar.cli", "io.connectedcar.bench", "io.connectedcar.examples"));
    }
}
