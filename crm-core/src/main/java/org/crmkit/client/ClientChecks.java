package org.crmkit.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.Changes;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ValidationException;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyKey;
import org.crmkit.property.PropertyValue;
import org.crmkit.usecase.UnitOfWork;

/** What a client's registration and every change check against the schema, and how a change is journaled. */
final class ClientChecks {
    private ClientChecks() {
    }

    /**
     * Checks what the client refers to: the group exists, the relationship type is active,
     * changed property values belong to defined, applicable properties, required ones are set.
     */
    static void references(Lookups lookups, Client client, Client before) {
        if (before == null || !client.group().equals(before.group())) {
            client.group().ifPresent(lookups::requireGroup);
        }
        if (before == null || !client.relationship().equals(before.relationship())) {
            client.relationship().ifPresent(lookups::activeRelationship);
        }
        List<ClientGroupId> groupPath = lookups.groupPath(client.group());
        Map<PropertyKey, PropertyValue> previous = before == null ? Map.of() : before.properties();
        boolean placementChanged = before == null || before.kind() != client.kind() || !before.group().equals(client.group());
        for (Map.Entry<PropertyKey, PropertyValue> entry : client.properties().entrySet()) {
            boolean changed = !entry.getValue().equals(previous.get(entry.getKey()));
            if (changed || placementChanged) {
                PropertyDefinition definition = lookups.definition(entry.getKey().value());
                if (changed) {
                    definition.check(entry.getValue());
                }
                if (!definition.appliesTo().matches(client.kind(), groupPath)) {
                    throw new ValidationException("properties." + entry.getKey(), definition.display(entry.getValue()),
                            "cannot be set: \"" + definition.label() + "\" does not apply to this client's kind or group");
                }
            }
        }
        for (PropertyDefinition definition : lookups.definitions()) {
            // a property made required later does not block unrelated changes of older clients:
            // it is enforced on registration, on a change of kind or group, and when its value is cleared
            boolean enforced = placementChanged || previous.containsKey(definition.key());
            if (enforced && definition.required() && !definition.archived()
                    && definition.appliesTo().matches(client.kind(), groupPath)
                    && !client.properties().containsKey(definition.key())) {
                throw new ValidationException("properties." + definition.key(), null,
                        "is required: \"" + definition.label() + "\" must be filled in");
            }
        }
    }

    /** The journal lines of a change, with property values as people read them (choice labels, not ids). */
    static List<AuditEntry> changes(UnitOfWork work, Client before, Client after, Lookups lookups) {
        return Changes.between(readable(before, lookups), readable(after, lookups), Optional.of(after.id()), "client",
                work.actor().name(), work.now(), work::newId);
    }

    private static Map<String, String> readable(Client client, Lookups lookups) {
        Map<String, String> view = client.auditView();
        client.properties().forEach((key, value) -> lookups.find(key)
                .ifPresent(definition -> view.put("properties." + key, definition.display(value))));
        return view;
    }
}
