package org.crmkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.crmkit.jpa.kit.JpaArchitecture;
import org.junit.jupiter.api.Test;

/** The demo uses the JPA store through its public API only. */
class DemoArchitectureTest {

    @Test
    void theDemoKeepsOutOfJpaInternals() {
        JpaArchitecture.NO_JPA_INTERNALS.check(new ClassFileImporter()
                .importUrl(Demo.class.getProtectionDomain().getCodeSource().getLocation()));
    }

    @Test
    void theRuleFiresOnClassesThatUseTheInternals() {
        assertThat(JpaArchitecture.NO_JPA_INTERNALS.evaluate(JpaArchitecture.publicFacade()).hasViolation()).isTrue();
    }
}
