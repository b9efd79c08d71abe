package io.connectedcar.simulator;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The simulator's package structure: layers whose imports only go down, and an implementation that stays internal. */
@Tag("unit")
class ArchitectureUnitTests {

    private static final String INTERNAL = "..internal..";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.connectedcar.simulator");

    @Test
    void packagesAreFreeOfCycles() {
        // One slice per full package. "io.connectedcar.simulator.(**)" would leave out the top package itself, the
        // home of FordCloudSimulator.
        slices().matching("io.connectedcar.(simulator..)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void publicSignaturesOutsideInternalNameNoInternalType() {
        members().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL)
            .should(notNameAnInternalType())
            .check(PRODUCTION);
    }

    /** Field types, parameter and return types, type arguments included. */
    private static ArchCondition<JavaMember> notNameAnInternalType() {
        return new ArchCondition<>("not name a type of an internal package in their signature") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                for (JavaClass type : signatureTypes(member)) {
                    if (type.getPackageName().contains(".internal")) {
                        events.add(SimpleConditionEvent.violated(member,
                            member.getFullName() + " names " + type.getName()));
                    }
                }
            }
        };
    }

    private static Set<JavaClass> signatureTypes(JavaMember member) {
        Set<JavaClass> types = new HashSet<>();
        if (member instanceof JavaField field) {
            types.addAll(field.getType().getAllInvolvedRawTypes());
        } else if (member instanceof JavaCodeUnit codeUnit) {
            types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
            for (JavaType parameter : codeUnit.getParameterTypes()) {
                types.addAll(parameter.getAllInvolvedRawTypes());
            }
        }
        return types;
    }
}
