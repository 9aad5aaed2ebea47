package org.crmkit.ledger;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import org.crmkit.common.ClientId;

/**
 * Keeps one tenant's income and expense facts, inside the unit of work that handed it out. A
 * database store writes a push as one batched upsert and answers {@link #sums} with one grouping
 * statement; every store answers the same sums (the store kit compares them). It also keeps the
 * clients' classes last recomputed from the facts ({@link ClientClass}), which client queries
 * select through {@link ClientClassCriterion#OF_CLIENT}.
 */
public interface FactStore {
    /** Stores the facts, each replacing the fact stored under its key; the keys in the list are distinct. */
    void upsert(List<Fact> facts);

    Optional<Fact> get(FactKey key);

    /** Removes every line of a document; answers how many there were. */
    int revoke(String source, String document);

    /** Removes one line; answers whether it was there. */
    boolean revoke(FactKey key);

    /**
     * The sums of the facts dated from {@code from} to {@code until} (both included), one per
     * currency, client (or none) and order (or none), in no particular order.
     */
    List<FactSum> sums(LocalDate from, LocalDate until);

    /**
     * Per client, the facts of one currency dated from {@code from} to {@code until} (both
     * included) summed ({@link ClientTotals}); facts without a client are left out; in no particular order.
     */
    List<ClientTotals> perClient(LocalDate from, LocalDate until, Currency currency);

    /**
     * Replaces the tenant's stored classes with these (one per client, the clients distinct): a
     * client not among them has none afterwards. Answers how many clients had stored classes before.
     */
    int replaceClasses(List<ClientClass> classes);

    Optional<ClientClass> storedClasses(ClientId client);
}
