package org.crmkit;

import org.crmkit.client.NewClient;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.crmkit.common.CrmException;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StorageProvider;
import org.crmkit.storage.StorageSelection;
import org.crmkit.memory.InMemoryStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageSelectionTest {
    @TempDir
    Path dir;

    private ClassLoader withProviders(String... classNames) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve("org.crmkit.storage.StorageProvider"), String.join("\n", classNames) + "\n");
        return new URLClassLoader(new URL[]{dir.toUri().toURL()}, getClass().getClassLoader());
    }

    @Test
    void noProviderMeansTheInMemoryStorage() throws IOException {
        assertThat(StorageSelection.select(Optional.empty(), Map.of(), withProviders(), InMemoryStorage::new)).isInstanceOf(InMemoryStorage.class);
    }

    @Test
    void aSingleProviderIsUsedWithItsSettings() throws IOException {
        Storage storage = StorageSelection.select(Optional.empty(), Map.of("path", "x"), withProviders(TestProviders.Alpha.class.getName()));
        assertThat(storage).isInstanceOf(TestProviders.Named.class);
        assertThat(((TestProviders.Named) storage).name()).isEqualTo("alpha");
        assertThat(((TestProviders.Named) storage).settings()).containsEntry("path", "x");
    }

    @Test
    void severalProvidersWithoutANameIsAnErrorListingThem() throws IOException {
        ClassLoader loader = withProviders(TestProviders.Alpha.class.getName(), TestProviders.Beta.class.getName());
        assertThatThrownBy(() -> StorageSelection.select(Optional.empty(), Map.of(), loader))
                .isInstanceOf(CrmException.class).hasMessageContaining("alpha").hasMessageContaining("beta");
        Storage chosen = StorageSelection.select(Optional.of("beta"), Map.of(), loader);
        assertThat(((TestProviders.Named) chosen).name()).isEqualTo("beta");
        assertThatThrownBy(() -> StorageSelection.select(Optional.of("gamma"), Map.of(), loader))
                .hasMessageContaining("gamma").hasMessageContaining("alpha, beta");
    }

    @Test
    void theSystemPropertiesNameTheProviderAndGiveSettingsUnderThoseInCode() throws IOException {
        ClassLoader loader = withProviders(TestProviders.Alpha.class.getName(), TestProviders.Beta.class.getName());
        java.util.Properties system = new java.util.Properties();
        system.setProperty("crmkit.storage.provider", "beta");
        system.setProperty("crmkit.storage.path", "from-property");
        system.setProperty("crmkit.storage.user", "sa");
        system.setProperty("crmkit.other", "not a storage setting");

        TestProviders.Named chosen = (TestProviders.Named) StorageSelection.select(Optional.empty(), Map.of("path", "in-code"),
                loader, system, InMemoryStorage::new);

        assertThat(chosen.name()).isEqualTo("beta");
        assertThat(chosen.settings()).isEqualTo(Map.of("path", "in-code", "user", "sa"));
        TestProviders.Named named = (TestProviders.Named) StorageSelection.select(Optional.of("alpha"), Map.of(), loader, system,
                InMemoryStorage::new);
        assertThat(named.name()).as("a name in code wins over the property").isEqualTo("alpha");
        assertThat(named.settings()).containsEntry("path", "from-property");
        system.setProperty("crmkit.storage.provider", "gamma");
        assertThatThrownBy(() -> StorageSelection.select(Optional.empty(), Map.of(), withProviders(), system, InMemoryStorage::new))
                .isInstanceOf(CrmException.class).hasMessage("no storage provider named \"gamma\"; available: (none)");
    }

    @Test
    void aProviderIsChosenByNameIgnoringCase() throws IOException {
        ClassLoader loader = withProviders(TestProviders.Alpha.class.getName(), TestProviders.Beta.class.getName());

        assertThat(((TestProviders.Named) StorageSelection.select(Optional.of("BETA"), Map.of(), loader)).name()).isEqualTo("beta");
        assertThat(((TestProviders.Named) StorageSelection.select(Optional.of(" Alpha "), Map.of(), loader)).name()).isEqualTo("alpha");
    }

    @Test
    void twoProvidersWithOneNameAreAnErrorNamingBothClasses() throws IOException {
        ClassLoader loader = withProviders(TestProviders.Alpha.class.getName(), ShoutingAlpha.class.getName(),
                TestProviders.Beta.class.getName());

        assertThatThrownBy(() -> StorageSelection.select(Optional.of("alpha"), Map.of(), loader))
                .isInstanceOf(CrmException.class)
                .hasMessageContaining(TestProviders.Alpha.class.getName())
                .hasMessageContaining(ShoutingAlpha.class.getName());
        assertThat(((TestProviders.Named) StorageSelection.select(Optional.of("beta"), Map.of(), loader)).name()).isEqualTo("beta");
    }

    @Test
    void aBlankNameIsAnError() throws IOException {
        ClassLoader loader = withProviders(TestProviders.Alpha.class.getName());

        assertThatThrownBy(() -> StorageSelection.select(Optional.of(" "), Map.of(), loader))
                .isInstanceOf(CrmException.class).hasMessage("storage provider name must not be blank, got \" \"");
    }

    @Test
    void aNamedProviderMustBeThereEvenWhenNoneIsFound() throws IOException {
        assertThatThrownBy(() -> StorageSelection.select(Optional.of("jpa"), Map.of(), withProviders()))
                .isInstanceOf(CrmException.class).hasMessage("no storage provider named \"jpa\"; available: (none)");
    }

    @Test
    void aBrokenProviderIsReportedAndSkipped() throws IOException {
        ClassLoader loader = withProviders("org.crmkit.NoSuchProvider", Nameless.class.getName(), TestProviders.Alpha.class.getName());
        Storage storage = StorageSelection.select(Optional.empty(), Map.of(), loader);
        assertThat(((TestProviders.Named) storage).name()).isEqualTo("alpha");
    }

    @Test
    void anExplicitStorageWinsOverDiscovery() {
        InMemoryStorage explicit = new InMemoryStorage();
        Crm crm = Crm.builder().storage(explicit).storageProvider("nothing-like-this", Map.of()).build();
        assertThat(crm.clients().register(NewClient.legalEntity("Пайт")).version()).isEqualTo(1);
    }

    /** A provider with a fixed name whose storages are plain in-memory ones. */
    public abstract static class FixedName implements StorageProvider {
        private final String name;

        FixedName(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Storage create(Map<String, String> settings) {
            return new InMemoryStorage();
        }
    }

    /** A second provider answering to "alpha", differing only in case. */
    public static final class ShoutingAlpha extends FixedName {
        public ShoutingAlpha() {
            super("ALPHA");
        }
    }

    /** A provider that cannot say its name. */
    public static final class Nameless extends FixedName {
        public Nameless() {
            super(" ");
        }
    }
}
