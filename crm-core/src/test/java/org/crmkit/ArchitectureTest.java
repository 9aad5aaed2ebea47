package org.crmkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** The architecture rules of crm-core, and proof that they bite. */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.crmkit");

    static final ArchRule DOMAIN_IS_PURE = noClasses()
            .that().resideInAPackage("org.crmkit..").and().resideOutsideOfPackage("org.crmkit.inject..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.eclipse.persistence..",
                    "com.google.inject..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..")
            .because("the domain must stay free of persistence, injection and JSON frameworks; those live in their own modules or packages");

    static final ArchRule FEATURES_HAVE_NO_CYCLES = slices().matching("org.crmkit.(*)..")
            .should().beFreeOfCycles()
            .because("features depend on each other one way only, so each can be understood and replaced alone");

    static final ArchRule IDS_ARE_RECORDS = classes()
            .that().haveSimpleNameEndingWith("Id").and().resideInAPackage("org.crmkit..")
            .should().beRecords()
            .because("ids are immutable values compared by content");

    static final ArchRule NO_CATCH_ALL_PACKAGES = noClasses()
            .should().resideInAnyPackage("..util..", "..service..", "..manager..", "..model..")
            .because("code is packaged by feature");

    @Test
    void theDomainIsPure() {
        DOMAIN_IS_PURE.check(CORE);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        FEATURES_HAVE_NO_CYCLES.check(CORE);
    }

    @Test
    void idsAreRecords() {
        IDS_ARE_RECORDS.check(CORE);
    }

    @Test
    void thereAreNoCatchAllPackages() {
        NO_CATCH_ALL_PACKAGES.check(CORE);
    }

    @Test
    void everyRuleFiresOnAKnownViolation() {
        JavaClasses violations = new ClassFileImporter().importClasses(
                org.crmkit.archviolation.EntityLeak.class, org.crmkit.archviolation.TenantKeyId.class,
                org.crmkit.archviolation.util.Helpers.class, org.crmkit.cyclealpha.Alpha.class, org.crmkit.cyclebeta.Beta.class);
        assertThatThrownBy(() -> DOMAIN_IS_PURE.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("EntityLeak");
        assertThatThrownBy(() -> IDS_ARE_RECORDS.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("TenantKeyId");
        assertThatThrownBy(() -> NO_CATCH_ALL_PACKAGES.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Helpers");
        assertThatThrownBy(() -> FEATURES_HAVE_NO_CYCLES.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cyclealpha").hasMessageContaining("cyclebeta");
    }
}
