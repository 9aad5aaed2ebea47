package org.crmkit.messaging.http;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The plugin needs nothing a host would have to add: the JDK, the messaging SPI and slf4j. */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.messaging.http");

    static final ArchRule ONLY_JDK_SPI_AND_SLF4J = classes()
            .that().resideInAPackage("org.crmkit.messaging.http..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "com.sun.net.httpserver..",
                    "org.crmkit.messaging..", "org.slf4j..")
            .because("a plugin jar brings no libraries of its own: the JDK's HTTP client and server are enough");

    @Test
    void mainClassesDependOnlyOnTheJdkTheSpiAndSlf4j() {
        ONLY_JDK_SPI_AND_SLF4J.check(PLUGIN);
    }

    @Test
    void theRuleFiresOnAKnownViolation() {
        JavaClasses violation = new ClassFileImporter().importClasses(ArchitectureTest.class);

        assertThatThrownBy(() -> ONLY_JDK_SPI_AND_SLF4J.check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("com.tngtech.archunit");
    }
}
