package org.crmkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import java.util.stream.Collectors;
import org.crmkit.messaging.kit.PluginArchitecture;
import org.junit.jupiter.api.Test;

/** The architecture rules of crm-core, and proof that they bite. */
class ArchitectureTest {
    /** crm-core's main classes only: not the SPI or the kits that are on the test class path too. */
    private static final JavaClasses CORE = PluginArchitecture.mainClassesOf(Crm.class);
    private static final Set<String> CORE_PACKAGES = CORE.stream().map(JavaClass::getPackageName).collect(Collectors.toSet());

    static final ArchRule DOMAIN_IS_PURE = noClasses()
            .that().resideInAPackage("org.crmkit..").and().resideOutsideOfPackages("org.crmkit.inject..", "org.crmkit..json..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.eclipse.persistence..",
                    "com.google.inject..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "biweekly..", "net.fortuna.ical4j..")
            .because("the domain must stay free of persistence, injection, JSON and iCalendar frameworks; those live in their own modules or packages");

    static final ArchRule NEVER_ON_STORAGE_TECHNOLOGY = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "javax.persistence..",
                    "org.eclipse.persistence..", "java.sql..", "javax.sql..")
            .because("no part of crm-core, its Guice module included, knows JPA, EclipseLink or JDBC: storages plug in through the storage SPI");

    static final ArchRule NEVER_ON_A_PLUGIN = noClasses()
            .should().dependOnClassesThat(DescribedPredicate.describe(
                    "are crmkit code outside crm-core and the messaging SPI (crm-persistence-jpa, a plugin, a test kit)",
                    (JavaClass target) -> target.getPackageName().startsWith("org.crmkit.")
                            && !CORE_PACKAGES.contains(target.getPackageName())
                            && !PluginArchitecture.SPI_PACKAGES.contains(target.getPackageName())))
            .because("crm-core may use the messaging SPI, never an implementation of it or of its own storage SPI");

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
    void coreNeverUsesJpaEclipseLinkOrJdbc() {
        NEVER_ON_STORAGE_TECHNOLOGY.check(CORE);
    }

    @Test
    void coreNeverUsesAPluginOrTheJpaStorage() {
        NEVER_ON_A_PLUGIN.check(CORE);
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
                org.crmkit.archviolation.EntityLeak.class, org.crmkit.archviolation.TenantKeyId.class, org.crmkit.archviolation.JsonLeak.class,
                org.crmkit.archviolation.util.Helpers.class, org.crmkit.cyclealpha.Alpha.class, org.crmkit.cyclebeta.Beta.class);
        assertThatThrownBy(() -> DOMAIN_IS_PURE.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("EntityLeak").hasMessageContaining("JsonLeak");
        assertThatThrownBy(() -> IDS_ARE_RECORDS.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("TenantKeyId");
        assertThatThrownBy(() -> NO_CATCH_ALL_PACKAGES.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Helpers");
        assertThatThrownBy(() -> NEVER_ON_STORAGE_TECHNOLOGY.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("EntityLeak").hasMessageContaining("java.sql.Timestamp");
        JavaClasses jdbc = new ClassFileImporter().importClasses(org.crmkit.inject.archviolation.JdbcModule.class);
        assertThat(DOMAIN_IS_PURE.allowEmptyShould(true).evaluate(jdbc).hasViolation()).as("the domain rule leaves inject alone").isFalse();
        assertThatThrownBy(() -> NEVER_ON_STORAGE_TECHNOLOGY.check(jdbc)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("JdbcModule").hasMessageContaining("javax.sql.DataSource");
        assertThatThrownBy(() -> NEVER_ON_A_PLUGIN.check(new ClassFileImporter().importClasses(
                org.crmkit.archviolation.PluginLeak.class))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PluginLeak").hasMessageContaining("org.crmkit.messaging.kit.PlantedPluginViolation");
        assertThatThrownBy(() -> FEATURES_HAVE_NO_CYCLES.check(violations)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("cyclealpha").hasMessageContaining("cyclebeta");
    }
}
