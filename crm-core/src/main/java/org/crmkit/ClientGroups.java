package org.crmkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.ClientGroup;
import org.crmkit.common.Actor;
import org.crmkit.common.ActorSource;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Stores;

/** The client group tree of the tenant: create, rename, move (never into its own subtree), list. */
public final class ClientGroups {
    private final Wiring rt;
    private final ActorSource actors;

    ClientGroups(Wiring rt, ActorSource actors) {
        this.rt = rt;
        this.actors = actors;
    }

    /** The actor of this call, asked anew each time: a use-case object may be kept and shared. */
    private Actor actor() {
        return actors.current();
    }

    /** A new group under {@code parent} ({@code null} for a top-level group). */
    public ClientGroup create(String name, ClientGroupId parent) {
        return rt.write(actor(), (stores, events) -> {
            if (parent != null) {
                require(stores, parent);
            }
            return stores.groups().insert(ClientGroup.create(new ClientGroupId(rt.ids.next()), name, parent));
        });
    }

    public ClientGroup rename(ClientGroupId id, String name) {
        return rt.write(actor(), (stores, events) -> stores.groups().update(require(stores, id).rename(name)));
    }

    /** Moves a group under a new parent; a parent inside the group's own subtree is refused. */
    public ClientGroup move(ClientGroupId id, ClientGroupId newParent) {
        return rt.write(actor(), (stores, events) -> {
            ClientGroup group = require(stores, id);
            if (newParent != null) {
                require(stores, newParent);
            }
            if (newParent != null && path(stores, Optional.of(newParent)).contains(id)) {
                throw new ValidationException("group.parent", newParent, "is inside the group being moved; groups cannot form a cycle");
            }
            return stores.groups().update(group.moveUnder(newParent));
        });
    }

    public List<ClientGroup> all() {
        return rt.read(actor(), stores -> stores.groups().all());
    }

    /** The group and all groups below it. */
    public Set<ClientGroupId> subtree(ClientGroupId id) {
        return rt.read(actor(), stores -> {
            require(stores, id);
            List<ClientGroup> all = stores.groups().all();
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

    private static ClientGroup require(Stores stores, ClientGroupId id) {
        return stores.groups().get(id).orElseThrow(() -> new NotFoundException("client group", id));
    }

    /** The group and its ancestors, nearest first; empty for no group. */
    static List<ClientGroupId> path(Stores stores, Optional<ClientGroupId> group) {
        List<ClientGroupId> path = new ArrayList<>();
        Optional<ClientGroupId> next = group;
        while (next.isPresent() && !path.contains(next.get())) {
            path.add(next.get());
            next = stores.groups().get(next.get()).flatMap(ClientGroup::parent);
        }
        return path;
    }
}
