package org.crmkit.client;

import java.util.Comparator;
import java.util.Optional;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.CleanText;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;

/**
 * A node of the client group tree ("Покупатели и заказчики" › "Оптовые"). The tree never has a
 * cycle: the use case that moves a group checks the new parent's ancestors.
 */
public record ClientGroup(ClientGroupId id, String name, Optional<ClientGroupId> parent, long version) {
    /** The order in which groups are listed: name, then id. */
    public static final Comparator<ClientGroup> BY_NAME =
            Comparator.comparing(ClientGroup::name, SortOrder.TEXT).thenComparing(g -> g.id().value(), SortOrder.UUIDS);

    public ClientGroup {
        ValidationException.required(id, "id");
        ValidationException.required(parent, "parent");
        name = CleanText.require("group.name", name, 150);
        if (parent.filter(id::equals).isPresent()) {
            throw new ValidationException("group.parent", id, "cannot be the group's own parent");
        }
    }

    public static ClientGroup create(ClientGroupId id, String name, ClientGroupId parent) {
        return new ClientGroup(id, name, Optional.ofNullable(parent), 0);
    }

    public ClientGroup rename(String newName) {
        return new ClientGroup(id, newName, parent, version);
    }

    public ClientGroup moveUnder(ClientGroupId newParent) {
        return new ClientGroup(id, name, Optional.ofNullable(newParent), version);
    }

    public ClientGroup withVersion(long storedVersion) {
        return new ClientGroup(id, name, parent, storedVersion);
    }
}
