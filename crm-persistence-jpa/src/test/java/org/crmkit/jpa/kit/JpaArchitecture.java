package org.crmkit.jpa.kit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.crmkit.jpa.JpaStorage;

/**
 * The rule every module that uses crm-persistence-jpa keeps (shipped in its test-jar): its main classes
 * never touch {@code org.crmkit.jpa.internal}, so the JPA store can change inside without breaking them.
 */
public final class JpaArchitecture {

    /** Evaluated on another module's main classes: none of them depends on the JPA store's internals. */
    public static final ArchRule NO_JPA_INTERNALS = noClasses()
            .should().dependOnClassesThat().resideInAPackage("org.crmkit.jpa.internal..")
            .because("only crm-persistence-jpa itself may use its internals; others go through JpaStorage and the storage SPI");

    private JpaArchitecture() {
    }

    /**
     * The public classes of crm-persistence-jpa, the one place that must use the internals: looked at as
     * if they lived in another module, {@link #NO_JPA_INTERNALS} reports them.
     */
    public static JavaClasses publicFacade() {
        return new ClassFileImporter().importUrl(JpaStorage.class.getProtectionDomain().getCodeSource().getLocation())
                .that(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("org.crmkit.jpa.internal.."));
    }
}
