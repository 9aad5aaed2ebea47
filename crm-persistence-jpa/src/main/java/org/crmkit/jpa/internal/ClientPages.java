package org.crmkit.jpa.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.crmkit.client.ClientCriterion;
import org.crmkit.criteria.Criterion;
import org.crmkit.property.PropertyValue;

/**
 * How a page of clients is read, as opposed to what its condition says ({@link SqlCriteria}): pages
 * led by a name-word prefix or a reference value off their own index, the columns of a search line,
 * and the classifiers the store chooses a plan by (selective keys, id lists on H2, fragment searches).
 */
final class ClientPages {
    private ClientPages() {
    }
    /**
     * The columns of a {@link org.crmkit.client.ClientSummary} of client {@code c}, all on its own
     * row: the main phone is kept there by the store (V6), so a page reads no contacts.
     */
    static final String SUMMARY_COLUMNS = "c.id, c.code, c.kind, c.short_name, c.group_id, c.relationship, c.manager, c.inn, c.main_phone,"
            + " c.archived";

    /**
     * The page of a query led by a name-word prefix, in name order: the matching words are read
     * from their index with the name they sort by, sorted and made distinct on that narrow row,
     * and only then joined to the clients, so a page of 50 reads 50 clients however many thousands
     * of names match (the rest of the criterion filters the joined rows).
     */
    static String wordLedPage(String columns, String tenant, ClientCriterion.NameWordStartsWith words, Criterion<ClientCriterion> rest,
                              List<Object> parameters, SqlDialect dialect, long offset, int limit) {
        String where = SqlCriteria.where(tenant, rest, parameters, dialect);
        String matches = new SqlCriteria(parameters, "c", dialect).wordMatches(words.prefix(), "DISTINCT w.short_key, w.client_id");
        return "SELECT " + columns + " FROM (" + matches + " ORDER BY w.short_key, w.client_id) m JOIN crm_client c ON c.tenant_id = ?1"
                + " AND c.id = m.client_id WHERE " + where + " ORDER BY m.short_key, m.client_id OFFSET " + offset
                + " ROWS FETCH NEXT " + limit + " ROWS ONLY";
    }

    /**
     * The columns of a {@link org.crmkit.client.ClientSummary} as a row of the word index holds them
     * (V8), named as {@link #SUMMARY_COLUMNS} names them; a quick search ranks names off them
     * ({@link NameSearchSql}).
     */
    static final String WORD_SUMMARY_COLUMNS = "w.client_id AS id, w.code, w.kind, w.short_name, w.group_id, w.relationship, w.manager,"
            + " w.inn, w.main_phone, w.archived";

    /**
     * Whether a criterion tests only columns a word row holds of its client (V8: the folded short
     * name and the search line), each under the name it has in {@code crm_client}, so that its SQL
     * reads the same on the alias of either table.
     */
    static boolean onWordRows(Criterion<ClientCriterion> criterion) {
        if (criterion instanceof Criterion.And) {
            return ((Criterion.And<ClientCriterion>) criterion).parts().stream().allMatch(ClientPages::onWordRows);
        }
        if (criterion instanceof Criterion.Not) {
            return onWordRows(((Criterion.Not<ClientCriterion>) criterion).part());
        }
        return criterion instanceof Criterion.All || LeafTraits.of(criterion).onWordRows();
    }

    /**
     * Whether a value is stored as a reference ({@code value_ref}: a choice, an employee, a linked
     * client), whose index orders the holders of one value by their code (V5).
     */
    static boolean isReference(PropertyValue value) {
        return value.accept(REFERENCE);
    }

    private static final PropertyValue.Visitor<Boolean> REFERENCE = new PropertyValue.Visitor<>() {
        @Override
        public Boolean text(PropertyValue.TextValue value) {
            return false;
        }

        @Override
        public Boolean number(PropertyValue.NumberValue value) {
            return false;
        }

        @Override
        public Boolean money(PropertyValue.MoneyValue value) {
            return false;
        }

        @Override
        public Boolean date(PropertyValue.DateValue value) {
            return false;
        }

        @Override
        public Boolean bool(PropertyValue.BooleanValue value) {
            return false;
        }

        @Override
        public Boolean choice(PropertyValue.ChoiceValue value) {
            return true;
        }

        @Override
        public Boolean choices(PropertyValue.MultiChoiceValue value) {
            return false;
        }

        @Override
        public Boolean employee(PropertyValue.EmployeeValue value) {
            return true;
        }

        @Override
        public Boolean client(PropertyValue.ClientValue value) {
            return true;
        }
    };

    /**
     * A page in code order of a query that requires one reference value at its top level: the
     * holders of the value are read off its index in code order and joined to their clients one by
     * one, the rest of the criterion filtering the joined rows, until the page is full. A page of 100
     * reads about 100 index entries and clients whether the value is held by a thousand clients or
     * by a quarter of a million; sorting every holder by code first cost one client lookup each.
     */
    static String valueLedPage(String columns, String tenant, ClientCriterion.PropertyEquals value, Criterion<ClientCriterion> rest,
                               List<Object> parameters, SqlDialect dialect, long offset, int limit) {
        String where = SqlCriteria.where(tenant, rest, parameters, dialect);
        String match = new SqlCriteria(parameters, "c", dialect).propertyMatch(value);
        return "SELECT " + columns + " FROM crm_client_property p JOIN crm_client c ON c.tenant_id = p.tenant_id AND c.id = p.client_id"
                + " WHERE p.tenant_id = ?1 AND " + match + " AND " + where
                // the index's whole key up to the code: H2 reads an index in order only for an ORDER BY that starts with its first column
                + " ORDER BY p.tenant_id, p.property_key, p.value_ref, p.client_code OFFSET " + offset + " ROWS FETCH NEXT " + limit
                + " ROWS ONLY";
    }

    /** The top-level parts of a criterion: the parts of nested ANDs, or the criterion itself. */
    static List<Criterion<ClientCriterion>> conjuncts(Criterion<ClientCriterion> criterion) {
        List<Criterion<ClientCriterion>> parts = new ArrayList<>();
        if (criterion instanceof Criterion.And) {
            ((Criterion.And<ClientCriterion>) criterion).parts().forEach(p -> parts.addAll(conjuncts(p)));
        } else {
            parts.add(criterion);
        }
        return parts;
    }

    /**
     * Whether a criterion picks out a handful of clients by a key (code, INN, phone, e-mail, ids):
     * one of its top-level parts does, or it is an OR of such parts. On H2 such a page is sorted
     * after the lookup: given the whole index key in the ORDER BY, H2 2.3 walks the name index in
     * order instead, expecting to fill the page early, and tested every client of the tenant for
     * a code that no client had (18 s on a million clients).
     */
    static boolean selective(Criterion<ClientCriterion> criterion) {
        if (criterion instanceof Criterion.Or) {
            List<Criterion<ClientCriterion>> parts = ((Criterion.Or<ClientCriterion>) criterion).parts();
            return !parts.isEmpty() && parts.stream().allMatch(ClientPages::selective);
        }
        if (criterion instanceof Criterion.And) {
            return ((Criterion.And<ClientCriterion>) criterion).parts().stream().anyMatch(ClientPages::selective);
        }
        return LeafTraits.of(criterion).selective();
    }

    /**
     * Whether a part, on H2, becomes {@code c.id IN (…)}. H2 2.3 uses an IN condition only on the
     * first column of an index, so such a query names the index on {@code id} alone; otherwise it
     * would test every client of the tenant against the subquery's answer.
     */
    static boolean selectsIds(Criterion<ClientCriterion> part) {
        return part instanceof Criterion.Or && ((Criterion.Or<ClientCriterion>) part).parts().size() > 1
                || LeafTraits.of(part).selectsIds();
    }
    /**
     * Whether the criterion searches name fragments ({@code LIKE '%…%'}, served by trigram indexes).
     * PostgreSQL's planner, given ORDER BY name and a small LIMIT, tends to walk the name index in
     * order and test every row against the fragment, which takes a full index scan when fewer
     * matches exist than the page holds; such queries fence the filter off first.
     */
    static boolean searchesFragments(Criterion<ClientCriterion> criterion) {
        if (LeafTraits.of(criterion).fragment()) {
            return true;
        }
        if (criterion instanceof Criterion.And) {
            return ((Criterion.And<ClientCriterion>) criterion).parts().stream().anyMatch(ClientPages::searchesFragments);
        }
        if (criterion instanceof Criterion.Or) {
            return ((Criterion.Or<ClientCriterion>) criterion).parts().stream().anyMatch(ClientPages::searchesFragments);
        }
        if (criterion instanceof Criterion.Not) {
            return searchesFragments(((Criterion.Not<ClientCriterion>) criterion).part());
        }
        return false;
    }
}
