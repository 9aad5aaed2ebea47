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

/** The ClientGroupStore of a JPA unit of work. */
final class JpaGroupStore implements ClientGroupStore {
    private final JpaStores u;

    JpaGroupStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public Optional<ClientGroup> get(ClientGroupId id) {
        u.checkOpen();
        return Optional.ofNullable(u.em.find(ClientGroupRow.class, new Keys.TenantUuid(u.tenant, id.value()))).map(Mapping::group);
    }

    @Override
    public List<ClientGroup> all() {
        u.checkOpen();
        return u.em.createQuery("SELECT g FROM ClientGroupRow g WHERE g.tenantId = :t", ClientGroupRow.class)
                .setParameter("t", u.tenant).getResultList().stream().map(Mapping::group)
                .sorted(ClientGroup.BY_NAME)
                .collect(Collectors.toList());
    }

    @Override
    public ClientGroup insert(ClientGroup group) {
        u.writing();
        ClientGroupRow row = new ClientGroupRow();
        Mapping.fill(row, u.tenant, group);
        u.em.persist(row);
        u.flush("group", group.id(), 0);
        return group.withVersion(row.version);
    }

    @Override
    public ClientGroup update(ClientGroup group) {
        u.writing();
        Keys.TenantUuid key = new Keys.TenantUuid(u.tenant, group.id().value());
        ClientGroupRow row = u.current(ClientGroupRow.class, key, r -> r.version, "group", group.id(), group.version());
        Mapping.fill(row, u.tenant, group);
        u.em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        u.flush("group", group.id(), group.version());
        return group.withVersion(row.version);
    }}
