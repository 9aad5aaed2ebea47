package org.crmkit.client;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.util.function.Function;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Stores;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The client group tree of the tenant: create, rename, move (never into its own subtree), list.
 * A {@code null} parent means the top of the tree; any other {@code null} is refused with a
 * {@link org.crmkit.common.ValidationException} naming the field.
 */
public final class ClientGroups {
    /** The record kind of groups in the change feed, and their administration area. */
    static final String KIND = "client-group";

    private final CrmContext context;

    public ClientGroups(CrmContext context) {
        this.context = context;
    }

    /** A new group under {@code parent} ({@code null} for a top-level group). */
    public ClientGroup create(String name, ClientGroupId parent) {
        return administer(work -> {
            if (parent != null) {
                require(work.stores(), parent);
            }
            ClientGroup created = work.stores().get(ClientGroupStore.class).insert(ClientGroup.create(new ClientGroupId(work.newId()), name, parent));
            return changed(work, Optional.empty(), created, "created");
        });
    }

    public ClientGroup rename(ClientGroupId id, String name) {
        ValidationException.required(id, "id");
        return administer(work -> {
            ClientGroup group = require(work.stores(), id);
            return changed(work, Optional.of(group), work.stores().get(ClientGroupStore.class).update(group.rename(name)), "renamed");
        });
    }

    /** Moves a group under a new parent; a parent inside the group's own subtree is refused. */
    public ClientGroup move(ClientGroupId id, ClientGroupId newParent) {
        ValidationException.required(id, "id");
        return administer(work -> {
            Stores stores = work.stores();
            ClientGroup group = require(stores, id);
            if (newParent != null) {
                require(stores, newParent);
            }
            if (newParent != null && path(stores, Optional.of(newParent)).contains(id)) {
                throw new ValidationException("group.parent", newParent, "is inside the group being moved; groups cannot form a cycle");
            }
            return changed(work, Optional.of(group), stores.get(ClientGroupStore.class).update(group.moveUnder(newParent)), "moved");
        });
    }

    public List<ClientGroup> all() {
        return context.read(work -> work.stores().get(ClientGroupStore.class).all());
    }

    /** The group and all groups below it. */
    public Set<ClientGroupId> subtree(ClientGroupId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            Stores stores = work.stores();
            require(stores, id);
            List<ClientGroup> all = stores.get(ClientGroupStore.class).all();
            Set<ClientGroupId> found = new HashSet<>(Set.of(id));
            boolean grew = true;
            while (grew) {
                grew = false;
                for (ClientGroup g : all) {
                    if (g.parent().filter(found::contains).isPresent() && found.add(g.id())) {
                        grew = true;
                    }
                }
            }
            return found;
        });
    }

    private <T> T administer(Function<UnitOfWork, T> change) {
        return context.write(work -> {
            ClientAccess.requireAdministration(work, KIND);
            return change.apply(work);
        });
    }

    /** Journals and feeds the change from {@code before} (empty when created) to {@code after}. */
    private static ClientGroup changed(UnitOfWork work, Optional<ClientGroup> before, ClientGroup after, String change) {
        work.administered(KIND, after.id(), change, before.map(g -> view(work.stores(), g)).orElse(Map.of()), view(work.stores(), after));
        return after;
    }

    /** The group as the journal shows it: its name and its parent's name. */
    private static Map<String, String> view(Stores stores, ClientGroup group) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("name", group.name());
        group.parent().ifPresent(parent -> view.put("parent",
                stores.get(ClientGroupStore.class).get(parent).map(ClientGroup::name).orElse(parent.toString())));
        return view;
    }

    /** The group's change journal, oldest first. */
    public List<AuditEntry> history(ClientGroupId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            require(work.stores(), id);
            return work.stores().get(AuditStore.class).ofSubject(AuditEntry.subject(KIND, id));
        });
    }

    private static ClientGroup require(Stores stores, ClientGroupId id) {
        return stores.get(ClientGroupStore.class).get(id).orElseThrow(() -> new NotFoundException("client group", id));
    }

    /** The group and its ancestors, nearest first; empty for no group. */
    static List<ClientGroupId> path(Stores stores, Optional<ClientGroupId> group) {
        List<ClientGroupId> path = new ArrayList<>();
        Optional<ClientGroupId> next = group;
        while (next.isPresent() && !path.contains(next.get())) {
            path.add(next.get());
            next = stores.get(ClientGroupStore.class).get(next.get()).flatMap(ClientGroup::parent);
        }
        return path;
    }
}
