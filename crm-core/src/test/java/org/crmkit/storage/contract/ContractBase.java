package org.crmkit.storage.contract;

import java.util.UUID;

import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.common.IdGenerator;
import org.crmkit.common.TenantId;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.storage.Storage;
import org.junit.jupiter.api.BeforeEach;

/** What every part of the store kit shares: the storage under test and a tenant of each test's own. */
abstract class ContractBase {
    /** The storage under test; may be shared by all tests of the class. */
    protected abstract Storage storage();

    final IdGenerator ids = IdGenerator.timeOrdered(java.time.Clock.systemUTC());
    protected TenantId tenant;

    @BeforeEach
    void freshTenant() {
        tenant = newTenant();
    }

    static TenantId newTenant() {
        return TenantId.of("t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    }

    ClientId newClientId() {
        return new ClientId(ids.next());
    }

    ClientGroupId storeGroup(TenantId in, String name) {
        return storage().inTransaction(in, s -> s.get(ClientGroupStore.class).insert(ClientGroup.create(new ClientGroupId(ids.next()), name, null))).id();
    }

    void storeDefinitions(TenantId in) {
        storage().inTransaction(in, s -> {
            ClientSamples.definitions().forEach(d -> s.get(PropertyDefinitionStore.class).insert(d));
            return null;
        });
    }
}
