package org.crmkit.examples.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.crmkit.jpa.kit.JpaArchitecture;
import org.junit.jupiter.api.Test;

/** The benchmarks measure the JPA store through its public API (and plain JDBC for baselines), never its internals. */
class BenchmarksArchitectureTest {

    @Test
    void theBenchmarksKeepOutOfJpaInternals() {
        JpaArchitecture.NO_JPA_INTERNALS.check(new ClassFileImporter()
                .importUrl(Dataset.class.getProtectionDomain().getCodeSource().getLocation()));
    }

    @Test
    void theRuleFiresOnClassesThatUseTheInternals() {
        assertThat(JpaArchitecture.NO_JPA_INTERNALS.evaluate(JpaArchitecture.publicFacade()).hasViolation()).isTrue();
    }
}
