package org.crmkit.jpa;

import org.crmkit.storage.Storage;
import org.crmkit.storage.contract.StorageContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JpaH2StorageContractTest extends StorageContract {
    private static JpaStorage storage;

    @BeforeAll
    static void open() {
        storage = TestDatabases.h2("contract");
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
