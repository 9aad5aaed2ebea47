package org.crmkit.jpa;

import org.crmkit.storage.Storage;
import org.crmkit.storage.contract.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JpaPostgresStorageContractTest extends StorageContract {
    private static JpaStorage storage;

    @BeforeAll
    static void open() {
        storage = TestDatabases.postgres();
    }

    @AfterAll
    static void close() {
        storage.close();
    }

    @Override
    protected Storage storage() {
        return storage;
    }
}
