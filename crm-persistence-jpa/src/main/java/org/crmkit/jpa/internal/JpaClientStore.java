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
        // H2 uses an IN (…) condition only on an index's first column: see ClientPages.selectsIds
        boolean byId = !u.postgres && ClientPages.conjuncts(criterion).stream().anyMatch(ClientPages::selectsIds);
        String sql = select + " FROM crm_client c" + (byId ? " USE INDEX (crm_client_id_ix)" : "") + " WHERE "
                + SqlCriteria.where(u.tenant, criterion, parameters, u.postgres) + tail;
        return new JpaStores.Select(sql, parameters);
    }

    /** What a client's word rows hold of it: its folded short name and its search line (V8). */
    private static List<Object> wordRowColumns(ClientRow r) {
        return List.of(r.shortKey, Mapping.summary(r));
    }

    /**
     * A page in word order (see {@link ClientQuery.Order#WORD}): rows straight off the word index,
     * a client kept at its first (smallest) matching word. Asks for a few rows more than the page
     * needs and, in the rare case that clients with several matching words left it short, again for
     * twice as many.
     */
    private <R> List<R> wordOrderedPage(ClientQuery query, Columns<R> columns) {
        ClientCriterion.NameWordStartsWith words = query.leadingWords().orElseThrow();
        List<Criterion<ClientCriterion>> rest = new ArrayList<>(ClientPages.conjuncts(query.where()));
        rest.remove(words);
        long needed = (long) query.offset() + query.limit();
        for (long rows = needed + 16; ; rows *= 2) {
            List<Object> parameters = SqlCriteria.newParameters();
            String sql = ClientPages.wordOrderedRows(columns.sql(), columns.wordSql(), u.tenant, words, new Criterion.And<>(rest),
                    parameters, u.postgres, rows);
            List<R> found = u.select(new JpaStores.Select(sql, parameters), columns.reader());
            Map<UUID, R> distinct = new LinkedHashMap<>();
            found.forEach(r -> distinct.putIfAbsent(columns.id().apply(r), r));
            if (distinct.size() >= needed || found.size() < rows) {
                return distinct.values().stream().skip(query.offset()).limit(query.limit()).collect(Collectors.toUnmodifiableList());
            }
        }
    }

    /**
     * On PostgreSQL, a page in name order whose criterion requires a name-word prefix is read from
     * the word index first (see {@link SqlCriteria#wordLedPage}); other queries return empty.
     */
    private Optional<JpaStores.Select> wordLedPage(ClientQuery query, String columns) {
        if (!u.postgres || query.order() != ClientQuery.Order.NAME) {
            // H2 would run the word subquery once per client instead of first: it takes the generic
            // path, c.id IN (words) through the id index, and sorts the matches
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
        String sql(String columns, String tenant, P lead, Criterion<ClientCriterion> rest, List<Object> parameters, boolean postgres, long offset,
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
                String sql = page.sql(columns, u.tenant, type.cast(part), new Criterion.And<>(rest), parameters, u.postgres, query.offset(),
                        query.limit());
                return Optional.of(new JpaStores.Select(sql, parameters));
            }
        }
        return Optional.empty();
    }

    /**
     * What a page of clients reads: which columns of client {@code c}, the same columns off a word row
     * {@code w} if it holds them, how a row becomes a result, and its client's id.
     */
    private record Columns<R>(String sql, Optional<String> wordSql, ResultRows.Reader<R> reader, Function<R, UUID> id) {
    }

    /** Whole client rows, to which {@link #clientsOf} adds the contacts and values. */
    private static final Columns<ClientRow> WHOLE = new Columns<>("c.*", Optional.empty(), ResultRows::client, r -> r.id);
    private static final Columns<ClientSummary> SUMMARY = new Columns<>(ClientPages.SUMMARY_COLUMNS,
            Optional.of(ClientPages.WORD_SUMMARY_COLUMNS), ResultRows::summary, summary -> summary.id().value());

    /** The rows of a page of clients, in one statement. */
    private <R> List<R> page(ClientQuery query, Columns<R> columns) {
        if (query.order() == ClientQuery.Order.WORD && query.leadingWords().isPresent()) {
            return wordOrderedPage(query, columns);
        }
        Optional<JpaStores.Select> led = wordLedPage(query, columns.sql()).or(() -> valueLedPage(query, columns.sql()));
        if (led.isPresent()) {
            return u.select(led.get(), columns.reader());
        }
        // both columns sort by code point: COLLATE "C" in the PostgreSQL schema, H2's default.
        // H2 reads an index in order only for an ORDER BY that starts with the index's first
        // column; without the (constant) tenant_id it sorted a million clients for one page (54 s).
        // A few clients found by a key are better sorted after the lookup (see ClientPages.selective)
        boolean sortedIndex = !u.postgres && !ClientPages.selective(query.where());
        String order = (sortedIndex ? "c.tenant_id, " : "") + (query.order() == ClientQuery.Order.CODE ? "c.code" : "c.short_key");
        String page = " ORDER BY " + order + ", c.id OFFSET " + query.offset() + " ROWS FETCH NEXT " + query.limit() + " ROWS ONLY";
        boolean fence = u.postgres && ClientPages.searchesFragments(query.where());
        // OFFSET 0 keeps PostgreSQL from walking the name index in order for a fragment search (see SqlCriteria)
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

    @Override
    public List<Client> findAfter(Criterion<ClientCriterion> where, Optional<ClientId> after, int limit) {
        u.checkOpen();
        List<Object> parameters = SqlCriteria.newParameters();
        StringBuilder sql = new StringBuilder("SELECT c.* FROM crm_client c WHERE ")
                .append(SqlCriteria.where(u.tenant, where, parameters, u.postgres));
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
            String sql = SqlCriteria.propertyCount(u.tenant, (ClientCriterion.PropertyEquals) parts.get(0), parameters, u.postgres);
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
