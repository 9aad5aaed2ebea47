package org.crmkit.messaging.kannel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The plugin takes nothing but the JDK, the messaging SPI and slf4j, so a host adds one small jar. */
class ArchitectureTest {

    static final ArchRule ONLY_JDK_SPI_AND_SLF4J = classes()
            .that().resideInAPackage("org.crmkit.messaging.kannel..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax..", "com.sun.net.httpserver..",
                    "org.crmkit.messaging", "org.crmkit.messaging.sms", "org.crmkit.messaging.kannel..", "org.slf4j..")
            .because("a Kannel plugin needs an HTTP client and server, which the JDK has");

    @Test
    void mainClassesDependOnlyOnTheJdkTheSpiAndSlf4j() {
        JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.crmkit.messaging.kannel");

        ONLY_JDK_SPI_AND_SLF4J.check(main);
    }

    @Test
    void theRuleFiresOnAKnownViolation() {
        // the test SMSC uses jSMPP, which the main classes must not
        JavaClasses violation = new ClassFileImporter().importClasses(InProcessSmsc.class);

        assertThatThrownBy(() -> ONLY_JDK_SPI_AND_SLF4J.check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.jsmpp");
    }
}
