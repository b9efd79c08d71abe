package io.github.connectedcar.examples;

import io.github.connectedcar.testing.ArchitectureRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The examples use the SDK as a user would: its public packages only, and tests named by tier. */
@Tag("unit")
class ArchitectureUnitTests {

    @Test
    void packagesImportEachOtherInNoCycle() {
        ArchitectureRules.noPackageCycles().check(ArchitectureRules.mainClasses("io.github.connectedcar.cli", "io.github.connectedcar.bench", "io.github.connectedcar.examples"));
    }

    @Test
    void testClassesAreNamedAndTaggedByTier() {
        ArchitectureRules.testsAreNamedAndTaggedByTier()
            .check(ArchitectureRules.testClasses("io.github.connectedcar.cli", "io.github.connectedcar.e2e", "io.github.connectedcar.examples"));
    }

    @Test
    void usesOnlyThePublicPackagesOfTheSdk() {
        ArchitectureRules.usesNoInternalPackage().check(ArchitectureRules.mainClasses("io.github.connectedcar.cli", "io.github.connectedcar.bench", "io.github.connectedcar.examples"));
    }
}
