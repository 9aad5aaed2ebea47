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
    void aBrokenProviderIsReportedAndSkipped() throws IOException {
        ClassLoader loader = withProviders("org.crmkit.NoSuchProvider", TestProviders.Alpha.class.getName());
        Storage storage = StorageSelection.select(Optional.empty(), Map.of(), loader);
        assertThat(((TestProviders.Named) storage).name()).isEqualTo("alpha");
    }

    @Test
    void anExplicitStorageWinsOverDiscovery() {
        InMemoryStorage explicit = new InMemoryStorage();
        Crm crm = Crm.builder().storage(explicit).storageProvider("nothing-like-this", Map.of()).build();
        assertThat(crm.clients().register(NewClient.legalEntity("Пайт")).version()).isEqualTo(1);
    }
}
