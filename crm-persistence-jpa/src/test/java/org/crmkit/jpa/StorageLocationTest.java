package org.crmkit.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.crmkit.Crm;
import org.crmkit.client.Client;
import org.crmkit.client.NewClient;
import org.crmkit.common.Actor;
import org.crmkit.common.CrmException;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageSelection;
import org.junit.jupiter.api.Test;

/**
 * Where the JPA storage keeps its data when it is found rather than registered: only where the
 * host says (in code or by system property), never a file it did not ask for.
 */
class StorageLocationTest {
    private static final Actor ACTOR = Actor.system(TenantId.DEFAULT, "host");

    @Test
    void withTheJpaStorageOnTheClassPathAndNoDatabaseNamedBuildFailsSayingHowToNameOne() {
        Path workingDirectory = Path.of("").toAbsolutePath();
        assertThat(System.getProperties().stringPropertyNames()).noneMatch(k -> k.startsWith(StorageSelection.PROPERTY_PREFIX));

        assertThatThrownBy(() -> Crm.builder().actor(ACTOR).build())
                .isExactlyInstanceOf(CrmException.class)
                .hasMessageStartingWith("the jpa storage provider is on the class path, but no database is named "
                        + "(crmkit creates none in the working directory). Name one: "
                        + "Crm.builder().storage(JpaStorage.h2(Path.of(\"data/crm\")))")
                .hasMessageContaining("Crm.builder().storageProvider(\"jpa\", Map.of(\"path\", \"data/crm\"))")
                .hasMessageContaining("-Dcrmkit.storage.path=data/crm")
                .hasMessageContaining("Crm.builder().storage(new InMemoryStorage())");
        assertThat(workingDirectory.resolve("crmkit-data")).doesNotExist();
        assertThat(workingDirectory.resolve("crm.mv.db")).doesNotExist();
        assertThatThrownBy(() -> Crm.builder().storageProvider("jpa", Map.of()).actor(ACTOR).build())
                .hasMessageStartingWith(JpaStorageProvider.NO_DATABASE);
    }

    @Test
    void theSystemPropertiesNameProviderAndFileAndTheFileIsLoggedWithItsAbsolutePath() throws Exception {
        Path file = TestDatabases.h2File("by-property");
        Properties system = new Properties();
        system.setProperty("crmkit.storage.provider", "JPA");
        system.setProperty("crmkit.storage.path", file.toString());

        String log = stderrOf(() -> {
            try (Storage storage = StorageSelection.select(Optional.empty(), Map.of(), getClass().getClassLoader(), system,
                    () -> {
                        throw new AssertionError("a provider was found");
                    })) {
                assertThat(storage).isInstanceOf(JpaStorage.class);
            }
        });

        assertThat(Path.of(file + ".mv.db")).exists();
        assertThat(log).contains("INFO org.crmkit.jpa.JpaStorageProvider - crmkit keeps its data in the embedded H2 database "
                + file.toAbsolutePath() + ".mv.db (setting path \"" + file + "\")");
    }

    @Test
    void aSettingInCodeWinsOverTheSystemProperty() throws Exception {
        Path inCode = TestDatabases.h2File("in-code");
        Path byProperty = TestDatabases.h2File("by-property-loses");
        Properties system = new Properties();
        system.setProperty("crmkit.storage.path", byProperty.toString());

        stderrOf(() -> StorageSelection.select(Optional.of("jpa"), Map.of("path", inCode.toString()), getClass().getClassLoader(),
                system, () -> null).close());

        assertThat(Path.of(inCode + ".mv.db")).exists();
        assertThat(Path.of(byProperty + ".mv.db")).doesNotExist();
    }

    @Test
    void theBuilderReadsTheJvmsSystemProperties() throws Exception {
        Path file = TestDatabases.h2File("jvm-property");
        System.setProperty("crmkit.storage.path", file.toString());
        try {
            stderrOf(() -> {
                try (Crm crm = Crm.builder().actor(ACTOR).build()) {
                    Client client = crm.clients().register(NewClient.legalEntity("Пайт"));
                    assertThat(crm.clients().find(client.id())).contains(client);
                }
            });
        } finally {
            System.clearProperty("crmkit.storage.path");
        }
        assertThat(Path.of(file + ".mv.db")).exists();
    }

    @Test
    void badLocationsAreRefusedNamingTheSettingAndTheValue() {
        JpaStorageProvider provider = new JpaStorageProvider();
        assertThatThrownBy(() -> provider.create(Map.of("path", " ")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("path");
                    assertThat(e.rejectedValue()).isEqualTo(" ");
                });
        assertThatThrownBy(() -> provider.create(Map.of("path", "data/cr\0m")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("path"));
        assertThatThrownBy(() -> provider.create(Map.of("url", "jdbc:h2:mem:x", "path", "y")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.field()).isEqualTo("url");
                    assertThat(e.getMessage()).isEqualTo("url: \"jdbc:h2:mem:x\" and path (\"y\") both name a database; give one of them");
                });
        assertThatThrownBy(() -> provider.create(Map.of("path", "x", "migrate", "yes")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("migrate"));
        assertThatThrownBy(() -> JpaStorage.h2(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("file: null is required"));
        assertThatThrownBy(() -> JpaStorage.builder().url(null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("url"));
        assertThatThrownBy(() -> JpaStorage.builder().poolSize(0)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.getMessage()).isEqualTo("poolSize: \"0\" must be positive"));
        assertThatThrownBy(() -> Crm.builder().storageProvider("jpa", null)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo("storageSettings"));
        Properties system = new Properties();
        system.setProperty("crmkit.storage.provider", "jdbc");
        assertThatThrownBy(() -> StorageSelection.select(Optional.empty(), Map.of(), getClass().getClassLoader(), system, () -> null))
                .isInstanceOf(CrmException.class).hasMessage("no storage provider named \"jdbc\"; available: jpa");
    }

    /** What {@code action} wrote to standard error (slf4j-simple's target), kept out of the build's output. */
    private static String stderrOf(ThrowingRunnable action) throws Exception {
        PrintStream original = System.err;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** A test step that may throw. */
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
