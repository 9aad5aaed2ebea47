package org.crmkit.ledger;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.ClientStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Profitability: the host pushes income and expense facts from its documents and asks for the
 * report "income and expenses by client and order".
 *
 * <p>Pushing is idempotent: a fact replaces the one stored under its {@link FactKey}, so a host may
 * push a document again after every change of it; {@link #revoke(String, String)} removes a
 * document's lines (a deleted or unposted document), {@link #revoke(FactKey)} one line. A batch is
 * one unit of work: a fact naming a client the tenant does not have refuses the whole batch, naming
 * {@code facts[i].client} and the id, unless the caller says {@link UnknownClients#KEEP_WITHOUT_CLIENT}
 * (then the fact is kept without a client). Facts are the business's figures rather than a
 * client's card: every call asks {@code mayAdminister(actor, "ledger")}. Facts are not journaled
 * one by one (a host pushes millions; its own documents are their history).
 */
public final class Ledger {
    public static final Feature FEATURE = Feature.of("ledger", FactStore.class);
    /** The administration area the access policy is asked about. */
    public static final String AREA = "ledger";

    /** What a push does with a fact for a client the tenant does not have. */
    public enum UnknownClients {
        /** The whole push is refused, naming the fact's client. */
        REFUSE,
        /** The fact is kept without a client (it then counts in the report's line without a client). */
        KEEP_WITHOUT_CLIENT
    }

    private final CrmContext context;

    public Ledger(CrmContext context) {
        this.context = context;
    }

    /** Pushes facts, refusing the whole batch if one names an unknown client; answers how many facts are stored. */
    public int push(List<Fact> facts) {
        return push(facts, UnknownClients.REFUSE);
    }

    /**
     * Pushes facts in one unit of work (all or none); within the batch, a later fact with the same
     * key wins. Answers how many distinct facts were stored.
     */
    public int push(List<Fact> facts, UnknownClients unknown) {
        List<Fact> given = ValidationException.requiredElements(facts, "facts");
        ValidationException.required(unknown, "unknown");
        return context.write(work -> {
            requireLedger(work);
            Set<ClientId> known = existing(work, given);
            Map<FactKey, Fact> kept = new LinkedHashMap<>();
            for (int i = 0; i < given.size(); i++) {
                Fact fact = given.get(i);
                if (fact.client().isPresent() && !known.contains(fact.client().get())) {
                    if (unknown == UnknownClients.REFUSE) {
                        throw new ValidationException("facts[" + i + "].client", fact.client().get(),
                                "is not a client of this tenant; push with UnknownClients.KEEP_WITHOUT_CLIENT to keep the fact without a client");
                    }
                    fact = fact.forClient(null);
                }
                kept.remove(fact.key());
                kept.put(fact.key(), fact);
            }
            if (!kept.isEmpty()) {
                work.store(FactStore.class).upsert(new ArrayList<>(kept.values()));
            }
            return kept.size();
        });
    }

    /** Removes every line of a document; answers how many were stored. */
    public int revoke(String source, String document) {
        FactKey checked = new FactKey(source, document, 0);
        return context.write(work -> {
            requireLedger(work);
            return work.store(FactStore.class).revoke(checked.source(), checked.document());
        });
    }

    /** Removes one line of a document; answers whether it was stored. */
    public boolean revoke(FactKey key) {
        ValidationException.required(key, "key");
        return context.write(work -> {
            requireLedger(work);
            return work.store(FactStore.class).revoke(key);
        });
    }

    public Optional<Fact> find(FactKey key) {
        ValidationException.required(key, "key");
        return context.read(work -> {
            requireLedger(work);
            return work.store(FactStore.class).get(key);
        });
    }

    /** The report for the facts dated from {@code from} to {@code until}, both included. */
    public IncomeExpenses incomeAndExpenses(LocalDate from, LocalDate until) {
        ValidationException.required(from, "from");
        ValidationException.required(until, "until");
        if (until.isBefore(from)) {
            throw new ValidationException("until", until, "is before the period's start " + from);
        }
        return context.read(work -> {
            requireLedger(work);
            return IncomeExpenses.of(from, until, work.store(FactStore.class).sums(from, until));
        });
    }

    /**
     * ABC classes and RFM scores of the clients with facts in {@code currency} dated from
     * {@code from} to {@code until} (both included), computed now from the facts
     * ({@link ClientClasses}, {@link AbcRules} for where loss-making clients go).
     */
    public ClientClasses classes(LocalDate from, LocalDate until, String currency, AbcRules rules) {
        Period period = Period.of(from, until, currency, rules);
        return context.read(work -> {
            requireLedger(work);
            return period.classes(work);
        });
    }

    /**
     * Computes what {@link #classes} answers and, in the same unit of work, replaces the tenant's
     * stored classes with it ({@link ClientClass}, selected by {@link ClientClassCriterion}): a
     * client not classed this time loses its stored classes. Like facts, stored classes are not
     * journaled: they are derived, and recomputing gives them again.
     */
    public Recomputed recomputeClasses(LocalDate from, LocalDate until, String currency, AbcRules rules) {
        Period period = Period.of(from, until, currency, rules);
        return context.write(work -> {
            requireLedger(work);
            ClientClasses classes = period.classes(work);
            int replaced = work.store(FactStore.class).replaceClasses(ClientClass.of(classes));
            return new Recomputed(classes, classes.abc().size(), classes.rfm().size(), replaced);
        });
    }

    /** A client's classes as the last {@link #recomputeClasses} stored them; empty if it was not classed then. */
    public Optional<ClientClass> storedClasses(ClientId client) {
        ValidationException.required(client, "client");
        return context.read(work -> {
            requireLedger(work);
            return work.store(FactStore.class).storedClasses(client);
        });
    }

    /**
     * What a recomputation did: the classes computed, how many clients now have stored classes
     * (each a grade), how many of them RFM scores, and how many clients had stored classes before.
     */
    public record Recomputed(ClientClasses classes, int stored, int scored, int replaced) {
        public Recomputed {
            ValidationException.required(classes, "classes");
        }
    }

    /** The checked arguments of a classification. */
    private record Period(LocalDate from, LocalDate until, java.util.Currency currency, AbcRules rules) {
        static Period of(LocalDate from, LocalDate until, String currency, AbcRules rules) {
            ValidationException.required(from, "from");
            ValidationException.required(until, "until");
            ValidationException.required(rules, "rules");
            java.util.Currency code = org.crmkit.common.Money.currency(currency);
            if (until.isBefore(from)) {
                throw new ValidationException("until", until, "is before the period's start " + from);
            }
            return new Period(from, until, code, rules);
        }

        ClientClasses classes(UnitOfWork work) {
            return ClientClasses.of(from, until, currency, rules, work.store(FactStore.class).perClient(from, until, currency));
        }
    }

    private static void requireLedger(UnitOfWork work) {
        if (!work.context().access().mayAdminister(work.actor(), AREA)) {
            throw new AccessDeniedException(work.actor().toString(), "read or change the ledger");
        }
    }

    /** The clients the facts name that the tenant has (whatever the actor may see: facts are the business's). */
    private static Set<ClientId> existing(UnitOfWork work, List<Fact> facts) {
        Set<ClientId> named = new LinkedHashSet<>();
        facts.forEach(f -> f.client().ifPresent(named::add));
        return named.isEmpty() ? Set.of() : work.store(ClientStore.class).existing(named);
    }
}
