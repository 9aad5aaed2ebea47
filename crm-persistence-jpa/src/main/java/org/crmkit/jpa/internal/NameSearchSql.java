package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.client.NameSearch;
import org.crmkit.criteria.Criterion;

/**
 * How the JPA store plans the name part of a quick search ({@link NameSearch} says what is found
 * and in which order): one statement per group of tiers, each run only while the page has room,
 * each reading its rows in the order of an index and stopping at the page's end where it can.
 * <ol>
 * <li>tiers 0 and 1, the names whose core equals or starts with the text: a range of the index on
 *     {@code (tenant_id, name_core, short_key, code)}, which is the tiers' order already (the text
 *     itself sorts before every longer core that starts with it);</li>
 * <li>tier 2, a word of the core starts where the text does: the name-word index walked for the
 *     text's most selective word (a whole word of three letters or more, looked up exactly, the
 *     longest of them; else the last word of the text as a word's start), each row tested on its own copy of the core and the
 *     legal form (V9), on PostgreSQL an index-only scan; the matches sorted by core;</li>
 * <li>tier 3, the short or full name contains the fragment: the trigram index (PostgreSQL), fenced
 *     off so that the planner does not walk the names in order.</li>
 * </ol>
 */
final class NameSearchSql {
    private final String tenant;
    private final SqlDialect dialect;
    private final NameSearch search;

    NameSearchSql(String tenant, SqlDialect dialect, NameSearch search) {
        this.tenant = tenant;
        this.dialect = dialect;
        this.search = search;
    }

    private static final String ORDER = " ORDER BY c.tenant_id, c.name_core, c.short_key, c.code";

    /** Tiers 0 and 1: the cores that start with the text, in order. */
    JpaStores.Select starts(Criterion<ClientCriterion> within, int limit) {
        List<Object> parameters = SqlCriteria.newParameters();
        String where = SqlCriteria.where(tenant, within, parameters, dialect);
        SqlCriteria sql = new SqlCriteria(parameters, "c", dialect);
        return new JpaStores.Select("SELECT " + ClientPages.SUMMARY_COLUMNS + " FROM crm_client c WHERE " + where + " AND "
                + coreStarts(sql, "c") + legalForms(sql, "c") + ORDER + page(limit), parameters);
    }

    /** Tier 2: a word of the core starts where the text does, the core not starting with it. */
    JpaStores.Select words(Criterion<ClientCriterion> within, int limit) {
        List<Object> parameters = SqlCriteria.newParameters();
        boolean onWordRows = ClientPages.onWordRows(within);
        String where = onWordRows ? null : SqlCriteria.where(tenant, within, parameters, dialect);
        if (onWordRows) {
            parameters.add(tenant);
        }
        SqlCriteria sql = new SqlCriteria(parameters, "w", dialect);
        String words = "w.tenant_id = ?1 AND " + lead(sql) + " AND " + wordStarts(sql, "w") + " AND NOT (" + coreStarts(sql, "w") + ")"
                + legalForms(sql, "w");
        if (onWordRows) {
            return new JpaStores.Select("SELECT DISTINCT w.name_core, w.short_key, " + ClientPages.WORD_SUMMARY_COLUMNS
                    + " FROM crm_client_name_word w WHERE " + words + " AND (" + within.fold(sql) + ")"
                    + " ORDER BY w.name_core, w.short_key, w.code" + page(limit), parameters);
        }
        return new JpaStores.Select("SELECT DISTINCT w.name_core, w.short_key, " + ClientPages.SUMMARY_COLUMNS
                + " FROM crm_client_name_word w JOIN crm_client c ON c.tenant_id = w.tenant_id AND c.id = w.client_id WHERE " + words
                + " AND " + where + " ORDER BY w.name_core, w.short_key, c.code" + page(limit), parameters);
    }

    /** Tier 3: the short or full name contains the fragment, and no word of the core starts with the text. */
    JpaStores.Select contains(Criterion<ClientCriterion> within, int limit) {
        List<Object> parameters = SqlCriteria.newParameters();
        String where = SqlCriteria.where(tenant, within, parameters, dialect);
        SqlCriteria sql = new SqlCriteria(parameters, "c", dialect);
        String condition = where + " AND (" + dialect.namesContain("c", "%" + SqlCriteria.escapeLike(search.fragment()) + "%", sql::param)
                + ") AND NOT (" + wordStarts(sql, "c") + ")" + legalForms(sql, "c");
        if (dialect.fencesFragmentSearches()) {
            // OFFSET 0: PostgreSQL would otherwise walk the core index in order and test every name
            return new JpaStores.Select("SELECT " + ClientPages.SUMMARY_COLUMNS + " FROM (SELECT c.* FROM crm_client c WHERE " + condition
                    + " OFFSET 0) c" + ORDER + page(limit), parameters);
        }
        return new JpaStores.Select("SELECT " + ClientPages.SUMMARY_COLUMNS + " FROM crm_client c WHERE " + condition + ORDER + page(limit),
                parameters);
    }

    private static String page(int limit) {
        return " OFFSET 0 ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }

    /** The core starts with the text (tiers 0 and 1), as a range of the core index. */
    private String coreStarts(SqlCriteria sql, String alias) {
        return alias + ".name_core >= " + sql.param(search.text()) + " AND " + alias + ".name_core < "
                + sql.param(search.text() + dialect.wordCeiling());
    }

    /** A word of the core starts where the text does (tiers 0 to 2). */
    private String wordStarts(SqlCriteria sql, String alias) {
        return "(' ' || " + alias + ".name_core) LIKE " + sql.param("% " + SqlCriteria.escapeLike(search.text()) + "%") + " ESCAPE '\\'";
    }

    /** The name's legal form is one the text names, or it has none. */
    private String legalForms(SqlCriteria sql, String alias) {
        if (search.legalForms().isEmpty()) {
            return "";
        }
        return " AND (" + alias + ".legal_form IS NULL OR " + alias + ".legal_form IN ("
                + search.legalForms().stream().sorted().map(sql::param).collect(Collectors.joining(", ")) + "))";
    }

    /**
     * The word rows to walk. A whole word (every word of the text but the last) is looked up
     * exactly, which leaves far fewer rows than a start of a word however long: for {@code пик-трей}
     * the rows of {@code пик}, not of every word starting with {@code трей} (thousands of
     * {@code …-Трейд}, all of them rejected). So the longest whole word of three letters or more
     * leads; without one, the last word as a word's start (or a longer whole word).
     */
    private String lead(SqlCriteria sql) {
        List<String> words = List.of(search.text().split(" "));
        List<String> whole = new ArrayList<>(words.subList(0, words.size() - 1));
        String last = words.get(words.size() - 1);
        String longest = whole.stream().max(Comparator.comparingInt(NameSearchSql::length)).orElse("");
        if (!longest.isEmpty() && length(longest) >= Math.min(WHOLE_WORD_LEADS, length(last))) {
            return "w.word = " + sql.param(longest);
        }
        return sql.wordRange(last).substring("w.tenant_id = ?1 AND ".length());
    }

    /** A whole word this long or longer leads the walk whatever the length of the last word. */
    private static final int WHOLE_WORD_LEADS = 3;

    private static int length(String word) {
        return word.codePointCount(0, word.length());
    }
}
