package org.crmkit.jpa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.elements.GivenCodeUnitsConjunction;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.jpa.archviolation.LeakyFacade;
import org.crmkit.jpa.kit.JpaArchitecture;
import org.junit.jupiter.api.Test;

/** crm-persistence-jpa keeps its internals internal: its public API hands out none of their types. */
class JpaArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .importUrl(JpaStorage.class.getProtectionDomain().getCodeSource().getLocation());
    private static final String INTERNAL = "org.crmkit.jpa.internal..";

    private static final GivenCodeUnitsConjunction PUBLIC_API = codeUnits()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL)
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic().or().areProtected();

    static final ArchRule API_HANDS_OUT_NO_INTERNAL_TYPE = PUBLIC_API.should(new ArchCondition<JavaCodeUnit>(
            "not take or return a type of " + INTERNAL) {
        @Override
        public void check(JavaCodeUnit unit, ConditionEvents events) {
            List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
            types.add(unit.getRawReturnType());
            types.stream().filter(type -> type.getPackageName().startsWith("org.crmkit.jpa.internal"))
                    .forEach(type -> events.add(SimpleConditionEvent.violated(unit,
                            unit.getFullName() + " exposes internal type " + type.getName())));
        }
    }).because("a module outside crm-persistence-jpa must be able to use all of its API without touching org.crmkit.jpa.internal");

    static final ArchRule NO_PUBLIC_INTERNAL_FIELDS = fields()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage(INTERNAL).and().arePublic()
            .should().notHaveRawType(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(INTERNAL))
            .because("a public field of an internal type would hand it out as well")
            // the API has no public field since JpaStorageProvider.DEFAULT_PATH went; the rule still guards new ones
            .allowEmptyShould(true);

    @Test
    void thePublicApiHandsOutNoInternalType() {
        API_HANDS_OUT_NO_INTERNAL_TYPE.check(MAIN);
        NO_PUBLIC_INTERNAL_FIELDS.check(MAIN);
    }

    @Test
    void theApiRuleFiresOnAPlantedLeak() {
        JavaClasses planted = new ClassFileImporter().importClasses(LeakyFacade.class);

        assertThat(String.join("\n", API_HANDS_OUT_NO_INTERNAL_TYPE.evaluate(planted).getFailureReport().getDetails()))
                .contains("LeakyFacade.row()").contains("LeakyFacade.take(")
                .contains("org.crmkit.jpa.internal.PlantedInternalRow");
        assertThat(String.join("\n", NO_PUBLIC_INTERNAL_FIELDS.evaluate(planted).getFailureReport().getDetails()))
                .contains("LeakyFacade.exposed");
    }

    @Test
    void theOutsiderRuleFiresOnThePublicFacadeAndOnAPlantedLeak() {
        assertThat(JpaArchitecture.NO_JPA_INTERNALS.evaluate(JpaArchitecture.publicFacade()).hasViolation()).isTrue();
        assertThat(JpaArchitecture.NO_JPA_INTERNALS.evaluate(new ClassFileImporter().importClasses(LeakyFacade.class))
                .hasViolation()).isTrue();
    }
}
