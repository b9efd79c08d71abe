package io.github.connectedcar.service;

import io.github.connectedcar.testing.ArchitectureRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The service uses the SDK as a user would: its public packages only, and tests named by tier. */
@Tag("unit")
class ArchitectureUnitTests {

    @Test
    void usesOnlyThePublicPackagesOfTheSdk() {
        ArchitectureRules.usesNoInternalPackage().check(ArchitectureRules.mainClasses("io.github.connectedcar.service"));
    }

    @Test
    void testClassesAreNamedAndTaggedByTier() {
        ArchitectureRules.testsAreNamedAndTaggedByTier().check(ArchitectureRules.testClasses("io.github.connectedcar.service"));
    }
}
