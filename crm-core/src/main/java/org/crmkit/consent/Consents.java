package org.crmkit.consent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The consent ledger's use cases. Every change appends to the ledger (never rewrites it), is
 * journaled under its client ({@code consent:<entry id>}), fed (ids and field names only) and,
 * for grants and withdrawals, published after commit. A refused call names the field and the
 * value and writes nothing. The subject must be a client the actor sees (and may change, for
 * writes), or a contact person of that client; grants and confirmation requests need an address on
 * the subject's card and a purpose that is built in or on the tenant's list. The suppression list
 * and the tenant's purposes are administered: the access policy's {@code mayAdminister(actor,
 * "consent")}.
 */
public final class Consents {
    public static final Feature FEATURE = Feature.of("consent", ConsentStore.class);
    /** The administration area of the suppression list and the tenant's purposes. */
    public static final String AREA = "consent";
    /** How long a double opt-in confirmation is valid when the host names no lifetime. */
    public static final Duration DEFAULT_CONFIRMATION_LIFETIME = Duration.ofDays(3);
    /** The longest confirmation lifetime accepted. */
    public static final Duration MAX_CONFIRMATION_LIFETIME = Duration.ofDays(30);
    static final String ENTRY = "consent";
    static final String SUPPRESSION = "consent-suppression";
    static final String PURPOSE = "consent-purpose";

    private static final Comparator<ConsentEntry> NEWEST_LAST =
            Comparator.comparing(ConsentEntry::at).thenComparing(e -> e.id().value(), SortOrder.UUIDS);

    private final CrmContext context;
    private final DoubleOptIn doubleOptIn;
    private final ConsentLists lists;

    public Consents(CrmContext context) {
        this.context = context;
        this.doubleOptIn = new DoubleOptIn(context);
        this.lists = new ConsentLists(context);
    }

    /** A key with the address parsed as the channel needs (phone numbers in the Crm's phone region). */
    public ConsentKey key(ConsentSubject subject, Channel channel, Purpose purpose, String address) {
        ValidationException.required(subject, "subject");
        ValidationException.required(purpose, "purpose");
        return new ConsentKey(subject, channel, purpose, ConsentAddress.forChannel(channel, address, context.phoneRegion()));
    }

    /**
     * Records that the subject granted consent on the key. The address must be on the subject's
     * card; the source may not be an unsubscribe link or a double opt-in confirmation (that is
     * {@link #confirm}). Granting again records another entry (a newer text version, say).
     */
    public ConsentEntry grant(ConsentKey key, ConsentSource source, Proof proof) {
        ValidationException.required(key, "key");
        ValidationException.required(source, "source");
        ValidationException.required(proof, "proof");
        if (source == ConsentSource.UNSUBSCRIBE_LINK || source == ConsentSource.DOUBLE_OPT_IN_CONFIRMATION) {
            throw new ValidationException("source", source, "is not a source of a grant (double opt-in grants through confirm)");
        }
        return context.write(work -> {
            ConsentRules.requireSubject(work, key.subject(), true);
            ConsentRules.requirePurpose(work, key.purpose());
            work.store(ConsentStore.class).lock(key.subject());
            ConsentRules.requireOnCard(work, key);
            ConsentEntry entry = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.GRANTED, work.now(), work.actor().name(),
                    source, proof, Optional.empty());
            ConsentRules.record(work, entry);
            return entry;
        });
    }

    /**
     * Records that the subject withdrew consent on the key, idempotently: when the latest entry is
     * already a withdrawal, nothing is written and the answer says so
     * ({@link Withdrawal#alreadyWithdrawn()}). A withdrawal without any grant before is recorded
     * (people may say no first), and so is one for an address no longer on the card (the person
     * asks to stop whatever the card says now). A one-click unsubscribe link goes through
     * {@link #unsubscribe}.
     */
    public Withdrawal withdraw(ConsentKey key, ConsentSource source, Proof proof) {
        ValidationException.required(key, "key");
        ValidationException.required(source, "source");
        ValidationException.required(proof, "proof");
        if (source == ConsentSource.DOUBLE_OPT_IN_CONFIRMATION) {
            throw new ValidationException("source", source, "is not a source of a withdrawal");
        }
        return context.write(work -> withdrawIn(work, key, source, proof));
    }

    /**
     * Withdraws the consent a verified one-click unsubscribe token names ({@link
     * UnsubscribeTokens#verify}): its subject, channel, purpose and address, from {@link
     * ConsentSource#UNSUBSCRIBE_LINK}, with the token's mailing (if any) as the evidence. Idempotent
     * as {@link #withdraw}: a second POST of the same link changes nothing and says so. A token of
     * another tenant than the actor's is refused naming {@code token}, without its address.
     */
    public Withdrawal unsubscribe(UnsubscribeToken token) {
        ValidationException.required(token, "token");
        Proof proof = new Proof(Optional.empty(), Optional.of(token.mailing().map(m -> "one-click unsubscribe, mailing " + m)
                .orElse("one-click unsubscribe link")));
        return context.write(work -> {
            if (!work.actor().tenant().equals(token.tenant())) {
                throw new ValidationException("token", "(an unsubscribe token)", "is of another tenant");
            }
            ConsentKey key = new ConsentKey(token.subject(), token.channel(), token.purpose(),
                    ConsentAddress.forChannel(token.channel(), token.address(), context.phoneRegion()));
            return withdrawIn(work, key, ConsentSource.UNSUBSCRIBE_LINK, proof);
        });
    }

    private Withdrawal withdrawIn(UnitOfWork work, ConsentKey key, ConsentSource source, Proof proof) {
        ConsentRules.requireSubject(work, key.subject(), true);
        ConsentRules.requirePurpose(work, key.purpose());
        ConsentStore store = work.store(ConsentStore.class);
        store.lock(key.subject());
        Optional<ConsentEntry> latest = store.latest(key);
        if (latest.isPresent() && latest.get().state() == ConsentState.WITHDRAWN) {
            return new Withdrawal(latest.get(), false);
        }
        ConsentEntry entry = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.WITHDRAWN, work.now(), work.actor().name(),
                source, proof, Optional.empty());
        ConsentRules.record(work, entry);
        return new Withdrawal(entry, true);
    }

    /** {@link #requestConfirmation(ConsentKey, ConsentSource, Proof, Duration)} with {@link #DEFAULT_CONFIRMATION_LIFETIME}. */
    public ConfirmationRequest requestConfirmation(ConsentKey key, ConsentSource source, Proof proof) {
        return requestConfirmation(key, source, proof, DEFAULT_CONFIRMATION_LIFETIME);
    }

    /**
     * Double opt-in for e-mail: records a pending entry that expires after {@code lifetime} and
     * answers the single-use token the host sends to the address. Until it is confirmed the key has
     * no consent; once expired it never will by this token.
     */
    public ConfirmationRequest requestConfirmation(ConsentKey key, ConsentSource source, Proof proof, Duration lifetime) {
        return doubleOptIn.request(key, source, proof, lifetime);
    }

    /**
     * Confirms a pending consent with the token sent to its address: records a grant (source
     * {@link ConsentSource#DOUBLE_OPT_IN_CONFIRMATION}, the pending entry's proof). Refused, with
     * nothing written: a malformed or oversized token, one this tenant never issued, one used
     * before (a replay), an expired one, one whose pending entry a later entry superseded, and one
     * whose address is no longer on the card.
     */
    public ConsentEntry confirm(String token) {
        return doubleOptIn.confirm(token);
    }

    /** The state in effect now for one key: may we send on this channel, for this purpose, to this address of this person? */
    public ConsentStatus status(ConsentKey key) {
        ValidationException.required(key, "key");
        return context.read(work -> {
            ConsentRules.requireSubject(work, key.subject(), false);
            ConsentStore store = work.store(ConsentStore.class);
            return ConsentRules.derive(key, store.latest(key), ConsentRules.onCard(work, key.subject()), store.suppression(key.address()),
                    work.now());
        });
    }

    /**
     * May we send on {@code channel} for {@code purpose} to this address now, whoever's card it is
     * on? Suppressed (for marketing) if it is on the suppression list; otherwise the standing of
     * the newest latest entry among the subjects that have the address on their card (NONE if
     * none has an entry; NOT_A_CURRENT_ADDRESS if the only entries are of subjects whose card no
     * longer has it).
     */
    public Standing standing(Channel channel, Purpose purpose, ConsentAddress address) {
        ValidationException.required(channel, "channel");
        ValidationException.required(purpose, "purpose");
        ValidationException.required(address, "address");
        if (ConsentAddress.kindOf(channel) != address.kind()) {
            throw new ValidationException("address", address.value(), "is not an address for " + channel);
        }
        return context.read(work -> {
            ConsentStore store = work.store(ConsentStore.class);
            if (purpose.equals(Purpose.MARKETING) && store.suppression(address).isPresent()) {
                return Standing.SUPPRESSED;
            }
            List<ConsentEntry> entries = store.currentAt(channel, purpose, address);
            Optional<ConsentEntry> newest = entries.stream().filter(e -> ConsentRules.onCard(work, e.key().subject()).contains(address))
                    .max(NEWEST_LAST);
            if (newest.isEmpty()) {
                return entries.isEmpty() ? Standing.NONE : Standing.NOT_A_CURRENT_ADDRESS;
            }
            return ConsentRules.derive(newest.get().key(), newest, Set.of(address), Optional.empty(), work.now()).standing();
        });
    }

    /** The state in effect now for every key the subject has an entry for, by channel, purpose and address. */
    public List<ConsentStatus> current(ConsentSubject subject) {
        ValidationException.required(subject, "subject");
        return context.read(work -> {
            ConsentRules.requireSubject(work, subject, false);
            ConsentStore store = work.store(ConsentStore.class);
            Set<ConsentAddress> card = ConsentRules.onCard(work, subject);
            List<ConsentStatus> statuses = new ArrayList<>();
            for (ConsentEntry latest : store.current(subject)) {
                statuses.add(ConsentRules.derive(latest.key(), Optional.of(latest), card, store.suppression(latest.key().address()), work.now()));
            }
            statuses.sort(Comparator.comparing((ConsentStatus s) -> s.key().channel()).thenComparing(s -> s.key().purpose().key())
                    .thenComparing(s -> s.key().address().value()));
            return statuses;
        });
    }

    /** Every ledger entry of the subject, oldest first: the proof of what was granted and withdrawn. */
    public List<ConsentEntry> ledger(ConsentSubject subject) {
        ValidationException.required(subject, "subject");
        return context.read(work -> {
            ConsentRules.requireSubject(work, subject, false);
            return work.store(ConsentStore.class).ledger(subject);
        });
    }

    /**
     * Everything that proves the subject's consents, as a regulator or the person would ask for
     * it: every ledger entry, and the suppression rows of every address in the ledger or on the
     * card. {@code org.crmkit.consent.json.ProofJson} writes it as JSON.
     */
    public ProofExport proof(ConsentSubject subject) {
        ValidationException.required(subject, "subject");
        return context.read(work -> {
            ConsentRules.requireSubject(work, subject, false);
            ConsentStore store = work.store(ConsentStore.class);
            List<ConsentEntry> entries = store.ledger(subject);
            Set<ConsentAddress> addresses = new LinkedHashSet<>();
            entries.forEach(e -> addresses.add(e.key().address()));
            addresses.addAll(ConsentRules.onCard(work, subject));
            List<Suppression> suppressions = addresses.stream().map(store::suppression).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(s -> s.address().value())).toList();
            return new ProofExport(work.actor().tenant(), subject, entries, suppressions, work.now(), work.actor().name());
        });
    }

    /** Puts an address on the suppression list (or replaces its reason): no marketing reaches it, whatever the ledger says. */
    public Suppression suppress(ConsentAddress address, SuppressionReason reason, Optional<String> note) {
        return lists.suppress(address, reason, note);
    }

    /** Takes an address off the suppression list; false (nothing written) if it was not on it. */
    public boolean unsuppress(ConsentAddress address) {
        return lists.unsuppress(address);
    }

    /** Whether (and why) an address is suppressed. */
    public Optional<Suppression> suppression(ConsentAddress address) {
        return lists.suppression(address);
    }

    /** The tenant's suppression list, by address. */
    public List<Suppression> suppressions() {
        return lists.suppressions();
    }

    /** Adds a purpose to the tenant's list; a built-in one or one already there changes nothing. */
    public Purpose addPurpose(Purpose purpose) {
        return lists.addPurpose(purpose);
    }

    /** The purposes consent can be given for: the built-in ones, then the tenant's own by key. */
    public List<Purpose> purposes() {
        return lists.purposes();
    }
}
