package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.postgresql.PGStatement;

/**
 * Everything the JPA store writes differently for H2 and for PostgreSQL, in one place: the rest of
 * the store asks its dialect and never which database it talks to. Most differences are not of
 * syntax but of plan: H2 2.3 uses an IN list only on an index's first column and reads an index in
 * order only for an ORDER BY that names its whole key; PostgreSQL has trigram indexes and a
 * planner that needs fencing off from walking the name index.
 *
 * <p>Public only so that {@link org.crmkit.jpa.JpaStorage} can choose one; the package is internal.
 */
public enum SqlDialect {
    H2 {
        @Override
        String idsAmong(String table) {
            return "SELECT t.id FROM UNNEST(CAST(?2 AS UUID ARRAY)) AS u(x) JOIN " + table + " t ON t.tenant_id = ?1 AND t.id = u.x";
        }

        @Override
        String keysIn(String qualifier, String column, List<?> values, Function<Object, String> param) {
            return "(" + qualifier + "tenant_id, " + qualifier + column + ") IN ("
                    + values.stream().map(v -> "(?1, " + param.apply(v) + ")").collect(Collectors.joining(", ")) + ")";
        }

        @Override
        String tenantKeysIn(String keys) {
            return keys;
        }

        @Override
        boolean keyListsHoldTenant() {
            return true;
        }

        @Override
        String wordCeiling() {
            return "\uFFFF";
        }

        @Override
        String namesContain(String c, String pattern, Function<Object, String> param) {
            return c + ".short_key LIKE " + param.apply(pattern) + " ESCAPE '\\' OR (" + c + ".full_key IS NOT NULL AND " + c
                    + ".full_key LIKE " + param.apply(pattern) + " ESCAPE '\\')";
        }

        @Override
        String clientsHaving(String c, String table, String alias, String match) {
            return c + ".id IN (" + SqlCriteria.clientIdsOf(table, alias, match) + ")";
        }

        @Override
        String textEquals(String equal, String value) {
            return equal;
        }

        @Override
        String clientTable(boolean selectsIds) {
            return "crm_client c" + (selectsIds ? " USE INDEX (crm_client_id_ix)" : "");
        }

        @Override
        String seriesTable() {
            return "crm_interaction i USE INDEX (crm_interaction_series_ix)";
        }

        @Override
        boolean readsNamePagesOffWords() {
            return false;
        }

        @Override
        String orderLead(boolean selective) {
            return selective ? "" : "c.tenant_id, ";
        }

        @Override
        boolean fencesFragmentSearches() {
            return false;
        }

        @Override
        int nullType(int sqlType) {
            return sqlType == Types.OTHER ? Types.VARCHAR : sqlType;
        }

        @Override
        public String driver() {
            return "org.h2.Driver";
        }

        @Override
        public String platform() {
            return "org.eclipse.persistence.platform.database.H2Platform";
        }

        @Override
        public String migrations() {
            return "classpath:db/migration/h2";
        }

        @Override
        public String displayName() {
            return "H2";
        }

        @Override
        void planWithValues(PreparedStatement statement) {
            // H2 plans every statement it prepares anew, with no generic plan
        }

        @Override
        String updateFirst(String table, String set, String where, String order, int max) {
            return "UPDATE " + table + " SET " + set + " WHERE " + where + " AND id IN (SELECT id FROM " + table + " WHERE " + where
                    + " ORDER BY " + order + " FETCH FIRST " + max + " ROWS ONLY)";
        }
    },

    POSTGRESQL {
        @Override
        String idsAmong(String table) {
            return "SELECT t.id FROM " + table + " t WHERE t.tenant_id = ?1 AND t.id = ANY(?2)";
        }

        @Override
        String keysIn(String qualifier, String column, List<?> values, Function<Object, String> param) {
            return qualifier + column + " IN (" + values.stream().map(param).collect(Collectors.joining(", ")) + ")";
        }

        @Override
        String tenantKeysIn(String keys) {
            return "tenant_id = ?1 AND " + keys;
        }

        @Override
        boolean keyListsHoldTenant() {
            return false;
        }

        @Override
        String wordCeiling() {
            return "\uDBFF\uDFFF";
        }

        @Override
        String namesContain(String c, String pattern, Function<Object, String> param) {
            // both names joined by U+0001, which neither name nor fragment can hold: the expression of the trigram index (V7)
            return "(" + c + ".short_key || chr(1) || COALESCE(" + c + ".full_key, '')) LIKE " + param.apply(pattern) + " ESCAPE '\\'";
        }

        @Override
        String clientsHaving(String c, String table, String alias, String match) {
            return "EXISTS (SELECT 1 FROM " + table + " " + alias + " WHERE " + alias + ".tenant_id = " + c + ".tenant_id AND " + alias
                    + ".client_id = " + c + ".id AND " + match + ")";
        }

        @Override
        String textEquals(String equal, String value) {
            // the index holds the first 200 characters (a B-tree entry cannot hold long texts)
            return "left(p.value_text, 200) = left(" + value + ", 200) AND " + equal;
        }

        @Override
        String clientTable(boolean selectsIds) {
            return "crm_client c";
        }

        @Override
        String seriesTable() {
            return "crm_interaction i";
        }

        @Override
        boolean readsNamePagesOffWords() {
            return true;
        }

        @Override
        String orderLead(boolean selective) {
            return "";
        }

        @Override
        boolean fencesFragmentSearches() {
            return true;
        }

        @Override
        int nullType(int sqlType) {
            return sqlType;
        }

        @Override
        public String driver() {
            return "org.postgresql.Driver";
        }

        @Override
        public String platform() {
            return PostgresPlatform.class.getName();
        }

        @Override
        public String migrations() {
            return "classpath:db/migration/postgresql";
        }

        @Override
        public String displayName() {
            return "PostgreSQL";
        }

        @Override
        void planWithValues(PreparedStatement statement) throws SQLException {
            if (statement.isWrapperFor(PGStatement.class)) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
        }

        @Override
        String updateFirst(String table, String set, String where, String order, int max) {
            return "WITH picked AS (SELECT id FROM " + table + " WHERE " + where + " ORDER BY " + order + " FETCH FIRST " + max
                    + " ROWS ONLY FOR UPDATE SKIP LOCKED) UPDATE " + table + " SET " + set + " WHERE " + where
                    + " AND id IN (SELECT id FROM picked)";
        }
    };

    /**
     * An UPDATE of the first {@code max} rows of {@code table} matching {@code where} (which
     * names the tenant) in {@code order}, that a concurrent transaction running the same statement
     * never also takes. PostgreSQL picks the rows once in a CTE with {@code FOR UPDATE SKIP
     * LOCKED}, passing over rows another transaction holds (a sub-select in the UPDATE's WHERE would
     * be run again per row and take more than {@code max}); H2 picks them in a sub-select, and its
     * UPDATE waits for a transaction holding a row and then checks {@code where} again on the
     * committed row, so a row another poll took is left out. {@code where} is repeated on the
     * updated rows for that second check.
     */
    abstract String updateFirst(String table, String set, String where, String order, int max);

    /**
     * Has {@code statement} planned with its parameters' values each time it runs. PostgreSQL's
     * driver turns a statement run five times into a server-side prepared statement, and the server
     * then may keep one generic plan for every value; for a report over a period that plan is
     * guessed from default selectivities (a year's range of interactions estimated as one row, and
     * a nested loop over 18,000 rows chosen), so a report's statement stays an unnamed one, which
     * the server plans with the values. H2 plans each statement it prepares.
     */
    abstract void planWithValues(PreparedStatement statement) throws SQLException;

    /** The dialect of a JDBC URL ({@code jdbc:postgresql:…}, otherwise H2). */
    public static SqlDialect ofUrl(String url) {
        return url.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    /** The dialect of the database a connection talks to. */
    public static SqlDialect of(Connection connection) throws SQLException {
        return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

    /**
     * {@code column IN (…)} for a column that follows tenant_id in an index, the tenant being ?1.
     * H2 uses an IN list only on an index's first column, so there the list names whole keys,
     * {@code (tenant_id, column) IN ((?1, ?), …)}, which it looks up in the (tenant_id, column) index.
     */
    abstract String keysIn(String qualifier, String column, List<?> values, Function<Object, String> param);

    /**
     * The ids of the tenant's rows of {@code table} (keyed by {@code (tenant_id, id)}) that are in
     * the UUID array bound to {@code ?2} (distinct ids: a repeated id is answered twice), the tenant
     * bound to {@code ?1}. PostgreSQL: {@code id =
     * ANY(?2)}. H2: a join from {@code UNNEST(?2)} to the table, which H2 looks up key by key; its
     * IN list of 1,000 {@code (tenant_id, id)} pairs took 17–22 ms, the join 2–5 ms (20,000
     * clients, 1,000 ids).
     */
    abstract String idsAmong(String table);

    /** The tenant condition and {@link #keysIn} together, unqualified. */
    abstract String tenantKeysIn(String keys);

    /**
     * Whether a top-level list of {@link #keysIn} keys alone should carry the tenant: H2 would
     * otherwise look the tenant up and test every client against the list.
     */
    abstract boolean keyListsHoldTenant();

    /**
     * A code point no name word holds, that ends the range of words starting with a prefix: U+FFFF
     * compared as UTF-16 on H2, U+10FFFF compared as UTF-8 bytes under the "C" collation on
     * PostgreSQL (both noncharacters).
     */
    abstract String wordCeiling();

    /** The short or the full name key of client {@code c} is LIKE the pattern (PostgreSQL: one trigram index expression). */
    abstract String namesContain(String c, String pattern, Function<Object, String> param);

    /**
     * Client {@code c} has a row in a table keyed by (tenant_id, client_id) that matches: on H2 the
     * ids of the matching rows ({@code c.id IN}, through the id index), on PostgreSQL a correlated
     * EXISTS.
     */
    abstract String clientsHaving(String c, String table, String alias, String match);

    /** A property text equality on value row {@code p}, with the prefix condition PostgreSQL's value index needs. */
    abstract String textEquals(String equal, String value);

    /**
     * {@code crm_client c}, on H2 naming the index on {@code id} alone when a part of the criterion
     * selects ids ({@code c.id IN (…)}): H2 2.3 uses an IN condition only on an index's first column.
     */
    abstract String clientTable(boolean selectsIds);

    /**
     * The interaction table (alias {@code i}) as the series read's range of series reaching into a
     * stretch names it. H2 would otherwise read {@code crm_interaction_start_ix} from the tenant's
     * first item up to the stretch's end (the range {@code start_key < until}), every item of the
     * tenant's past for each {@code plan()}; PostgreSQL picks the series index itself.
     */
    abstract String seriesTable();

    /**
     * Whether a page in name order that requires a name-word prefix is read from the word index
     * first; H2 would run the word subquery once per client instead of first.
     */
    abstract boolean readsNamePagesOffWords();

    /**
     * What an ORDER BY starts with before the sort column. H2 reads an index in order only for an
     * ORDER BY that starts with the index's first column (without the constant tenant_id it sorted
     * a million clients for one page, 54 s); a few clients found by a key are better sorted after
     * the lookup there.
     */
    abstract String orderLead(boolean selective);

    /**
     * Whether a query searching name fragments is fenced off ({@code OFFSET 0}) before it is
     * sorted: PostgreSQL's planner would walk the name index in order and test every row.
     */
    abstract boolean fencesFragmentSearches();

    /** The JDBC type to bind a null of {@code sqlType} as (H2 takes no untyped null). */
    abstract int nullType(int sqlType);

    /** The JDBC driver class. */
    public abstract String driver();

    /** EclipseLink's target database class. */
    public abstract String platform();

    /** The Flyway location of the migrations. */
    public abstract String migrations();

    /** The database's name, for messages. */
    public abstract String displayName();
}
