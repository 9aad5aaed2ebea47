package org.crmkit.memory;

import org.crmkit.common.ValidationException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.crmkit.audit.AuditStore;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.common.TenantId;
import org.crmkit.deal.DealStore;
import org.crmkit.deal.LostReasonStore;
import org.crmkit.deal.PipelineStore;
import org.crmkit.contract.BankAccountStore;
import org.crmkit.contract.ContractStore;
import org.crmkit.ledger.FactStore;
import org.crmkit.feed.FeedStore;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.ReminderStore;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.storage.Storage;
import org.crmkit.storage.StoreCatalogue;
import org.crmkit.survey.SurveyStore;
import org.crmkit.storage.Stores;

/**
 * Keeps every tenant's records in maps. A unit of work takes the tenant's write lock (reads take
 * the read lock), so units of work of one tenant are serialised and those of different tenants run
 * in parallel. Records are immutable, so the maps can hand them out as they are.
 */
public final class InMemoryStorage implements Storage {
    /** The stores, one line per feature's store. */
    private static final StoreCatalogue<MemoryUnit> STORES = StoreCatalogue.<MemoryUnit>of("InMemoryStorage")
            .add(ClientStore.class, MemoryClientStore::new)
            .add(ContactPersonStore.class, MemoryContactPersonStore::new)
            .add(ClientGroupStore.class, MemoryGroupStore::new)
            .add(RelationshipTypeStore.class, MemoryRelationshipTypeStore::new)
            .add(PropertyDefinitionStore.class, MemoryPropertyStore::new)
            .add(AuditStore.class, MemoryAuditStore::new)
            .add(FeedStore.class, MemoryFeedStore::new)
            .add(DealStore.class, MemoryDealStore::new).add(PipelineStore.class, MemoryPipelineStore::new)
            .add(LostReasonStore.class, MemoryLostReasonStore::new)
            .add(InteractionStore.class, MemoryInteractionStore::new)
            .add(ReminderStore.class, MemoryReminderStore::new)
            .add(ContractStore.class, MemoryContractStore::new)
            .add(BankAccountStore.class, MemoryBankAccountStore::new)
            .add(FactStore.class, MemoryFactStore::new)
            .add(SurveyStore.class, MemorySurveyStore::new)
            .add(org.crmkit.consent.ConsentStore.class, MemoryConsentStore::new)
            .add(org.crmkit.mailing.MailingStore.class, MemoryMailingStore::new)
            .add(org.crmkit.mailing.outbox.OutboxStore.class, MemoryOutboxStore::new)
            .add(org.crmkit.segment.SegmentStore.class, MemorySegmentStore::new)
            .add(org.crmkit.mailing.MailingExclusionStore.class, MemoryMailingExclusionStore::new)
            .add(org.crmkit.mailing.MailingTemplateStore.class, MemoryMailingTemplateStore::new)
            .build();

    private final Map<TenantId, MemoryTenant> tenants = new ConcurrentHashMap<>();

    @Override
    public Set<Class<?>> storeTypes() {
        return STORES.types();
    }

    @Override
    public <T> T inTransaction(TenantId tenant, Function<Stores, T> work) {
        MemoryTenant data = tenant(tenant);
        data.lock.writeLock().lock();
        MemoryUnit unit = new MemoryUnit(data, false, STORES);
        try {
            T result = work.apply(unit);
            unit.commit();
            return result;
        } catch (RuntimeException | Error e) {
            unit.rollback();
            throw e;
        } finally {
            unit.close();
            data.lock.writeLock().unlock();
        }
    }

    @Override
    public <T> T read(TenantId tenant, Function<Stores, T> work) {
        MemoryTenant data = tenant(tenant);
        data.lock.readLock().lock();
        MemoryUnit unit = new MemoryUnit(data, true, STORES);
        try {
            return work.apply(unit);
        } finally {
            unit.close();
            data.lock.readLock().unlock();
        }
    }

    private MemoryTenant tenant(TenantId tenant) {
        return tenants.computeIfAbsent(ValidationException.required(tenant, "tenant"), t -> new MemoryTenant());
    }
}
