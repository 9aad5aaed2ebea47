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
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.CrmException;
import org.crmkit.common.DuplicateException;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;
import org.crmkit.storage.Stores;

/**
 * The stores of one tenant inside one JPA unit of work (one {@link EntityManager}, one
 * transaction). Lists of a record (contacts, property values, value-list entries) are separate
 * rows synchronised by position; children of a page of clients are loaded with one query per table.
 */
public final class JpaStores implements Stores {
    /** Most rows loaded with one IN list. */
    private static final int IN_CHUNK = 1000;

    /** Table and column names from the row classes' annotations, looked up once per class and field. */
    private static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    /** A JPA-style positional parameter; the SQL crmkit builds has no question mark elsewhere. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");

    private final EntityManager em;
    private final EntityManagerFactory factory;
    private final String tenant;
    private final boolean postgres;
    private final boolean readOnly;
    private boolean closed;

    public JpaStores(EntityManager em, EntityManagerFactory factory, String tenant, boolean postgres, boolean readOnly) {
        this.em = em;
        this.factory = factory;
        this.tenant = tenant;
        this.postgres = postgres;
        this.readOnly = readOnly;
    }

    public void close() {
        closed = true;
    }

    private void checkOpen() {
        if (closed) {
            throw new CrmException("the unit of work has ended; stores are valid only inside it");
        }
    }

    private void writing() {
        checkOpen();
        if (readOnly) {
            throw new CrmException("a read-only unit of work cannot write");
        }
    }

    /** Flushes so that constraint and lock failures surface at the call that caused them. */
    private void flush(String recordType, Object id, long version) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            RuntimeException translated = Errors.translate(e);
            if (translated instanceof ConcurrentChangeException) {
                throw new ConcurrentChangeException(recordType, id, version);
            }
            throw translated;
        }
    }

    /** What a batch writes through JDBC. */
    private interface BatchWork {
        void write(BatchInserts inserts) throws SQLException;
    }

    /**
     * Runs JDBC batch inserts on the connection of this unit of work's transaction, after flushing
     * what the entity manager holds, so that rows reach the database in the order they were written.
     */
    private void batch(BatchWork work) {
        flush("record", "", 0);
        try {
            work.write(new BatchInserts(em.unwrap(Connection.class), postgres));
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** The child rows of some owners as managed entities (an update synchronises them), in chunks of {@value #IN_CHUNK} owners. */
    @SuppressWarnings("unchecked")
    private <R> List<R> rowsOf(Class<R> type, String ownerField, List<UUID> owners) {
        return ownedRows(tableOf(type), columnOf(type, ownerField), owners,
                owned -> nativeQuery(owned.sql(), owned.parameters(), type).getResultList());
    }

    /** {@code SELECT *} of a table's rows owned by some owners, one statement per {@value #IN_CHUNK} owners, run by {@code run}. */
    private <R> List<R> ownedRows(String table, String ownerColumn, List<UUID> owners, Function<Select, List<R>> run) {
        List<R> rows = new ArrayList<>();
        for (int from = 0; from < owners.size(); from += IN_CHUNK) {
            List<Object> parameters = new ArrayList<>();
            String owned = tenantKeysIn(ownerColumn, owners.subList(from, Math.min(owners.size(), from + IN_CHUNK)), parameters);
            rows.addAll(run.apply(new Select("SELECT * FROM " + table + " WHERE " + owned, parameters)));
        }
        return rows;
    }

    /** A statement with JPA-style positional parameters ({@code ?1}, {@code ?2}, …; one may occur several times). */
    private record Select(String sql, List<Object> parameters) {
    }

    /**
     * Runs a query by plain JDBC on this unit of work's connection and builds its rows with
     * {@code reader} (see {@link ResultRows}); in a writing unit, what the entity manager holds is
     * flushed first, so the query sees what this unit wrote.
     */
    private <R> List<R> select(Select select, ResultRows.Reader<R> reader) {
        if (!readOnly) {
            flush("record", "", 0);
        }
        List<Object> bound = new ArrayList<>();
        Matcher placeholders = PLACEHOLDER.matcher(select.sql());
        StringBuilder sql = new StringBuilder();
        while (placeholders.find()) {
            bound.add(select.parameters().get(Integer.parseInt(placeholders.group(1)) - 1));
            placeholders.appendReplacement(sql, "?");
        }
        placeholders.appendTail(sql);
        try (PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(sql.toString())) {
            for (int i = 0; i < bound.size(); i++) {
                statement.setObject(i + 1, bound.get(i));
            }
            try (ResultSet rs = statement.executeQuery()) {
                List<R> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(reader.read(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** The rows of a client table owned by some clients, read by JDBC (see {@link #ownedRows}). */
    private <R> List<R> childRowsOf(String table, List<UUID> clients, ResultRows.Reader<R> reader) {
        return ownedRows(table, "client_id", clients, owned -> select(owned, reader));
    }

    /** {@code tenant_id = ?1 AND column IN (…)}, as whole keys on H2 (see {@link SqlCriteria#keysIn}). */
    private String tenantKeysIn(String column, List<?> values, List<Object> parameters) {
        parameters.add(tenant);
        String keys = SqlCriteria.keysIn("", column, values, parameters, postgres);
        return postgres ? "tenant_id = ?1 AND " + keys : keys;
    }

    private static String tableOf(Class<?> type) {
        return NAMES.computeIfAbsent(type.getName(), k -> type.getAnnotation(Table.class).name());
    }

    private static String columnOf(Class<?> type, String field) {
        return NAMES.computeIfAbsent(type.getName() + "#" + field, k -> {
            for (Class<?> t = type; t != null; t = t.getSuperclass()) {
                for (Field f : t.getDeclaredFields()) {
                    if (f.getName().equals(field)) {
                        return f.getAnnotation(Column.class).name();
                    }
                }
            }
            throw new IllegalArgumentException(type.getSimpleName() + " has no field " + field);
        });
    }

    /**
     * In a read-only unit of work, rows are built without the copies EclipseLink keeps to detect
     * changes: nothing read there is ever written back, and a page of clients builds a thousand rows.
     */
    private void readOnlyIfReading(Query query) {
        if (readOnly) {
            query.setHint("eclipselink.read-only", "true");
        }
    }

    /** Makes the stored rows equal to the wanted ones: same keys updated in place, new ones persisted, the rest removed. */
    private <R, K> void sync(List<R> stored, List<R> wanted, Function<R, K> key, java.util.function.BiConsumer<R, R> copy) {
        Map<K, R> byKey = new LinkedHashMap<>();
        stored.forEach(r -> byKey.put(key.apply(r), r));
        for (R row : wanted) {
            R existing = byKey.remove(key.apply(row));
            if (existing == null) {
                em.persist(row);
            } else {
                copy.accept(row, existing);
            }
        }
        byKey.values().forEach(em::remove);
    }

    private static void copyContact(ContactRow from, ContactRow to) {
        to.type = from.type;
        to.value = from.value;
        to.searchValue = from.searchValue;
        to.label = from.label;
        to.primary = from.primary;
    }

    private static void copyValue(PropertyValueRow from, PropertyValueRow to) {
        to.clientCode = from.clientCode;
        to.text = from.text;
        to.number = from.number;
        to.date = from.date;
        to.bool = from.bool;
        to.ref = from.ref;
        to.currency = from.currency;
    }

    /** The clients of some client rows, with their contacts and property values (one query per table). */
    private List<Client> clientsOf(List<ClientRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(r -> r.id).collect(Collectors.toList());
        Map<UUID, List<ClientContactRow>> contacts = childRowsOf("crm_client_contact", ids, ResultRows::clientContact).stream()
                .collect(Collectors.groupingBy(r -> r.ownerId));
        Map<UUID, List<PropertyValueRow>> values = childRowsOf("crm_client_property", ids, ResultRows::propertyValue).stream()
                .collect(Collectors.groupingBy(r -> r.clientId));
        return rows.stream().map(r -> Mapping.client(r, contacts.getOrDefault(r.id, List.of()), values.getOrDefault(r.id, List.of())))
                .collect(Collectors.toList());
    }

    private Select clientQuery(String select, ClientCriterion criterion, String tail) {
        List<Object> parameters = SqlCriteria.newParameters();
        // H2 uses an IN (…) condition only on an index's first column: see SqlCriteria.selectsIds
        boolean byId = !postgres && SqlCriteria.conjuncts(criterion).stream().anyMatch(SqlCriteria::selectsIds);
        String sql = select + " FROM crm_client c" + (byId ? " USE INDEX (crm_client_id_ix)" : "") + " WHERE "
                + SqlCriteria.where(tenant, criterion, parameters, postgres) + tail;
        return new Select(sql, parameters);
    }

    private Query nativeQuery(String sql, List<Object> parameters, Class<?> resultType) {
        Query query;
        if (resultType == null) {
            query = em.createNativeQuery(sql);
        } else {
            query = em.createNativeQuery(sql, resultType);
            readOnlyIfReading(query);
        }
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return query;
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
        List<ClientCriterion> rest = new ArrayList<>(SqlCriteria.conjuncts(query.where()));
        rest.remove(words);
        long needed = (long) query.offset() + query.limit();
        for (long rows = needed + 16; ; rows *= 2) {
            List<Object> parameters = SqlCriteria.newParameters();
            String sql = SqlCriteria.wordOrderedRows(columns.sql(), columns.wordSql(), tenant, words, new ClientCriterion.And(rest),
                    parameters, postgres, rows);
            List<R> found = select(new Select(sql, parameters), columns.reader());
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
    private Optional<Select> wordLedPage(ClientQuery query, String columns) {
        if (!postgres || query.order() != ClientQuery.Order.NAME) {
            // H2 would run the word subquery once per client instead of first: it takes the generic
            // path, c.id IN (words) through the id index, and sorts the matches
            return Optional.empty();
        }
        return ledPage(query, columns, ClientCriterion.NameWordStartsWith.class, words -> true, SqlCriteria::wordLedPage);
    }

    /**
     * A page in code order whose criterion requires a choice, an employee or a linked client at its
     * top level is read from that value's index in code order (see {@link SqlCriteria#valueLedPage});
     * other queries return empty.
     */
    private Optional<Select> valueLedPage(ClientQuery query, String columns) {
        if (query.order() != ClientQuery.Order.CODE) {
            return Optional.empty();
        }
        return ledPage(query, columns, ClientCriterion.PropertyEquals.class, value -> SqlCriteria.isReference(value.value()),
                SqlCriteria::valueLedPage);
    }

    /** The SQL of a page read off the index of one top-level part of its criterion, the rest filtering the rows. */
    private interface LedPageSql<P extends ClientCriterion> {
        String sql(String columns, String tenant, P lead, ClientCriterion rest, List<Object> parameters, boolean postgres, long offset,
                   int limit);
    }

    /** The page led by the first top-level part of the query's criterion of the given type that {@code leads} accepts, if any. */
    private <P extends ClientCriterion> Optional<Select> ledPage(ClientQuery query, String columns, Class<P> type, Predicate<P> leads,
                                                                 LedPageSql<P> page) {
        List<ClientCriterion> parts = SqlCriteria.conjuncts(query.where());
        for (ClientCriterion part : parts) {
            if (type.isInstance(part) && leads.test(type.cast(part))) {
                List<ClientCriterion> rest = new ArrayList<>(parts);
                rest.remove(part);
                List<Object> parameters = SqlCriteria.newParameters();
                String sql = page.sql(columns, tenant, type.cast(part), new ClientCriterion.And(rest), parameters, postgres, query.offset(),
                        query.limit());
                return Optional.of(new Select(sql, parameters));
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
    private static final Columns<ClientSummary> SUMMARY = new Columns<>(SqlCriteria.SUMMARY_COLUMNS,
            Optional.of(SqlCriteria.WORD_SUMMARY_COLUMNS), ResultRows::summary, summary -> summary.id().value());

    /** The rows of a page of clients, in one statement. */
    private <R> List<R> page(ClientQuery query, Columns<R> columns) {
        if (query.order() == ClientQuery.Order.WORD && query.leadingWords().isPresent()) {
            return wordOrderedPage(query, columns);
        }
        Optional<Select> led = wordLedPage(query, columns.sql()).or(() -> valueLedPage(query, columns.sql()));
        if (led.isPresent()) {
            return select(led.get(), columns.reader());
        }
        // both columns sort by code point: COLLATE "C" in the PostgreSQL schema, H2's default.
        // H2 reads an index in order only for an ORDER BY that starts with the index's first
        // column; without the (constant) tenant_id it sorted a million clients for one page (54 s).
        // A few clients found by a key are better sorted after the lookup (see SqlCriteria.selective)
        boolean sortedIndex = !postgres && !SqlCriteria.selective(query.where());
        String order = (sortedIndex ? "c.tenant_id, " : "") + (query.order() == ClientQuery.Order.CODE ? "c.code" : "c.short_key");
        String page = " ORDER BY " + order + ", c.id OFFSET " + query.offset() + " ROWS FETCH NEXT " + query.limit() + " ROWS ONLY";
        boolean fence = postgres && SqlCriteria.searchesFragments(query.where());
        // OFFSET 0 keeps PostgreSQL from walking the name index in order for a fragment search (see SqlCriteria)
        Select rows = fence
                ? clientQuery("SELECT " + columns.sql() + " FROM (SELECT c.*", query.where(), " OFFSET 0) c" + page)
                : clientQuery("SELECT " + columns.sql(), query.where(), page);
        return select(rows, columns.reader());
    }

    @Override
    public ClientStore clients() {
        checkOpen();
        return new ClientStore() {
            @Override
            public Optional<Client> get(ClientId id) {
                checkOpen();
                if (!readOnly) {
                    // a writing unit reads a client mostly to change it: as a managed row, update() finds it without a query
                    ClientRow row = em.find(ClientRow.class, new Keys.TenantUuid(tenant, id.value()));
                    return row == null ? Optional.empty() : Optional.of(clientsOf(List.of(row)).get(0));
                }
                List<Object> parameters = SqlCriteria.newParameters();
                parameters.add(tenant);
                parameters.add(id.value());
                List<ClientRow> rows = select(new Select("SELECT * FROM crm_client WHERE tenant_id = ?1 AND id = ?2", parameters),
                        ResultRows::client);
                return rows.isEmpty() ? Optional.empty() : Optional.of(clientsOf(rows).get(0));
            }

            @Override
            public List<Client> find(ClientQuery query) {
                checkOpen();
                return clientsOf(page(query, WHOLE));
            }

            @Override
            public List<ClientSummary> summaries(ClientQuery query) {
                checkOpen();
                return page(query, SUMMARY);
            }

            @Override
            public long count(ClientCriterion criterion) {
                checkOpen();
                List<ClientCriterion> parts = SqlCriteria.conjuncts(criterion).stream()
                        .filter(p -> !(p instanceof ClientCriterion.All)).collect(Collectors.toList());
                if (parts.size() == 1 && parts.get(0) instanceof ClientCriterion.PropertyEquals) {
                    // a value row belongs to a stored client and no client holds one value twice: counting rows counts clients
                    List<Object> parameters = SqlCriteria.newParameters();
                    String sql = SqlCriteria.propertyCount(tenant, (ClientCriterion.PropertyEquals) parts.get(0), parameters, postgres);
                    return select(new Select(sql, parameters), rs -> rs.getLong(1)).get(0);
                }
                return select(clientQuery("SELECT COUNT(*)", criterion, ""), rs -> rs.getLong(1)).get(0);
            }

            @Override
            public Client insert(Client client) {
                return insertAll(List.of(client)).get(0);
            }

            @Override
            public List<Client> insertAll(List<Client> clients) {
                writing();
                for (Client c : clients) {
                    if (c.version() != 0) {
                        throw new CrmException("client " + c.id() + " has version " + c.version() + "; insert only new clients");
                    }
                }
                requireFreeCodes(clients.stream().map(c -> c.code().value()).collect(Collectors.toList()));
                batch(b -> b.clients(tenant, clients));
                return clients.stream().map(c -> c.withVersion(1)).collect(Collectors.toList());
            }

            @Override
            public Client update(Client client) {
                writing();
                ClientRow row = current(ClientRow.class, new Keys.TenantUuid(tenant, client.id().value()), r -> r.version,
                        "client", client.id(), client.version());
                row.version = bumpVersion("crm_client", client.id().value(), client.version(), "client", client.id());
                if (!row.code.equals(client.code().value())) {
                    requireFreeCodes(List.of(client.code().value()));
                }
                String formerKey = row.shortKey;
                List<Object> formerWordRow = wordRowColumns(row);
                Mapping.fill(row, tenant, client);
                UUID id = client.id().value();
                if (!formerWordRow.equals(wordRowColumns(row))) {
                    batch(b -> {
                        b.forgetNameWords(new BatchInserts.NamedClient(tenant, id, formerKey));
                        b.wordRows(List.of(row));
                    });
                }
                sync(rowsOf(ClientContactRow.class, "ownerId", List.of(id)),
                        Mapping.contactRows(tenant, id, client.contacts(), ClientContactRow::new),
                        r -> r.position, JpaStores::copyContact);
                sync(rowsOf(PropertyValueRow.class, "clientId", List.of(id)), Mapping.valueRows(tenant, id, client.code(), client.properties()),
                        r -> r.propertyKey + "#" + r.seq, JpaStores::copyValue);
                flush("client", client.id(), client.version());
                return client.withVersion(row.version);
            }

            private void requireFreeCodes(List<String> codes) {
                Set<String> seen = new HashSet<>();
                for (String code : codes) {
                    if (!seen.add(code)) {
                        throw new DuplicateException("code", code);
                    }
                }
                for (int from = 0; from < codes.size(); from += IN_CHUNK) {
                    List<Object> parameters = new ArrayList<>();
                    String owned = tenantKeysIn("code", codes.subList(from, Math.min(codes.size(), from + IN_CHUNK)), parameters);
                    List<?> taken = nativeQuery("SELECT code FROM crm_client WHERE " + owned + " FETCH FIRST 1 ROWS ONLY", parameters, null)
                            .getResultList();
                    if (!taken.isEmpty()) {
                        throw new DuplicateException("code", String.valueOf(taken.get(0)));
                    }
                }
            }

            @Override
            public long reserveCodeNumbers(int count) {
                writing();
                if (count < 1) {
                    throw new IllegalArgumentException("count must be positive: " + count);
                }
                return CodeCounter.reserve(factory, tenant, count);
            }
        };
    }

    private List<ContactPerson> personsOf(List<ContactPersonRow> rows) {
        Map<UUID, List<PersonContactRow>> contacts = rowsOf(PersonContactRow.class, "ownerId",
                rows.stream().map(r -> r.id).collect(Collectors.toList())).stream().collect(Collectors.groupingBy(r -> r.ownerId));
        return rows.stream().map(r -> Mapping.person(r, contacts.getOrDefault(r.id, List.of()))).collect(Collectors.toList());
    }

    @Override
    public ContactPersonStore contactPersons() {
        checkOpen();
        return new ContactPersonStore() {
            @Override
            public Optional<ContactPerson> get(ContactPersonId id) {
                checkOpen();
                ContactPersonRow row = em.find(ContactPersonRow.class, new Keys.TenantUuid(tenant, id.value()));
                return row == null ? Optional.empty() : Optional.of(personsOf(List.of(row)).get(0));
            }

            @Override
            public List<ContactPerson> ofClient(ClientId client) {
                checkOpen();
                List<ContactPersonRow> rows = em.createQuery("SELECT p FROM ContactPersonRow p WHERE p.tenantId = :t AND p.clientId = :c",
                        ContactPersonRow.class).setParameter("t", tenant).setParameter("c", client.value()).getResultList();
                return personsOf(rows).stream().sorted(ContactPerson.BY_NAME).collect(Collectors.toList());
            }

            @Override
            public ContactPerson insert(ContactPerson person) {
                return insertAll(List.of(person)).get(0);
            }

            @Override
            public List<ContactPerson> insertAll(List<ContactPerson> persons) {
                writing();
                batch(b -> b.persons(tenant, persons));
                return persons.stream().map(p -> p.withVersion(1)).collect(Collectors.toList());
            }

            @Override
            public ContactPerson update(ContactPerson person) {
                writing();
                ContactPersonRow row = current(ContactPersonRow.class, new Keys.TenantUuid(tenant, person.id().value()),
                        r -> r.version, "contact person", person.id(), person.version());
                row.version = bumpVersion("crm_contact_person", person.id().value(), person.version(), "contact person", person.id());
                Mapping.fill(row, tenant, person);
                UUID id = person.id().value();
                sync(rowsOf(PersonContactRow.class, "ownerId", List.of(id)),
                        Mapping.contactRows(tenant, id, person.contacts(), PersonContactRow::new), r -> r.position, JpaStores::copyContact);
                flush("contact person", person.id(), person.version());
                return person.withVersion(row.version);
            }
        };
    }

    /** Reads a versioned row for an update: absent or at another version means someone else changed it. */
    /**
     * Moves a record from version {@code given} to the next one before anything else of the update
     * is written: the row is then locked until commit, and a second writer from the same version
     * finds no row to update and gets the concurrency error, however few columns either changed.
     */
    private long bumpVersion(String table, UUID id, long given, String recordType, Object recordId) {
        int updated = em.createNativeQuery("UPDATE " + table + " SET version = ?1 WHERE tenant_id = ?2 AND id = ?3 AND version = ?4")
                .setParameter(1, given + 1).setParameter(2, tenant).setParameter(3, id).setParameter(4, given).executeUpdate();
        if (updated != 1) {
            throw new ConcurrentChangeException(recordType, recordId, given);
        }
        return given + 1;
    }

    private <R> R current(Class<R> type, Object key, ToLongFunction<R> version, String recordType, Object id, long given) {
        R row = em.find(type, key);
        if (row == null || version.applyAsLong(row) != given) {
            throw new ConcurrentChangeException(recordType, id, given);
        }
        return row;
    }

    @Override
    public ClientGroupStore groups() {
        checkOpen();
        return new ClientGroupStore() {
            @Override
            public Optional<ClientGroup> get(ClientGroupId id) {
                checkOpen();
                return Optional.ofNullable(em.find(ClientGroupRow.class, new Keys.TenantUuid(tenant, id.value()))).map(Mapping::group);
            }

            @Override
            public List<ClientGroup> all() {
                checkOpen();
                return em.createQuery("SELECT g FROM ClientGroupRow g WHERE g.tenantId = :t", ClientGroupRow.class)
                        .setParameter("t", tenant).getResultList().stream().map(Mapping::group)
                        .sorted(ClientGroup.BY_NAME)
                        .collect(Collectors.toList());
            }

            @Override
            public ClientGroup insert(ClientGroup group) {
                writing();
                ClientGroupRow row = new ClientGroupRow();
                Mapping.fill(row, tenant, group);
                em.persist(row);
                flush("group", group.id(), 0);
                return group.withVersion(row.version);
            }

            @Override
            public ClientGroup update(ClientGroup group) {
                writing();
                Keys.TenantUuid key = new Keys.TenantUuid(tenant, group.id().value());
                ClientGroupRow row = current(ClientGroupRow.class, key, r -> r.version, "group", group.id(), group.version());
                Mapping.fill(row, tenant, group);
                em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                flush("group", group.id(), group.version());
                return group.withVersion(row.version);
            }
        };
    }

    @Override
    public RelationshipTypeStore relationshipTypes() {
        checkOpen();
        return new RelationshipTypeStore() {
            @Override
            public List<RelationshipType> stored() {
                checkOpen();
                return em.createQuery("SELECT r FROM RelationshipTypeRow r WHERE r.tenantId = :t", RelationshipTypeRow.class)
                        .setParameter("t", tenant).getResultList().stream().map(Mapping::relationshipType)
                        .sorted(Comparator.comparing(t -> t.id().value())).collect(Collectors.toList());
            }

            @Override
            public RelationshipType insert(RelationshipType type) {
                writing();
                if (em.find(RelationshipTypeRow.class, new Keys.TenantText(tenant, type.id().value())) != null) {
                    throw new DuplicateException("relationship", type.id().value());
                }
                RelationshipTypeRow row = new RelationshipTypeRow();
                Mapping.fill(row, tenant, type);
                em.persist(row);
                flush("relationship type", type.id(), 0);
                return type.withVersion(row.version);
            }

            @Override
            public RelationshipType update(RelationshipType type) {
                writing();
                Keys.TenantText key = new Keys.TenantText(tenant, type.id().value());
                RelationshipTypeRow row = current(RelationshipTypeRow.class, key, r -> r.version, "relationship type", type.id(), type.version());
                Mapping.fill(row, tenant, type);
                em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                flush("relationship type", type.id(), type.version());
                return type.withVersion(row.version);
            }
        };
    }

    @Override
    public PropertyDefinitionStore properties() {
        checkOpen();
        return new PropertyDefinitionStore() {
            private List<ChoiceRow> choices(List<String> keys) {
                if (keys.isEmpty()) {
                    return List.of();
                }
                return em.createQuery("SELECT c FROM ChoiceRow c WHERE c.tenantId = :t AND c.propertyKey IN :keys", ChoiceRow.class)
                        .setParameter("t", tenant).setParameter("keys", keys).getResultList();
            }

            private List<PropertyDefinition> definitions(List<PropertyRow> rows) {
                Map<String, List<ChoiceRow>> byKey = new HashMap<>(choices(rows.stream().map(r -> r.id).collect(Collectors.toList()))
                        .stream().collect(Collectors.groupingBy(c -> c.propertyKey)));
                return rows.stream().map(r -> Mapping.definition(r, byKey.getOrDefault(r.id, List.of())))
                        .sorted(Comparator.comparing(PropertyDefinition::key)).collect(Collectors.toList());
            }

            @Override
            public Optional<PropertyDefinition> get(PropertyKey key) {
                checkOpen();
                PropertyRow row = em.find(PropertyRow.class, new Keys.TenantText(tenant, key.value()));
                return row == null ? Optional.empty() : Optional.of(definitions(List.of(row)).get(0));
            }

            @Override
            public List<PropertyDefinition> all() {
                checkOpen();
                return definitions(em.createQuery("SELECT p FROM PropertyRow p WHERE p.tenantId = :t", PropertyRow.class)
                        .setParameter("t", tenant).getResultList());
            }

            @Override
            public PropertyDefinition insert(PropertyDefinition definition) {
                writing();
                if (em.find(PropertyRow.class, new Keys.TenantText(tenant, definition.key().value())) != null) {
                    throw new DuplicateException("property.key", definition.key().value());
                }
                PropertyRow row = new PropertyRow();
                Mapping.fill(row, tenant, definition);
                em.persist(row);
                flush("property", definition.key(), 0);
                Mapping.choiceRows(tenant, definition).forEach(em::persist);
                flush("property", definition.key(), 0);
                return definition.withVersion(row.version);
            }

            @Override
            public PropertyDefinition update(PropertyDefinition definition) {
                writing();
                Keys.TenantText key = new Keys.TenantText(tenant, definition.key().value());
                PropertyRow row = current(PropertyRow.class, key, r -> r.version, "property", definition.key(), definition.version());
                Mapping.fill(row, tenant, definition);
                sync(choices(List.of(definition.key().value())), Mapping.choiceRows(tenant, definition), c -> c.position, (from, to) -> {
                    to.choiceId = from.choiceId;
                    to.label = from.label;
                    to.retired = from.retired;
                });
                em.lock(row, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
                flush("property", definition.key(), definition.version());
                return definition.withVersion(row.version);
            }
        };
    }

    @Override
    public AuditStore audit() {
        checkOpen();
        return new AuditStore() {
            @Override
            public void append(List<AuditEntry> entries) {
                writing();
                if (!entries.isEmpty()) {
                    batch(b -> b.audit(tenant, entries));
                }
            }

            @Override
            public List<AuditEntry> ofClient(ClientId client) {
                checkOpen();
                return em.createQuery("SELECT a FROM AuditRow a WHERE a.tenantId = :t AND a.clientId = :c", AuditRow.class)
                        .setParameter("t", tenant).setParameter("c", client.value()).getResultList().stream()
                        .map(Mapping::auditEntry)
                        .sorted(AuditEntry.CHRONOLOGICAL)
                        .collect(Collectors.toList());
            }
        };
    }
}
