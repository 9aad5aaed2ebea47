package org.crmkit.ical;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** crm-ical reads the domain through its public types only, and is the only place biweekly is used. */
class ArchitectureTest {
    private static final JavaClasses ICAL = new ClassFileImporter()
            .importUrl(ICalendarExport.class.getProtectionDomain().getCodeSource().getLocation());

    static final ArchRule ONLY_THE_DOMAIN = noClasses().that().resideInAPackage("org.crmkit.ical..")
            .should().dependOnClassesThat().resideInAnyPackage("org.crmkit.memory..", "org.crmkit.inject..", "org.crmkit.usecase..",
                    "org.crmkit.storage..", "jakarta.persistence..", "java.sql..")
            .because("the export writes what the use cases answer; it neither reaches into a store nor wires crmkit");

    @Test
    void theExportUsesTheDomainOnly() {
        ONLY_THE_DOMAIN.check(ICAL);
    }

    @Test
    void theRuleFiresOnAKnownViolation() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedStoreUse.class);
        assertThat(ONLY_THE_DOMAIN.evaluate(planted).hasViolation()).isTrue();
    }

    /** A class in the export's package that reads a store directly: the rule must report it. */
    static final class PlantedStoreUse {
        Object store = new org.crmkit.memory.InMemoryStorage();
    }
}
