package org.crmkit.messaging.smpp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** What the SMPP plugin's main code may depend on, and proof that the rule bites. */
class ArchitectureTest {

    private static final JavaClasses PLUGIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit.messaging.smpp");

    static final ArchRule ONLY_JDK_SPI_SLF4J_AND_JSMPP = classes()
            .that().resideInAPackage("org.crmkit.messaging.smpp..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..", "org.crmkit.messaging..", "org.slf4j..", "org.jsmpp..")
            .because("a host that adds the plugin jar gets jSMPP and nothing else besides the SPI and slf4j-api");

    @Test
    void mainClassesDependOnlyOnTheJdkTheSpiSlf4jAndJsmpp() {
        ONLY_JDK_SPI_SLF4J_AND_JSMPP.check(PLUGIN);
    }

    @Test
    void theRuleFiresOnAKnownViolation() {
        // the Cloudhopper test SMSC depends on Cloudhopper and Netty
        JavaClasses violation = new ClassFileImporter().importClasses(CloudhopperSmsc.class);

        assertThatThrownBy(() -> ONLY_JDK_SPI_SLF4J_AND_JSMPP.check(violation)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("CloudhopperSmsc").hasMessageContaining("com.cloudhopper");
    }
}
