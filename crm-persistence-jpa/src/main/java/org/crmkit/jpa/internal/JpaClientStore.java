package org.crmkit.jpa.internal;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
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
import org.crmkit.client.NameSearch;
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

/** The ClientStore of a JPA unit of work. */
final class JpaClientStore implements ClientStore {
    private final JpaStores u;

    JpaClientStore(JpaStores unit) {
        this.u = unit;
    }

    /** The clients of some client rows, with their contacts and property values (one query per table). */
    private List<Client> clientsOf(List<ClientRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.id).collect(Collectors.toList());
        Map<UUID, List<ClientContactRow>> contacts = u.childRowsOf("crm_client_contact", ids, ResultRows::clientContact).stream()
                .collect(Collectors.groupingBy(r -> r.ownerId));
        Map<UUID, List<PropertyValueRow>> values = u.childRowsOf("crm_client_property", ids, ResultRows::propertyValue).stream()
                .collect(Collectors.groupingBy(r -> r.clientId));
        return rows.stream().map(r -> Mapping.client(r, contacts.getOrDefault(r.id, List.of()), values.getOrDefault(r.id, List.of())))
                .collect(Collectors.toList());
    }

    private JpaStores.Select clientQuery(String select, Criterion<ClientCriterion> criterion, String tail) {
        List<Object> parameters = SqlCriteria.newParameters();
        boolean byId = ClientPages.conjuncts(criterion).stream().anyMatch(ClientPages::selectsIds);
        String sql = select + " FROM " + u.dialect.clientTable(byId) + " WHERE " + SqlCriteria.where(u.tenant, criterion, parameters, u.dialect)
                + tail;
        return new JpaStores.Select(sql, parameters);
    }

    /** What a client's word rows hold of it: its folded short name and its search line (V8), its core and legal form (V9, derived from the name). */
    private static List<Object> wordRowColumns(ClientRow r) {
        return List.of(r.shortKey, Mapping.summary(r));
    }

    /**
     * A page in name order whose criterion requires a name-word prefix, read from the word index
     * first (see {@link ClientPages#wordLedPage}) where the dialect does so; other queries return empty.
     */
    private Optional<JpaStores.Select> wordLedPage(ClientQuery query, String columns) {
        if (!u.dialect.readsNamePagesOffWords() || query.order() != ClientQuery.Order.NAME) {
            // H2 takes the generic path, c.id IN (words) through the id index, and sorts the matches
            return Optional.empty();
        }
        return ledPage(query, columns, ClientCriterion.NameWordStartsWith.class, words -> true, ClientPages::wordLedPage);
    }

    /**
     * A page in code order whose criterion requires a choice, an employee or a linked client at its
     * top level is read from that value's index in code order (see {@link SqlCriteria#valueLedPage});
     * other queries return empty.
     */
    private Optional<JpaStores.Select> valueLedPage(ClientQuery query, String columns) {
        if (query.order() != ClientQuery.Order.CODE) {
            return Optional.empty();
        }
        return ledPage(query, columns, ClientCriterion.PropertyEquals.class, value -> ClientPages.isReference(value.value()),
                ClientPages::valueLedPage);
    }

    /** The SQL of a page read off the index of one top-level part of its criterion, the rest filtering the rows. */
    private interface LedPageSql<P extends ClientCriterion> {
        String sql(String columns, String tenant, P lead, Criterion<ClientCriterion> rest, List<Object> parameters, SqlDialect dialect, long offset,
                   int limit);
    }

    /** The page led by the first top-level part of the query's criterion of the given type that {@code leads} accepts, if any. */
    private <P extends ClientCriterion> Optional<JpaStores.Select> ledPage(ClientQuery query, String columns, Class<P> type, Predicate<P> leads,
                                                                 LedPageSql<P> page) {
        List<Criterion<ClientCriterion>> parts = ClientPages.conjuncts(query.where());
        for (Criterion<ClientCriterion> part : parts) {
            if (type.isInstance(part) && leads.test(type.cast(part))) {
                List<Criterion<ClientCriterion>> rest = new ArrayList<>(parts);
                rest.remove(part);
                List<Object> parameters = SqlCriteria.newParameters();
                String sql = page.sql(columns, u.tenant, type.cast(part), new Criterion.And<>(rest), parameters, u.dialect, query.offset(),
                        query.limit());
                return Optional.of(new JpaStores.Select(sql, parameters));
            }
        }
        return Optional.empty();
    }

    /** What a page of clients reads: which columns of client {@code c}, and how a row becomes a result. */
    private record Columns<R>(String sql, ResultRows.Reader<R> reader) {
    }

    /** Whole client rows, to which {@link #clientsOf} adds the contacts and values. */
    private static final Columns<ClientRow> WHOLE = new Columns<>("c.*", ResultRows::client);
    private static final Columns<ClientSummary> SUMMARY = new Columns<>(ClientPages.SUMMARY_COLUMNS, ResultRows::summary);

    /** The rows of a page of clients, in one statement. */
    private <R> List<R> page(ClientQuery query, Columns<R> columns) {
        Optional<JpaStores.Select> led = wordLedPage(query, columns.sql()).or(() -> valueLedPage(query, columns.sql()));
        if (led.isPresent()) {
            return u.select(led.get(), columns.reader());
        }
        // both columns sort by code point: COLLATE "C" in the PostgreSQL schema, H2's default
        String order = u.dialect.orderLead(ClientPages.selective(query.where()))
                + (query.order() == ClientQuery.Order.CODE ? "c.code" : "c.short_key");
        String page = " ORDER BY " + order + ", c.id OFFSET " + query.offset() + " ROWS FETCH NEXT " + query.limit() + " ROWS ONLY";
        boolean fence = u.dialect.fencesFragmentSearches() && ClientPages.searchesFragments(query.where());
        JpaStores.Select rows = fence
                ? clientQuery("SELECT " + columns.sql() + " FROM (SELECT c.*", query.where(), " OFFSET 0) c" + page)
                : clientQuery("SELECT " + columns.sql(), query.where(), page);
        return u.select(rows, columns.reader());
    }

    @Override
    public Optional<Client> get(ClientId id) {
        u.checkOpen();
        if (!u.readOnly) {
            // a writing unit reads a client mostly to change it: as a managed row, update() finds it without a query
            ClientRow row = u.em.find(ClientRow.class, new Keys.TenantUuid(u.tenant, id.value()));
            return row == null ? Optional.empty() : Optional.of(clientsOf(List.of(row)).get(0));
        }
        List<Object> parameters = SqlCriteria.newParameters();
        parameters.add(u.tenant);
        parameters.add(id.value());
        List<ClientRow> rows = u.select(new JpaStores.Select("SELECT * FROM crm_client WHERE tenant_id = ?1 AND id = ?2", parameters),
                ResultRows::client);
        return rows.isEmpty() ? Optional.empty() : Optional.of(clientsOf(rows).get(0));
    }

    @Override
    public List<Client> find(ClientQuery query) {
        u.checkOpen();
        return clientsOf(page(query, WHOLE));
    }

    @Override
    public List<ClientSummary> summaries(ClientQuery query) {
        u.checkOpen();
        return page(query, SUMMARY);
    }

    /** The name part of a quick search, planned by {@link NameSearchSql}: tiers 0–1, 2, 3, each while the page has room. */
    @Override
    public List<ClientSummary> searchNames(NameSearch search, Criterion<ClientCriterion> within, int limit) {
        u.checkOpen();
        NameSearchSql sql = new NameSearchSql(u.tenant, u.dialect, search);
        List<ClientSummary> found = new ArrayList<>(u.select(sql.starts(within, limit), ResultRows::summary));
        if (found.size() < limit) {
            found.addAll(u.select(sql.words(within, limit - found.size()), ResultRows::summary));
        }
        if (found.size() < limit) {
            found.addAll(u.select(sql.contains(within, limit - found.size()), ResultRows::summary));
        }
        return List.copyOf(found);
    }

    /** The ids alone, in one statement over an array of the ids ({@link SqlDialect#idsAmong}). */
    @Override
    public Set<ClientId> existing(Collection<ClientId> ids) {
        u.checkOpen();
        Set<UUID> asked = new HashSet<>();
        ids.forEach(id -> asked.add(id.value()));
        Set<ClientId> found = new HashSet<>();
        u.idsAmong("crm_client", asked).forEach(id -> found.add(new ClientId(id)));
        return found;
    }

    @Override
    public List<Client> findAfter(Criterion<ClientCriterion> where, Optional<ClientId> after, int limit) {
        u.checkOpen();
        List<Object> parameters = SqlCriteria.newParameters();
        StringBuilder sql = new StringBuilder("SELECT c.* FROM crm_client c WHERE ")
                .append(SqlCriteria.where(u.tenant, where, parameters, u.dialect));
        if (after.isPresent()) {
            parameters.add(after.get().value());
            sql.append(" AND c.id > ?").append(parameters.size());
        }
        // keyset: the primary key (tenant_id, id) read in order from the cursor on; the ORDER BY names
        // its first column too, since H2 reads an index in order only then
        sql.append(" ORDER BY c.tenant_id, c.id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return clientsOf(u.select(new JpaStores.Select(sql.toString(), parameters), ResultRows::client));
    }

    @Override
    public long count(Criterion<ClientCriterion> criterion) {
        u.checkOpen();
        List<Criterion<ClientCriterion>> parts = ClientPages.conjuncts(criterion).stream()
                .filter(p -> !(p instanceof Criterion.All)).collect(Collectors.toList());
        if (parts.size() == 1 && parts.get(0) instanceof ClientCriterion.PropertyEquals) {
            // a value row belongs to a stored client and no client holds one value twice: counting rows counts clients
            List<Object> parameters = SqlCriteria.newParameters();
            String sql = SqlCriteria.propertyCount(u.tenant, (ClientCriterion.PropertyEquals) parts.get(0), parameters, u.dialect);
            return u.select(new JpaStores.Select(sql, parameters), rs -> rs.getLong(1)).get(0);
        }
        return u.select(clientQuery("SELECT COUNT(*)", criterion, ""), rs -> rs.getLong(1)).get(0);
    }

    @Override
    public Client insert(Client client) {
        return insertAll(List.of(client)).get(0);
    }

    @Override
    public List<Client> insertAll(List<Client> clients) {
        u.writing();
        for (Client c : clients) {
            if (c.version() != 0) {
                throw new CrmException("client " + c.id() + " has version " + c.version() + "; insert only new clients");
            }
        }
        requireFreeCodes(clients.stream().map(c -> c.code().value()).collect(Collectors.toList()));
        u.batch(b -> b.clients(u.tenant, clients));
        return clients.stream().map(c -> c.withVersion(1)).collect(Collectors.toList());
    }

    @Override
    public Client update(Client client) {
        u.writing();
        ClientRow row = u.current(ClientRow.class, new Keys.TenantUuid(u.tenant, client.id().value()), r -> r.version,
                "client", client.id(), client.version());
        row.version = u.bumpVersion("crm_client", client.id().value(), client.version(), "client", client.id());
        if (!row.code.equals(client.code().value())) {
            requireFreeCodes(List.of(client.code().value()));
        }
        String formerKey = row.shortKey;
        List<Object> formerWordRow = wordRowColumns(row);
        Mapping.fill(row, u.tenant, client);
        UUID id = client.id().value();
        if (!formerWordRow.equals(wordRowColumns(row))) {
            u.batch(b -> {
                b.forgetNameWords(new BatchInserts.NamedClient(u.tenant, id, formerKey));
                b.wordRows(List.of(row));
            });
        }
        u.sync(u.rowsOf(ClientContactRow.class, "ownerId", List.of(id)),
                Mapping.contactRows(u.tenant, id, client.contacts(), ClientContactRow::new),
                r -> r.position, JpaStores::copyContact);
        u.sync(u.rowsOf(PropertyValueRow.class, "clientId", List.of(id)), Mapping.valueRows(u.tenant, id, client.code(), client.properties()),
                r -> r.propertyKey + "#" + r.seq, JpaStores::copyValue);
        u.flush("client", client.id(), client.version());
        JpaConsentStore.refreshOnCard(u, id, Optional.empty());
        return client.withVersion(row.version);
    }

    private void requireFreeCodes(List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (String code : codes) {
            if (!seen.add(code)) {
                throw new DuplicateException("code", code);
            }
        }
        for (int from = 0; from < codes.size(); from += JpaStores.IN_CHUNK) {
            List<Object> parameters = new ArrayList<>();
            String owned = u.tenantKeysIn("code", codes.subList(from, Math.min(codes.size(), from + JpaStores.IN_CHUNK)), parameters);
            List<?> taken = u.nativeQuery("SELECT code FROM crm_client WHERE " + owned + " FETCH FIRST 1 ROWS ONLY", parameters, null)
                    .getResultList();
            if (!taken.isEmpty()) {
                throw new DuplicateException("code", String.valueOf(taken.get(0)));
            }
        }
    }

    @Override
    public long reserveCodeNumbers(int count) {
        u.writing();
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
        return CodeCounter.reserve(u.factory, u.tenant, count);
    }}
