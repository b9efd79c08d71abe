package io.github.connectedcar.simulator;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The simulator's structure: layers whose imports only go down, an implementation that stays internal, and tests
 * named and tagged by their tier ({@code *UnitTests} in memory, {@code *IntegrationTests} on real sockets).
 */
@Tag("unit")
class ArchitectureUnitTests {

    private static final String INTERNAL = "..internal..";

    private static final JavaClasses PRODUCTION = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("io.github.connectedcar.simulator");

    private static final JavaClasses TESTS = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
        .importPackages("io.github.connectedcar.simulator");

    @Test
    void packagesAreFreeOfCycles() {
        // One slice per full package. "io.github.connectedcar.simulator.(**)" would leave out the top package itself, the
        // home of FordCloudSimulator.
        slices().matching("io.github.connectedcar.(simulator..)").should().beFreeOfCycles().check(PRODUCTION);
    }

    @Test
    void publicSignaturesOutsideInternalNameNoInternalType() {
        members().that().arePublic().and().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL)
            .should(notNameAnInternalType())
            .check(PRODUCTION);
    }

    @Test
    void testClassesCarryTheTagOfTheirTier() {
        classes().that().areTopLevelClasses().and().haveSimpleNameEndingWith("UnitTests")
            .should().beAnnotatedWith(tag("unit"))
            .check(TESTS);
        classes().that().areTopLevelClasses().and().haveSimpleNameEndingWith("IntegrationTests")
            .should().beAnnotatedWith(tag("integration"))
            .check(TESTS);
    }

    @Test
    void testsLiveOnlyInClassesNamedByTheirTier() {
        classes().that().containAnyMethodsThat(areTests())
            .should(beNamedByATier())
            .check(TESTS);
    }

    private static DescribedPredicate<JavaAnnotation<?>> tag(String tier) {
        return DescribedPredicate.describe("@Tag(\"" + tier + "\")", annotation ->
            annotation.getRawType().isEquivalentTo(Tag.class) && tier.equals(annotation.get("value").orElse(null)));
    }

    /** @Test, @ParameterizedTest, @TestFactory and the like all carry @Testable. */
    private static DescribedPredicate<JavaMethod> areTests() {
        return DescribedPredicate.describe("are tests", method -> method.isMetaAnnotatedWith(Testable.class));
    }

    /** A @Nested class counts by the name of the top-level class around it. */
    private static ArchCondition<JavaClass> beNamedByATier() {
        return new ArchCondition<>("be, or be nested in, a class named *UnitTests or *IntegrationTests") {
            @Override
            public void check(JavaClass testClass, ConditionEvents events) {
                JavaClass topLevel = testClass;
                while (topLevel.getEnclosingClass().isPresent()) {
                    topLevel = topLevel.getEnclosingClass().get();
                }
                String name = topLevel.getSimpleName();
                if (!name.endsWith("UnitTests") && !name.endsWith("IntegrationTests")) {
                    events.add(SimpleConditionEvent.violated(testClass,
                        testClass.getName() + " has tests but is named neither *UnitTests nor *IntegrationTests"));
                }
            }
        };
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
