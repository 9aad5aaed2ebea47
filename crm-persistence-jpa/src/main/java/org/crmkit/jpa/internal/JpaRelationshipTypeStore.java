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

/** The RelationshipTypeStore of a JPA unit of work. */
final class JpaRelationshipTypeStore implements RelationshipTypeStore {
    private final JpaStores u;

    JpaRelationshipTypeStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public List<RelationshipType> stored() {
        u.checkOpen();
        return u.em.createQuery("SELECT r FROM RelationshipTypeRow r WHERE r.tenantId = :t", RelationshipTypeRow.class)
                .setParameter("t", u.tenant).getResultList().stream().map(Mapping::relationshipType)
                .sorted(Comparator.comparing(t -> t.id().value())).collect(Collectors.toList());
    }

    @Override
    public RelationshipType insert(RelationshipType type) {
        u.writing();
        if (u.em.find(RelationshipTypeRow.class, new Keys.TenantText(u.tenant, type.id().value())) != null) {
            throw new DuplicateException("relationship", type.id().value());
        }
        RelationshipTypeRow row = new RelationshipTypeRow();
        Mapping.fill(row, u.tenant, type);
        u.em.persist(row);
        u.flush("relationship type", type.id(), 0);
        return type.withVersion(row.version);
    }

    @Override
    public RelationshipType update(RelationshipType type) {
        u.writing();
        Keys.TenantText key = new Keys.TenantText(u.tenant, type.id().value());
        RelationshipTypeRow row = u.current(RelationshipTypeRow.class, key, r -> r.version, "relationship type", type.id(), type.version());
        Mapping.fill(row, u.tenant, type);
        u.em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        u.flush("relationship type", type.id(), type.version());
        return type.withVersion(row.version);
    }}
