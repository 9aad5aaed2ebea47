package org.crmkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.crmkit.messaging.archviolation.LibraryLeak;
import org.crmkit.messaging.kit.PluginArchitecture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The plugin rule of the kit: what it lets through, what it reports, which arguments it refuses. */
class PluginArchitectureTest {

    @Test
    void aNamedLibraryIsAllowedAnUnnamedOneIsNot() {
        ArchRule withQuickTheories = PluginArchitecture.dependsOnlyOnTheSpi("org.crmkit.messaging.archviolation",
                "org.quicktheories..");
        ArchRule without = PluginArchitecture.dependsOnlyOnTheSpi("org.crmkit.messaging.archviolation");
        var leak = new ClassFileImporter().importClasses(LibraryLeak.class);

        assertThat(withQuickTheories.evaluate(leak).hasViolation()).isFalse();
        assertThat(without.evaluate(leak).hasViolation()).isTrue();
    }

    @Test
    void theKitsPlantedViolationFiresEvenWhenJdbcIsNamed() {
        ArchRule rule = PluginArchitecture.dependsOnlyOnTheSpi("org.crmkit.messaging.smtp", "java.sql..");

        assertThat(String.join("\n", rule.evaluate(PluginArchitecture.plantedViolation()).getFailureReport().getDetails()))
                .contains("org.crmkit.messaging.kit.PluginArchitecture")
                .doesNotContain("java.sql.Connection");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "org.crmkit", "org", "org.crmkit.messaging", "org.crmkit.messaging.sms",
        "org.crmkit.messaging.kit", "org.crmkit.messaging.kit.x", "org.crmkit.client", "org.crmkit.jpa.internal",
        "org.crmkit.messaging..", "com.acme sms"})
    void pluginPackagesThatTakeInOtherCodeAreRefused(String pluginPackage) {
        assertThatThrownBy(() -> PluginArchitecture.dependsOnlyOnTheSpi(pluginPackage))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pluginPackage")
                .hasMessageContaining("\"" + pluginPackage + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"org.crmkit..", "org.crmkit.client..", "org..", "..", " ", "org.crmkit.jpa.internal.."})
    void libraryPackagesThatAreCrmkitOrEverythingAreRefused(String library) {
        assertThatThrownBy(() -> PluginArchitecture.dependsOnlyOnTheSpi("org.crmkit.messaging.smtp", library))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + library + "\"");
    }

    @Test
    void thirdPartyPluginsNameTheirOwnPackage() {
        assertThat(PluginArchitecture.dependsOnlyOnTheSpi("com.acme.sms", "com.acme.http..").getDescription())
                .contains("com.acme.http..");
    }
}
