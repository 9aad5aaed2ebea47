package org.crmkit.property;

import org.crmkit.common.ValidationException;
import java.util.Collection;
import java.util.Set;

import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientKind;

/**
 * Which clients a property applies to: those of the given kinds (all kinds when empty) that are in
 * one of the given groups or their subgroups (all groups when empty).
 */
public record AppliesTo(Set<ClientKind> kinds, Set<ClientGroupId> groups) {
    public static final AppliesTo ALL = new AppliesTo(Set.of(), Set.of());

    public AppliesTo {
        kinds = Set.copyOf(ValidationException.requiredElements(kinds, "appliesTo.kinds"));
        groups = Set.copyOf(ValidationException.requiredElements(groups, "appliesTo.groups"));
    }

    public static AppliesTo kinds(ClientKind... kinds) {
        return new AppliesTo(Set.copyOf(ValidationException.requiredElements("appliesTo.kinds", kinds)), Set.of());
    }

    public static AppliesTo groups(ClientGroupId... groups) {
        return new AppliesTo(Set.of(), Set.copyOf(ValidationException.requiredElements("appliesTo.groups", groups)));
    }

    /**
     * @param groupPath the client's group and all its ancestors (empty when the client has no group)
     */
    public boolean matches(ClientKind kind, Collection<ClientGroupId> groupPath) {
        boolean kindMatches = kinds.isEmpty() || kinds.contains(kind);
        boolean groupMatches = groups.isEmpty() || groupPath.stream().anyMatch(groups::contains);
        return kindMatches && groupMatches;
    }
}
