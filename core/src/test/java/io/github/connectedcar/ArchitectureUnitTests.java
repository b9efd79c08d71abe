package io.github.connectedcar;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.github.connectedcar.testing.ArchitectureRules;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Core's layers, top to bottom; imports only go down. See the package list in the README. */
@Tag("unit")
class ArchitectureUnitTests {
    private static final JavaClasses CORE = ArchitectureRules.mainClasses("io.github.connectedcar");

    /** Top first. A layer may use any layer below it, never one above or beside it. */
    private static final List<String[]> LAYERS = List.of(
        new String[] {"clients", "io.github.connectedcar"},
        new String[] {"status", "io.github.connectedcar.status.."},
        new String[] {"command", "io.github.connectedcar.command.."},
        new String[] {"auth", "io.github.connectedcar.auth.."},
        new String[] {"protection", "io.github.connectedcar.protection.."},
        new String[] {"ford", "io.github.connectedcar.ford.."},
        new String[] {"http", "io.github.connectedcar.http.."},
        new String[] {"usage", "io.github.connectedcar.usage.."},
        new String[] {"support", "io.github.connectedcar.internal"},
        new String[] {"exception", "io.github.connectedcar.exception"},
        new String[] {"model", "io.github.connectedcar.model"});

    @Test
    void packagesImportEachOtherInNoCycle() {
        ArchitectureRules.noPackageCycles().check(CORE);
    }

    @Test
    void layersOnlyImportDownwards() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String[] layer : LAYERS) {
            architecture = architecture.layer(layer[0]).definedBy(layer[1]);
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] below = LAYERS.subList(i + 1, LAYERS.size()).stream().map(l -> l[0]).toArray(String[]::new);
            architecture = architecture.whereLayer(LAYERS.get(i)[0]).mayOnlyAccessLayers(below);
        }
        architecture = architecture.whereLayer(LAYERS.get(LAYERS.size() - 1)[0]).mayNotAccessAnyLayer();
        architecture.check(CORE);
    }

    @Test
    void noPublicSignatureNamesAnInternalType() {
        ArchitectureRules.noInternalTypeInPublicSignatures().check(CORE);
    }

    @Test
    void testClassesAreNamedAndTaggedByTier() {
        ArchitectureRules.testsAreNamedAndTaggedByTier().check(ArchitectureRules.testClasses("io.github.connectedcar"));
    }

}
