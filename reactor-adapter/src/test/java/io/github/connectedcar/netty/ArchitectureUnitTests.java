package io.github.connectedcar.netty;

import io.github.connectedcar.testing.ArchitectureRules;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The adapter keeps the shape of the whole project (see core's ArchitectureUnitTests). */
@Tag("unit")
class ArchitectureUnitTests {

    @Test
    void usesNoInternalTypeOfCoreInItsPublicSignatures() {
        ArchitectureRules.noInternalTypeInPublicSignatures().check(ArchitectureRules.mainClasses("io.github.connectedcar.netty"));
    }

    @Test
    void testClassesAreNamedAndTaggedByTier() {
        ArchitectureRules.testsAreNamedAndTaggedByTier()
            .check(ArchitectureRules.testClasses("io.github.connectedcar.netty"));
    }

    @Test
    void usesOnlyThePublicPackagesOfTheSdk() {
        ArchitectureRules.usesNoInternalPackage().check(ArchitectureRules.mainClasses("io.github.connectedcar.netty"));
    }
}
