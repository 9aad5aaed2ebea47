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

/** The ContactPersonStore of a JPA unit of work. */
final class JpaContactPersonStore implements ContactPersonStore {
    private final JpaStores u;

    JpaContactPersonStore(JpaStores unit) {
        this.u = unit;
    }

    private List<ContactPerson> personsOf(List<ContactPersonRow> rows) {
        Map<UUID, List<PersonContactRow>> contacts = u.rowsOf(PersonContactRow.class, "ownerId",
                rows.stream().map(r -> r.id).collect(Collectors.toList())).stream().collect(Collectors.groupingBy(r -> r.ownerId));
        return rows.stream().map(r -> Mapping.person(r, contacts.getOrDefault(r.id, List.of()))).collect(Collectors.toList());
    }

    @Override
    public Optional<ContactPerson> get(ContactPersonId id) {
        u.checkOpen();
        ContactPersonRow row = u.em.find(ContactPersonRow.class, new Keys.TenantUuid(u.tenant, id.value()));
        return row == null ? Optional.empty() : Optional.of(personsOf(List.of(row)).get(0));
    }

    @Override
    public List<ContactPerson> ofClient(ClientId client) {
        u.checkOpen();
        List<ContactPersonRow> rows = u.em.createQuery("SELECT p FROM ContactPersonRow p WHERE p.tenantId = :t AND p.clientId = :c",
                ContactPersonRow.class).setParameter("t", u.tenant).setParameter("c", client.value()).getResultList();
        return personsOf(rows).stream().sorted(ContactPerson.BY_NAME).collect(Collectors.toList());
    }

    /** One statement for the persons and one for their contacts, per 500 clients. */
    @Override
    public Map<ClientId, List<ContactPerson>> ofClients(java.util.Collection<ClientId> clients) {
        u.checkOpen();
        List<UUID> ids = clients.stream().map(ClientId::value).distinct().collect(Collectors.toList());
        Map<ClientId, List<ContactPerson>> found = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<ContactPersonRow> rows = u.em.createQuery("SELECT p FROM ContactPersonRow p WHERE p.tenantId = :t AND p.clientId IN :c",
                    ContactPersonRow.class).setParameter("t", u.tenant).setParameter("c", chunk).getResultList();
            personsOf(rows).forEach(p -> found.computeIfAbsent(p.client(), c -> new ArrayList<>()).add(p));
        }
        found.values().forEach(list -> list.sort(ContactPerson.BY_NAME));
        return found;
    }

    @Override
    public ContactPerson insert(ContactPerson person) {
        return insertAll(List.of(person)).get(0);
    }

    @Override
    public List<ContactPerson> insertAll(List<ContactPerson> persons) {
        u.writing();
        u.batch(b -> b.persons(u.tenant, persons));
        return persons.stream().map(p -> p.withVersion(1)).collect(Collectors.toList());
    }

    @Override
    public ContactPerson update(ContactPerson person) {
        u.writing();
        ContactPersonRow row = u.current(ContactPersonRow.class, new Keys.TenantUuid(u.tenant, person.id().value()),
                r -> r.version, "contact person", person.id(), person.version());
        row.version = u.bumpVersion("crm_contact_person", person.id().value(), person.version(), "contact person", person.id());
        Mapping.fill(row, u.tenant, person);
        UUID id = person.id().value();
        u.sync(u.rowsOf(PersonContactRow.class, "ownerId", List.of(id)),
                Mapping.contactRows(u.tenant, id, person.contacts(), PersonContactRow::new), r -> r.position, JpaStores::copyContact);
        u.flush("contact person", person.id(), person.version());
        JpaConsentStore.refreshOnCard(u, person.client().value(), Optional.of(id));
        return person.withVersion(row.version);
    }}
