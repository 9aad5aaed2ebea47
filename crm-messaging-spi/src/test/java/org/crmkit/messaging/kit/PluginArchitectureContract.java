package org.crmkit.messaging.kit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The architecture contract every messaging plugin passes: extend it in the plugin's tests, return a main
 * class of the plugin (its provider, say) from {@link #pluginClass()} and the packages of its libraries
 * from {@link #libraryPackages()}. The plugin's package is that class's package. It checks the plugin's
 * main classes against {@link PluginArchitecture#dependsOnlyOnTheSpi} and proves the same rule reports
 * {@link PlantedPluginViolation}. Needs {@code com.tngtech.archunit:archunit-junit5} on the test class path.
 */
public abstract class PluginArchitectureContract {

    /** A main class of the plugin; all classes at its code source are checked. */
    protected abstract Class<?> pluginClass();

    /** What the plugin may use besides the JDK's {@code java..}, slf4j-api and the SPI, e.g. {@code "org.jsmpp.."}. */
    protected List<String> libraryPackages() {
        return List.of();
    }

    private ArchRule rule() {
        return PluginArchitecture.dependsOnlyOnTheSpi(pluginClass().getPackageName(),
                libraryPackages().toArray(String[]::new));
    }

    @Test
    void mainClassesDependOnlyOnTheSpiTheJdkSlf4jAndTheirLibraries() {
        JavaClasses main = PluginArchitecture.mainClassesOf(pluginClass());

        assertFalse(main.isEmpty(), "no main classes found beside " + pluginClass().getName());
        rule().check(main);
    }

    @Test
    void theRuleFiresOnAPlantedViolation() {
        EvaluationResult result = rule().evaluate(PluginArchitecture.plantedViolation());

        assertTrue(result.hasViolation(), "the rule let " + PlantedPluginViolation.class.getName() + " pass");
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(PlantedPluginViolation.class.getName())
                && report.contains(PluginArchitecture.class.getName()), report);
    }
}
