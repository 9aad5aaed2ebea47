package org.crmkit.jpa.internal;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.Table;
import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.client.Client;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientGroup;
import org.crmkit.client.ClientGroupStore;
import org.crmkit.client.ClientQuery;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ClientSummary;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.RelationshipType;
import org.crmkit.client.RelationshipTypeStore;
import org.crmkit.common.ClientGroupId;
import org.crmkit.common.ClientId;
import org.crmkit.criteria.Criterion;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;
import org.crmkit.storage.Stores;

/** The PropertyDefinitionStore of a JPA unit of work. */
final class JpaPropertyStore implements PropertyDefinitionStore {
    private final JpaStores u;

    JpaPropertyStore(JpaStores unit) {
        this.u = unit;
    }

    private List<ChoiceRow> choices(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return u.em.createQuery("SELECT c FROM ChoiceRow c WHERE c.tenantId = :t AND c.propertyKey IN :keys", ChoiceRow.class)
                .setParameter("t", u.tenant).setParameter("keys", keys).getResultList();
    }

    private List<PropertyDefinition> definitions(List<PropertyRow> rows) {
        Map<String, List<ChoiceRow>> byKey = new HashMap<>(choices(rows.stream().map(r -> r.id).collect(Collectors.toList()))
                .stream().collect(Collectors.groupingBy(c -> c.propertyKey)));
        return rows.stream().map(r -> Mapping.definition(r, byKey.getOrDefault(r.id, List.of())))
                .sorted(Comparator.comparing(PropertyDefinition::key)).collect(Collectors.toList());
    }

    @Override
    public Optional<PropertyDefinition> get(PropertyKey key) {
        u.checkOpen();
        PropertyRow row = u.em.find(PropertyRow.class, new Keys.TenantText(u.tenant, key.value()));
        return row == null ? Optional.empty() : Optional.of(definitions(List.of(row)).get(0));
    }

    @Override
    public List<PropertyDefinition> all() {
        u.checkOpen();
        return definitions(u.em.createQuery("SELECT p FROM PropertyRow p WHERE p.tenantId = :t", PropertyRow.class)
                .setParameter("t", u.tenant).getResultList());
    }

    @Override
    public PropertyDefinition insert(PropertyDefinition definition) {
        u.writing();
        if (u.em.find(PropertyRow.class, new Keys.TenantText(u.tenant, definition.key().value())) != null) {
            throw new DuplicateException("property.key", definition.key().value());
        }
        PropertyRow row = new PropertyRow();
        Mapping.fill(row, u.tenant, definition);
        u.em.persist(row);
        u.flush("property", definition.key(), 0);
        Mapping.choiceRows(u.tenant, definition).forEach(u.em::persist);
        u.flush("property", definition.key(), 0);
        return definition.withVersion(row.version);
    }

    @Override
    public PropertyDefinition update(PropertyDefinition definition) {
        u.writing();
        Keys.TenantText key = new Keys.TenantText(u.tenant, definition.key().value());
        PropertyRow row = u.current(PropertyRow.class, key, r -> r.version, "property", definition.key(), definition.version());
        Mapping.fill(row, u.tenant, definition);
        u.sync(choices(List.of(definition.key().value())), Mapping.choiceRows(u.tenant, definition), c -> c.position, (from, to) -> {
            to.choiceId = from.choiceId;
            to.label = from.label;
            to.retired = from.retired;
        });
        u.em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        u.flush("property", definition.key(), definition.version());
        return definition.withVersion(row.version);
    }}
