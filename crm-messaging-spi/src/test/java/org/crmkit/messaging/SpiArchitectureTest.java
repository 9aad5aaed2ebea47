package org.crmkit.messaging;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.stream.Collectors;
import org.crmkit.messaging.archviolation.KitLeak;
import org.crmkit.messaging.archviolation.LibraryLeak;
import org.crmkit.messaging.kit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/** The SPI's own rule: plugin authors take the JDK and slf4j-api with it, nothing else. */
class SpiArchitectureTest {

    private static final JavaClasses SPI = PluginArchitecture.mainClassesOf(MessagingProviders.class);

    static final ArchRule USES_ONLY_THE_JDK_AND_SLF4J = classes()
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "org.slf4j..")
                    .or(resideInAnyPackage(PluginArchitecture.SPI_PACKAGES.toArray(String[]::new))))
            .because("a plugin author who takes the SPI takes nothing but the JDK and slf4j-api with it");

    @Test
    void theSpiUsesOnlyTheJdkAndSlf4j() {
        USES_ONLY_THE_JDK_AND_SLF4J.check(SPI);
    }

    @Test
    void theRuleFiresOnALibraryAndOnTheTestKit() {
        EvaluationResult result = USES_ONLY_THE_JDK_AND_SLF4J.evaluate(
                new ClassFileImporter().importClasses(LibraryLeak.class, KitLeak.class));

        assertThat(result.hasViolation()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails()))
                .contains(LibraryLeak.class.getName()).contains("org.quicktheories")
                .contains(KitLeak.class.getName()).contains("org.crmkit.messaging.kit.ReceivedSms");
    }

    @Test
    void theKitNamesExactlyThePackagesOfTheSpi() {
        assertThat(SPI.stream().map(JavaClass::getPackageName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(PluginArchitecture.SPI_PACKAGES);
    }
}
