package org.crmkit.contract;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.Changes;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The use cases contracts and bank accounts share: a record is seen exactly when its client is and
 * changed when the actor may change the client; each change is journaled under the client with the
 * subject {@code kind:id} and fed; making one record the client's main one clears the former main
 * one in the same unit of work.
 */
final class ClientRecords<I, R extends ClientRecord<I, R>> {
    private final CrmContext context;
    private final String kind;
    private final Class<? extends ClientRecordStore<I, R>> storeType;

    ClientRecords(CrmContext context, String kind, Class<? extends ClientRecordStore<I, R>> storeType) {
        this.context = context;
        this.kind = kind;
        this.storeType = storeType;
    }

    private ClientRecordStore<I, R> store(UnitOfWork work) {
        return work.store(storeType);
    }

    R add(R record) {
        ValidationException.required(record, kind);
        return context.write(work -> {
            requireChangeable(work, record.client());
            if (record.version() != 0) {
                throw new ValidationException("version", record.version(), "must be 0 for a new " + kind);
            }
            ClientRecordStore<I, R> store = store(work);
            if (record.main()) {
                clearMain(work, store, record);
            }
            R stored = store.insert(record);
            work.journal(List.of(new AuditEntry(work.newId(), Optional.of(stored.client()), AuditEntry.subject(kind, stored.id()), "added",
                    Optional.empty(), Optional.of(stored.describe()), work.actor().name(), work.now())));
            work.changed(kind, stored.id(), "added", List.of());
            return stored;
        });
    }

    R update(I id, UnaryOperator<R> change) {
        ValidationException.required(id, "id");
        ValidationException.required(change, "change");
        return context.write(work -> {
            R current = store(work).get(id).orElseThrow(() -> new NotFoundException(kind, id));
            R changed = change.apply(current);
            if (changed == null || !changed.id().equals(id)) {
                throw new ValidationException("id", changed == null ? null : changed.id(), "cannot change: the update is of " + kind + " " + id);
            }
            return saveIn(work, changed);
        });
    }

    R save(R changed) {
        ValidationException.required(changed, kind);
        return context.write(work -> saveIn(work, changed));
    }

    private R saveIn(UnitOfWork work, R changed) {
        ClientRecordStore<I, R> store = store(work);
        R current = store.get(changed.id()).orElseThrow(() -> new NotFoundException(kind, changed.id()));
        requireChangeable(work, current.client());
        if (!current.client().equals(changed.client())) {
            throw new ValidationException("client", changed.client(), "cannot change: a " + kind + " stays with client " + current.client());
        }
        if (current.version() != changed.version()) {
            throw new ConcurrentChangeException(kind, changed.id(), changed.version());
        }
        if (current.equals(changed)) {
            return current;
        }
        if (changed.main() && !current.main()) {
            clearMain(work, store, changed);
        }
        R stored = store.update(changed);
        journal(work, current.auditView(), stored);
        return stored;
    }

    Optional<R> find(I id) {
        ValidationException.required(id, "id");
        return context.read(work -> store(work).get(id).filter(r -> visible(work, r.client())));
    }

    List<R> ofClient(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> {
            if (!visible(work, client)) {
                throw new NotFoundException("client", client);
            }
            return store(work).ofClient(client);
        });
    }

    Optional<R> mainOf(ClientId client) {
        return ofClient(client).stream().filter(ClientRecord::main).findFirst();
    }

    /** The client's former main record, if another, stops being main (journaled like any change). */
    private void clearMain(UnitOfWork work, ClientRecordStore<I, R> store, R newMain) {
        for (R other : store.ofClient(newMain.client())) {
            if (other.main() && !other.id().equals(newMain.id())) {
                journal(work, other.auditView(), store.update(other.withMain(false)));
            }
        }
    }

    private void journal(UnitOfWork work, Map<String, String> before, R after) {
        List<AuditEntry> entries = Changes.between(before, after.auditView(), Optional.of(after.client()),
                AuditEntry.subject(kind, after.id()), work.actor().name(), work.now(), work::newId);
        work.journal(entries);
        work.changed(kind, after.id(), "changed", entries.stream().map(AuditEntry::field).toList());
    }

    /** Whether the actor may see the client: one query with the access policy inside it. */
    static boolean visible(UnitOfWork work, ClientId client) {
        Criterion<ClientCriterion> visible = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
        return work.store(ClientStore.class).count(visible.and(new ClientCriterion.IdIn(Set.of(client)))) > 0;
    }

    /** {@link NotFoundException} unless the actor sees the client; {@link AccessDeniedException} unless they may change it. */
    private void requireChangeable(UnitOfWork work, ClientId client) {
        if (!visible(work, client)) {
            throw new NotFoundException("client", client);
        }
        Criterion<ClientCriterion> changeable = work.context().access().changeable(work.actor(), ClientAccess.CLIENTS);
        if (work.store(ClientStore.class).count(changeable.and(new ClientCriterion.IdIn(Set.of(client)))) == 0) {
            throw new AccessDeniedException(work.actor().toString(), "change the " + kind + "s of client " + client);
        }
    }
}
