package org.crmkit.memory;

import org.crmkit.storage.Storage;
import org.crmkit.storage.contract.StorageContract;

class InMemoryStorageContractTest extends StorageContract {
    private final Storage storage = new InMemoryStorage();

    @Override
    protected Storage storage() {
        return storage;
    }
}
