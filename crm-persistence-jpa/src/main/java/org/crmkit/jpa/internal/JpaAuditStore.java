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
import org.crmkit.audit.JournalQuery;
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

/** The AuditStore of a JPA unit of work. */
final class JpaAuditStore implements AuditStore {
    private final JpaStores u;

    JpaAuditStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public void append(List<AuditEntry> entries) {
        u.writing();
        if (!entries.isEmpty()) {
            u.batch(b -> b.audit(u.tenant, entries));
        }
    }

    @Override
    public List<AuditEntry> ofClient(ClientId client) {
        u.checkOpen();
        return u.em.createQuery("SELECT a FROM AuditRow a WHERE a.tenantId = :t AND a.clientId = :c", AuditRow.class)
                .setParameter("t", u.tenant).setParameter("c", client.value()).getResultList().stream()
                .map(Mapping::auditEntry)
                .sorted(AuditEntry.CHRONOLOGICAL)
                .collect(Collectors.toList());
    }

    @Override
    public List<AuditEntry> find(JournalQuery query) {
        u.checkOpen();
        return JournalPages.page(u, query);
    }
}
