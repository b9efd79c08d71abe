package io.github.connectedcar.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestTemplate;

/**
 * The shape every module keeps, checked by each module's {@code ArchitectureUnitTests}: no import cycle between
 * packages, no {@code internal} type in a public signature, and test classes tagged by their tier.
 */
public final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /** The module's main classes under {@code root} (test classes left out). */
    public static JavaClasses mainClasses(String... roots) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(roots);
    }

    /** The module's test classes under {@code root}. */
    public static JavaClasses testClasses(String... roots) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages(roots);
    }

    /** Code outside the SDK (the adapter, the examples) uses its public packages only, as a user would. */
    public static ArchRule usesNoInternalPackage() {
        return noClasses().should().dependOnClassesThat().resideInAPackage("io.github.connectedcar..internal..")
            .as("no class depends on an internal package of connectedcar");
    }

    /** Every package is its own slice, and no two slices import each other, directly or around a circle. */
    public static ArchRule noPackageCycles() {
        return slices().assignedFrom(new SliceAssignment() {
            @Override
            public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                return SliceIdentifier.of(javaClass.getPackageName());
            }

            @Override
            public String getDescription() {
                return "one slice per package";
            }
        }).should().beFreeOfCycles();
    }

    /**
     * A public or protected member of a public type outside an {@code internal} package names no type of an
     * {@code internal} package (parameters, results, type arguments, exceptions, fields, super types).
     */
    public static ArchRule noInternalTypeInPublicSignatures() {
        return classes().that().arePublic().and().resideOutsideOfPackage("..internal..")
            .should(new ArchCondition<>("name no internal type in a public signature") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    Set<String> problems = new LinkedHashSet<>();
                    type.getRawSuperclass().filter(ArchitectureRules::isInternal)
                        .ifPresent(superclass -> problems.add("extends " + superclass.getName()));
                    type.getRawInterfaces().stream().filter(ArchitectureRules::isInternal)
                        .forEach(i -> problems.add("implements " + i.getName()));
                    for (JavaMember member : type.getMembers()) {
                        if (!isVisible(member)) {
                            continue;
                        }
                        Set<JavaClass> involved = new LinkedHashSet<>();
                        if (member instanceof JavaField field) {
                            involved.addAll(field.getType().getAllInvolvedRawTypes());
                        } else if (member instanceof JavaCodeUnit code) {
                            involved.addAll(code.getReturnType().getAllInvolvedRawTypes());
                            for (JavaParameter parameter : code.getParameters()) {
                                involved.addAll(parameter.getType().getAllInvolvedRawTypes());
                            }
                            code.getThrowsClause().getTypes().forEach(involved::add);
                        }
                        involved.stream().filter(ArchitectureRules::isInternal)
                            .forEach(internal -> problems.add(member.getFullName() + " names " + internal.getName()));
                    }
                    problems.forEach(problem -> events.add(SimpleConditionEvent.violated(type, problem)));
                }
            });
    }

    /**
     * Test classes are named and tagged by tier: {@code *UnitTests} carry {@code @Tag("unit")} (in memory, no
     * sockets), {@code *IntegrationTests} {@code @Tag("integration")} (real sockets, servers or processes); a class
     * with tests named otherwise is an error.
     */
    public static ArchRule testsAreNamedAndTaggedByTier() {
        return classes().that(new DescribedPredicate<>("hold tests") {
                @Override
                public boolean test(JavaClass type) {
                    return type.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Test.class)
                        || m.isMetaAnnotatedWith(TestTemplate.class));
                }
            })
            .should(new ArchCondition<>("be named *UnitTests with @Tag(\"unit\") or *IntegrationTests with "
                + "@Tag(\"integration\")") {
                @Override
                public void check(JavaClass testClass, ConditionEvents events) {
                    JavaClass type = testClass;
                    while (type.getEnclosingClass().isPresent()) {
                        type = type.getEnclosingClass().get();
                    }
                    String name = type.getSimpleName();
                    Optional<String> tag = type.tryGetAnnotationOfType(Tag.class).map(Tag::value);
                    String expected = name.endsWith("UnitTests") ? "unit"
                        : name.endsWith("IntegrationTests") ? "integration" : null;
                    if (expected == null) {
                        events.add(SimpleConditionEvent.violated(type, type.getName()
                            + " holds tests but is named neither *UnitTests nor *IntegrationTests"));
                    } else if (!tag.equals(Optional.of(expected))) {
                        events.add(SimpleConditionEvent.violated(type, type.getName() + " should carry @Tag(\""
                            + expected + "\") but has " + tag.map(t -> "@Tag(\"" + t + "\")").orElse("none")));
                    }
                }
            });
    }

    private static boolean isVisible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
            && !modifiers.contains(JavaModifier.SYNTHETIC) && !modifiers.contains(JavaModifier.BRIDGE);
    }

    private static boolean isInternal(JavaClass type) {
        String name = type.getPackageName();
        return name.endsWith(".internal") || name.contains(".internal.");
    }
}
