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
import org.crmkit.contract.BankAccountStore;
import org.crmkit.contract.ContractStore;
import org.crmkit.ledger.FactStore;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.property.PropertyKey;
import org.crmkit.storage.StoreCatalogue;
import org.crmkit.storage.Stores;
import org.crmkit.feed.FeedStore;
import org.crmkit.deal.DealStore;
import org.crmkit.deal.LostReasonStore;
import org.crmkit.deal.PipelineStore;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.ReminderStore;
import org.crmkit.survey.SurveyStore;

/**
 * The stores of one tenant inside one JPA unit of work (one {@link EntityManager}, one
 * transaction). Lists of a record (contacts, property values, value-list entries) are separate
 * rows synchronised by position; children of a page of clients are loaded with one query per table.
 */
public final class JpaStores implements Stores {
    /** The stores, one line per feature's store. */
    private static final StoreCatalogue<JpaStores> STORES = StoreCatalogue.<JpaStores>of("JpaStorage")
            .add(ClientStore.class, JpaClientStore::new)
            .add(ContactPersonStore.class, JpaContactPersonStore::new)
            .add(ClientGroupStore.class, JpaGroupStore::new)
            .add(RelationshipTypeStore.class, JpaRelationshipTypeStore::new)
            .add(PropertyDefinitionStore.class, JpaPropertyStore::new)
            .add(AuditStore.class, JpaAuditStore::new)
            .add(FeedStore.class, JpaFeedStore::new)
            .add(DealStore.class, JpaDealStore::new).add(PipelineStore.class, JpaPipelineStore::new)
            .add(LostReasonStore.class, JpaLostReasonStore::new)
            .add(InteractionStore.class, JpaInteractionStore::new)
            .add(ReminderStore.class, JpaReminderStore::new)
            .add(ContractStore.class, JpaContractStore::new)
            .add(BankAccountStore.class, JpaBankAccountStore::new)
            .add(FactStore.class, JpaFactStore::new)
            .add(SurveyStore.class, JpaSurveyStore::new)
            .add(org.crmkit.consent.ConsentStore.class, JpaConsentStore::new)
            .add(org.crmkit.mailing.MailingStore.class, JpaMailingStore::new)
            .add(org.crmkit.mailing.outbox.OutboxStore.class, JpaOutboxStore::new)
            .add(org.crmkit.segment.SegmentStore.class, JpaSegmentStore::new)
            .add(org.crmkit.mailing.MailingExclusionStore.class, JpaMailingExclusionStore::new)
            .add(org.crmkit.mailing.MailingTemplateStore.class, JpaMailingTemplateStore::new)
            .build();

    private final Map<Class<?>, Object> made = new java.util.HashMap<>();

    /** Most rows loaded with one IN list. */
    static final int IN_CHUNK = 1000;

    /** Table and column names from the row classes' annotations, looked up once per class and field. */
    static final Map<String, String> NAMES = new ConcurrentHashMap<>();


    final EntityManager em;
    final EntityManagerFactory factory;
    final String tenant;
    final SqlDialect dialect;
    final boolean readOnly;
    private boolean closed;

    public JpaStores(EntityManager em, EntityManagerFactory factory, String tenant, SqlDialect dialect, boolean readOnly) {
        this.em = em;
        this.factory = factory;
        this.tenant = tenant;
        this.dialect = dialect;
        this.readOnly = readOnly;
    }

    /** The store interfaces every JPA unit of work hands out. */
    public static Set<Class<?>> types() {
        return STORES.types();
    }

    @Override
    public <S> S get(Class<S> type) {
        checkOpen();
        return type.cast(made.computeIfAbsent(type, t -> STORES.make(type, this)));
    }

    public void close() {
        closed = true;
    }

    void checkOpen() {
        if (closed) {
            throw new CrmException("the unit of work has ended; stores are valid only inside it");
        }
    }

    void writing() {
        checkOpen();
        if (readOnly) {
            throw new CrmException("a read-only unit of work cannot write");
        }
    }

    /** Flushes so that constraint and lock failures surface at the call that caused them. */
    void flush(String recordType, Object id, long version) {
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
    interface BatchWork {
        void write(BatchInserts inserts) throws SQLException;
    }

    /**
     * Runs JDBC batch inserts on the connection of this unit of work's transaction, after flushing
     * what the entity manager holds, so that rows reach the database in the order they were written.
     */
    void batch(BatchWork work) {
        flush("record", "", 0);
        try {
            work.write(new BatchInserts(em.unwrap(Connection.class), dialect));
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** The child rows of some owners as managed entities (an update synchronises them), in chunks of {@value #IN_CHUNK} owners. */
    @SuppressWarnings("unchecked")
    <R> List<R> rowsOf(Class<R> type, String ownerField, List<UUID> owners) {
        return ownedRows(tableOf(type), columnOf(type, ownerField), owners,
                owned -> nativeQuery(owned.sql(), owned.parameters(), type).getResultList());
    }

    /** {@code SELECT *} of a table's rows owned by some owners, one statement per {@value #IN_CHUNK} owners, run by {@code run}. */
    <R> List<R> ownedRows(String table, String ownerColumn, List<UUID> owners, Function<Select, List<R>> run) {
        List<R> rows = new ArrayList<>();
        for (int from = 0; from < owners.size(); from += IN_CHUNK) {
            List<Object> parameters = new ArrayList<>();
            String owned = tenantKeysIn(ownerColumn, owners.subList(from, Math.min(owners.size(), from + IN_CHUNK)), parameters);
            rows.addAll(run.apply(new Select("SELECT * FROM " + table + " WHERE " + owned, parameters)));
        }
        return rows;
    }

    /** A statement with JPA-style positional parameters ({@code ?1}, {@code ?2}, …; one may occur several times). */
    record Select(String sql, List<Object> parameters) {
        /**
         * The statement with JDBC's plain {@code ?} for each {@code ?n}, adding the parameters to
         * {@code bound} in the order they occur. A scan of the characters, not a regular
         * expression: it runs for every query, and a regex rewrite of a search's statement took
         * 6–12% of a phone search's time in the JVM (profiled on 1,000,000 clients). The SQL crmkit
         * builds has no question mark but its placeholders.
         */
        String jdbcSql(List<Object> bound) {
            StringBuilder out = new StringBuilder(sql.length());
            int length = sql.length();
            int i = 0;
            while (i < length) {
                char c = sql.charAt(i++);
                out.append(c);
                if (c != '?' || i >= length || !isDigit(sql.charAt(i))) {
                    continue;
                }
                int number = 0;
                while (i < length && isDigit(sql.charAt(i))) {
                    number = number * 10 + (sql.charAt(i++) - '0');
                }
                bound.add(parameters.get(number - 1));
            }
            return out.toString();
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /**
     * Runs a query by plain JDBC on this unit of work's connection and builds its rows with
     * {@code reader} (see {@link ResultRows}); in a writing unit, what the entity manager holds is
     * flushed first, so the query sees what this unit wrote.
     */
    <R> List<R> select(Select select, ResultRows.Reader<R> reader) {
        return select(select, reader, false);
    }

    /**
     * Runs a report's statement as {@link #select}, planned with its values every time ({@link
     * SqlDialect#planWithValues}): a report runs seldom and reads much, so a plan that fits its
     * period is worth the planning.
     */
    <R> List<R> report(Select select, ResultRows.Reader<R> reader) {
        return select(select, reader, true);
    }

    private <R> List<R> select(Select select, ResultRows.Reader<R> reader, boolean planWithValues) {
        if (!readOnly) {
            flush("record", "", 0);
        }
        try (PreparedStatement statement = prepare(select)) {
            if (planWithValues) {
                dialect.planWithValues(statement);
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

    /**
     * Runs a statement that writes (an UPDATE or DELETE) by plain JDBC on this unit of work's
     * connection, after flushing what the entity manager holds, and returns how many rows it changed.
     */
    int execute(Select statement) {
        writing();
        flush("record", "", 0);
        try (PreparedStatement prepared = prepare(statement)) {
            return prepared.executeUpdate();
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** The statement prepared on this unit of work's connection with its parameters bound (the caller closes it). */
    private PreparedStatement prepare(Select select) throws SQLException {
        List<Object> bound = new ArrayList<>();
        PreparedStatement statement = em.unwrap(Connection.class).prepareStatement(select.jdbcSql(bound));
        try {
            for (int i = 0; i < bound.size(); i++) {
                statement.setObject(i + 1, bound.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    /** The ids of the tenant's rows of {@code table} among {@code ids}, in one statement ({@link SqlDialect#idsAmong}). */
    Set<UUID> idsAmong(String table, Set<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        try {
            java.sql.Array array = em.unwrap(Connection.class).createArrayOf("UUID", ids.toArray());
            try {
                return new HashSet<>(select(new Select(dialect.idsAmong(table), List.of(tenant, array)), rs -> rs.getObject(1, UUID.class)));
            } finally {
                array.free();
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** The rows of a client table owned by some clients, read by JDBC (see {@link #ownedRows}). */
    <R> List<R> childRowsOf(String table, List<UUID> clients, ResultRows.Reader<R> reader) {
        return ownedRows(table, "client_id", clients, owned -> select(owned, reader));
    }

    /** {@code tenant_id = ?1 AND column IN (…)}, as whole keys on H2 (see {@link SqlDialect#keysIn}). */
    String tenantKeysIn(String column, List<?> values, List<Object> parameters) {
        parameters.add(tenant);
        return dialect.tenantKeysIn(dialect.keysIn("", column, values, v -> {
            parameters.add(v);
            return "?" + parameters.size();
        }));
    }

    static String tableOf(Class<?> type) {
        return NAMES.computeIfAbsent(type.getName(), k -> type.getAnnotation(Table.class).name());
    }

    static String columnOf(Class<?> type, String field) {
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
    Query nativeQuery(String sql, List<Object> parameters, Class<?> resultType) {
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

    void readOnlyIfReading(Query query) {
        if (readOnly) {
            query.setHint("eclipselink.read-only", "true");
        }
    }

    /** Makes the stored rows equal to the wanted ones: same keys updated in place, new ones persisted, the rest removed. */
    <R, K> void sync(List<R> stored, List<R> wanted, Function<R, K> key, java.util.function.BiConsumer<R, R> copy) {
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

    static void copyContact(ContactRow from, ContactRow to) {
        to.type = from.type;
        to.value = from.value;
        to.searchValue = from.searchValue;
        to.searchReversed = from.searchReversed;
        to.label = from.label;
        to.primary = from.primary;
    }

    static void copyValue(PropertyValueRow from, PropertyValueRow to) {
        to.clientCode = from.clientCode;
        to.text = from.text;
        to.key = from.key;
        to.number = from.number;
        to.date = from.date;
        to.bool = from.bool;
        to.ref = from.ref;
        to.currency = from.currency;
    }



    /** Reads a versioned row for an update: absent or at another version means someone else changed it. */
    /**
     * Moves a record from version {@code given} to the next one before anything else of the update
     * is written: the row is then locked until commit, and a second writer from the same version
     * finds no row to update and gets the concurrency error, however few columns either changed.
     */
    long bumpVersion(String table, UUID id, long given, String recordType, Object recordId) {
        int updated = em.createNativeQuery("UPDATE " + table + " SET version = ?1 WHERE tenant_id = ?2 AND id = ?3 AND version = ?4")
                .setParameter(1, given + 1).setParameter(2, tenant).setParameter(3, id).setParameter(4, given).executeUpdate();
        if (updated != 1) {
            throw new ConcurrentChangeException(recordType, recordId, given);
        }
        return given + 1;
    }

    <R> R current(Class<R> type, Object key, ToLongFunction<R> version, String recordType, Object id, long given) {
        R row = em.find(type, key);
        if (row == null || version.applyAsLong(row) != given) {
            throw new ConcurrentChangeException(recordType, id, given);
        }
        return row;
    }




}
