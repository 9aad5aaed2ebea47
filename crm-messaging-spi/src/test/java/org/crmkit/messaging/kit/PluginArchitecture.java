package org.crmkit.messaging.kit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The architecture rule every messaging plugin keeps: its main classes depend only on the JDK's
 * {@code java..} packages, slf4j-api, the messaging SPI, the plugin's own package and the libraries it
 * names. So a plugin never reaches into crm-core, crm-persistence-jpa, another plugin or this test kit.
 * {@link PluginArchitectureContract} runs the rule on a plugin and proves it fires on
 * {@link PlantedPluginViolation}.
 */
public final class PluginArchitecture {

    /** The packages of the messaging SPI, the only crmkit code a plugin (or crm-core) may use. */
    public static final List<String> SPI_PACKAGES = List.of(
            "org.crmkit.messaging", "org.crmkit.messaging.email", "org.crmkit.messaging.sms");

    private static final String CRMKIT = "org.crmkit";
    private static final String MESSAGING = "org.crmkit.messaging";
    private static final String KIT = "org.crmkit.messaging.kit";

    private PluginArchitecture() {
    }

    /**
     * The rule for a plugin whose classes live in {@code pluginPackage} and its sub-packages.
     *
     * @param pluginPackage   the plugin's own package, e.g. {@code org.crmkit.messaging.smtp}
     * @param libraryPackages ArchUnit package patterns of what else it may use: its libraries
     *                        ({@code "jakarta.mail.."}) and JDK packages outside {@code java..}
     *                        ({@code "javax.net.ssl.."}, {@code "com.sun.net.httpserver.."})
     * @throws IllegalArgumentException when {@code pluginPackage} would take in crmkit code other than the
     *                                  plugin's, or a library package is crmkit code
     */
    public static ArchRule dependsOnlyOnTheSpi(String pluginPackage, String... libraryPackages) {
        requirePluginPackage(pluginPackage);
        List<String> allowed = new ArrayList<>(List.of("java..", "org.slf4j..", pluginPackage + ".."));
        for (String library : libraryPackages) {
            allowed.add(requireLibrary(library));
        }
        return classes()
                .should().onlyDependOnClassesThat(resideInAnyPackage(allowed.toArray(String[]::new))
                        .or(resideInAnyPackage(SPI_PACKAGES.toArray(String[]::new))))
                .because("a plugin builds on the messaging SPI, the JDK, slf4j-api and the libraries it names"
                        + " (" + (libraryPackages.length == 0 ? "none" : String.join(", ", libraryPackages)) + "), never on crm-core,"
                        + " crm-persistence-jpa, another plugin or the test kit");
    }

    /** The main classes of the module that holds {@code anyMainClass}: everything at its code source, nothing else. */
    public static JavaClasses mainClassesOf(Class<?> anyMainClass) {
        return new ClassFileImporter().importUrl(anyMainClass.getProtectionDomain().getCodeSource().getLocation());
    }

    /** {@link PlantedPluginViolation}, imported alone: every plugin's rule must report it. */
    public static JavaClasses plantedViolation() {
        return new ClassFileImporter().importClasses(PlantedPluginViolation.class);
    }

    private static void requirePluginPackage(String pluginPackage) {
        if (pluginPackage == null || !pluginPackage.matches("[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*"
                + "(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            throw new IllegalArgumentException("pluginPackage must be a package name such as org.crmkit.messaging.smtp,"
                    + " got \"" + pluginPackage + "\"");
        }
        boolean crmkit = within(pluginPackage, CRMKIT) || within(CRMKIT, pluginPackage);
        if (crmkit && (!within(pluginPackage, MESSAGING) || pluginPackage.equals(MESSAGING)
                || SPI_PACKAGES.contains(pluginPackage) || within(pluginPackage, KIT))) {
            throw new IllegalArgumentException("pluginPackage \"" + pluginPackage + "\" would count crm-core, the SPI"
                    + " or the test kit as the plugin's own code; a crmkit plugin lives in a package of its own"
                    + " under org.crmkit.messaging, such as org.crmkit.messaging.smtp");
        }
    }

    private static String requireLibrary(String library) {
        Objects.requireNonNull(library, "libraryPackages");
        String name = library.replace("..", ".").replaceAll("\\.+$", "");
        if (library.isBlank() || within(name, CRMKIT) || within(CRMKIT, name) || name.isEmpty()) {
            throw new IllegalArgumentException("library package \"" + library + "\" is crmkit code or everything;"
                    + " a plugin reaches crmkit through the SPI only and names its libraries, e.g. \"jakarta.mail..\"");
        }
        return library;
    }

    /** Whether {@code pkg} is {@code parent} or one of its sub-packages. */
    private static boolean within(String pkg, String parent) {
        return pkg.equals(parent) || pkg.startsWith(parent + ".");
    }
}
