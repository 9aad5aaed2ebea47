package org.crmkit.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.CrmException;
import org.crmkit.common.SortOrder;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
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

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    /** Longest token text read at all; longer input is refused before anything else is done with it. */
    private static final int MAX_TOKEN_INPUT = 200;
    private static final Comparator<ConsentEntry> NEWEST_LAST =
            Comparator.comparing(ConsentEntry::at).thenComparing(e -> e.id().value(), SortOrder.UUIDS);

    private final CrmContext context;

    public Consents(CrmContext context) {
        this.context = context;
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
            requireSubject(work, key.subject(), true);
            requirePurpose(work, key.purpose());
            requireOnCard(work, key);
            ConsentEntry entry = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.GRANTED, work.now(), work.actor().name(),
                    source, proof, Optional.empty());
            record(work, entry);
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
        requireSubject(work, key.subject(), true);
        requirePurpose(work, key.purpose());
        ConsentStore store = work.store(ConsentStore.class);
        Optional<ConsentEntry> latest = store.latest(key);
        if (latest.isPresent() && latest.get().state() == ConsentState.WITHDRAWN) {
            return new Withdrawal(latest.get(), false);
        }
        ConsentEntry entry = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.WITHDRAWN, work.now(), work.actor().name(),
                source, proof, Optional.empty());
        record(work, entry);
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
        ValidationException.required(key, "key");
        ValidationException.required(source, "source");
        ValidationException.required(proof, "proof");
        ValidationException.required(lifetime, "lifetime");
        if (key.channel() != Channel.EMAIL) {
            throw new ValidationException("channel", key.channel(), "has no double opt-in (only EMAIL)");
        }
        if (source == ConsentSource.UNSUBSCRIBE_LINK || source == ConsentSource.DOUBLE_OPT_IN_CONFIRMATION) {
            throw new ValidationException("source", source, "is not a source of a consent request");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_CONFIRMATION_LIFETIME) > 0) {
            throw new ValidationException("lifetime", lifetime, "must be positive and at most " + MAX_CONFIRMATION_LIFETIME);
        }
        return context.write(work -> {
            requireSubject(work, key.subject(), true);
            requirePurpose(work, key.purpose());
            requireOnCard(work, key);
            Instant now = work.now();
            ConsentEntry pending = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.PENDING, now, work.actor().name(),
                    source, proof, Optional.of(now.plus(lifetime)));
            String token = newToken();
            ConsentStore store = work.store(ConsentStore.class);
            store.append(pending);
            store.addConfirmation(new PendingConfirmation(hash(token), pending.id(), pending.expires().orElseThrow(), Optional.empty()));
            journal(work, pending);
            return new ConfirmationRequest(pending, token);
        });
    }

    /**
     * Confirms a pending consent with the token sent to its address: records a grant (source
     * {@link ConsentSource#DOUBLE_OPT_IN_CONFIRMATION}, the pending entry's proof). Refused, with
     * nothing written: a malformed or oversized token, one this tenant never issued, one used
     * before (a replay), an expired one, one whose pending entry a later entry superseded, and one
     * whose address is no longer on the card.
     */
    public ConsentEntry confirm(String token) {
        ValidationException.required(token, "token");
        if (token.length() > MAX_TOKEN_INPUT) {
            throw new ValidationException("token", shown(token), "is too long (" + token.length() + " characters; a token has 43)");
        }
        if (!TOKEN.matcher(token).matches()) {
            throw new ValidationException("token", shown(token), "is not a confirmation token (43 characters of base64url)");
        }
        String hash = hash(token);
        return context.write(work -> {
            ConsentStore store = work.store(ConsentStore.class);
            PendingConfirmation confirmation = store.confirmation(hash)
                    .orElseThrow(() -> new ValidationException("token", shown(token), "is not a confirmation token of this tenant"));
            if (confirmation.used().isPresent()) {
                throw new ValidationException("token", shown(token), "has already been used (at " + confirmation.used().get() + ")");
            }
            Instant now = work.now();
            if (!now.isBefore(confirmation.expires())) {
                throw new ValidationException("token", shown(token), "expired at " + confirmation.expires());
            }
            ConsentEntry pending = store.entry(confirmation.entry())
                    .orElseThrow(() -> new CrmException("the pending entry " + confirmation.entry() + " of a confirmation token is missing"));
            ConsentKey key = pending.key();
            if (!store.latest(key).map(l -> l.id().equals(pending.id())).orElse(false)) {
                throw new ValidationException("token", shown(token), "was superseded by a later entry for " + key.channel() + " " + key.purpose());
            }
            requireSubject(work, key.subject(), false);
            requireOnCard(work, key);
            if (!store.useConfirmation(hash, now)) {
                throw new ValidationException("token", shown(token), "has already been used");
            }
            ConsentEntry granted = new ConsentEntry(new ConsentEntryId(work.newId()), key, ConsentState.GRANTED, now, work.actor().name(),
                    ConsentSource.DOUBLE_OPT_IN_CONFIRMATION, pending.proof(), Optional.empty());
            record(work, granted);
            return granted;
        });
    }

    /** The state in effect now for one key: may we send on this channel, for this purpose, to this address of this person? */
    public ConsentStatus status(ConsentKey key) {
        ValidationException.required(key, "key");
        return context.read(work -> {
            requireSubject(work, key.subject(), false);
            ConsentStore store = work.store(ConsentStore.class);
            return status(key, store.latest(key), onCard(work, key.subject()), suppressed(store, key.address()), work.now());
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
            Optional<ConsentEntry> newest = entries.stream().filter(e -> onCard(work, e.key().subject()).contains(address)).max(NEWEST_LAST);
            if (newest.isEmpty()) {
                return entries.isEmpty() ? Standing.NONE : Standing.NOT_A_CURRENT_ADDRESS;
            }
            return status(newest.get().key(), newest, Set.of(address), Optional.empty(), work.now()).standing();
        });
    }

    /** The state in effect now for every key the subject has an entry for, by channel, purpose and address. */
    public List<ConsentStatus> current(ConsentSubject subject) {
        ValidationException.required(subject, "subject");
        return context.read(work -> {
            requireSubject(work, subject, false);
            ConsentStore store = work.store(ConsentStore.class);
            Set<ConsentAddress> card = onCard(work, subject);
            List<ConsentStatus> statuses = new ArrayList<>();
            for (ConsentEntry latest : store.current(subject)) {
                statuses.add(status(latest.key(), Optional.of(latest), card, suppressed(store, latest.key().address()), work.now()));
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
            requireSubject(work, subject, false);
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
            requireSubject(work, subject, false);
            ConsentStore store = work.store(ConsentStore.class);
            List<ConsentEntry> entries = store.ledger(subject);
            Set<ConsentAddress> addresses = new LinkedHashSet<>();
            entries.forEach(e -> addresses.add(e.key().address()));
            addresses.addAll(onCard(work, subject));
            List<Suppression> suppressions = addresses.stream().map(store::suppression).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(s -> s.address().value())).toList();
            return new ProofExport(work.actor().tenant(), subject, entries, suppressions, work.now(), work.actor().name());
        });
    }

    /** Puts an address on the suppression list (or replaces its reason): no marketing reaches it, whatever the ledger says. */
    public Suppression suppress(ConsentAddress address, SuppressionReason reason, Optional<String> note) {
        ValidationException.required(address, "address");
        ValidationException.required(reason, "reason");
        ValidationException.required(note, "note");
        return context.write(work -> {
            requireArea(work);
            ConsentStore store = work.store(ConsentStore.class);
            Optional<Suppression> before = store.suppression(address);
            Suppression suppression = new Suppression(address, reason, note, work.now(), work.actor().name());
            store.suppress(suppression);
            work.administered(SUPPRESSION, digest(address), before.isPresent() ? "changed" : "added", before.map(Consents::view).orElse(Map.of()),
                    view(suppression));
            return suppression;
        });
    }

    /** Takes an address off the suppression list; false (nothing written) if it was not on it. */
    public boolean unsuppress(ConsentAddress address) {
        ValidationException.required(address, "address");
        return context.write(work -> {
            requireArea(work);
            ConsentStore store = work.store(ConsentStore.class);
            Optional<Suppression> before = store.suppression(address);
            if (before.isEmpty()) {
                return false;
            }
            store.unsuppress(address);
            work.administered(SUPPRESSION, digest(address), "removed", view(before.get()), Map.of());
            return true;
        });
    }

    /** Whether (and why) an address is suppressed. */
    public Optional<Suppression> suppression(ConsentAddress address) {
        ValidationException.required(address, "address");
        return context.read(work -> work.store(ConsentStore.class).suppression(address));
    }

    /** The tenant's suppression list, by address. */
    public List<Suppression> suppressions() {
        return context.read(work -> {
            requireArea(work);
            return work.store(ConsentStore.class).suppressions();
        });
    }

    /** Adds a purpose to the tenant's list; a built-in one or one already there changes nothing. */
    public Purpose addPurpose(Purpose purpose) {
        ValidationException.required(purpose, "purpose");
        return context.write(work -> {
            requireArea(work);
            ConsentStore store = work.store(ConsentStore.class);
            if (!purpose.builtIn() && !store.purposes().contains(purpose)) {
                store.addPurpose(purpose);
                work.administered(PURPOSE, purpose.key(), "added", Map.of(), Map.of("key", purpose.key()));
            }
            return purpose;
        });
    }

    /** The purposes consent can be given for: the built-in ones, then the tenant's own by key. */
    public List<Purpose> purposes() {
        return context.read(work -> {
            List<Purpose> all = new ArrayList<>(Purpose.BUILT_IN);
            all.addAll(work.store(ConsentStore.class).purposes());
            return all;
        });
    }

    // --- the rules shared by the use cases

    private static ConsentStatus status(ConsentKey key, Optional<ConsentEntry> latest, Set<ConsentAddress> card, Optional<Suppression> suppression,
                                        Instant now) {
        Standing standing;
        if (!card.contains(key.address())) {
            standing = Standing.NOT_A_CURRENT_ADDRESS;
        } else if (suppression.isPresent() && suppression.get().stops(key)) {
            standing = Standing.SUPPRESSED;
        } else if (latest.isEmpty()) {
            standing = Standing.NONE;
        } else {
            ConsentEntry entry = latest.get();
            switch (entry.state()) {
                case GRANTED:
                    standing = Standing.GRANTED;
                    break;
                case WITHDRAWN:
                    standing = Standing.WITHDRAWN;
                    break;
                default:
                    standing = entry.expiredAt(now) ? Standing.EXPIRED : Standing.PENDING;
            }
        }
        return new ConsentStatus(key, latest, standing);
    }

    private static Optional<Suppression> suppressed(ConsentStore store, ConsentAddress address) {
        return store.suppression(address);
    }

    private static void record(UnitOfWork work, ConsentEntry entry) {
        work.store(ConsentStore.class).append(entry);
        journal(work, entry);
        if (entry.state() == ConsentState.GRANTED) {
            work.publish(new ConsentEvent.Granted(work.actor().tenant(), entry.id(), entry.key(), entry.at(), entry.actor()));
        } else if (entry.state() == ConsentState.WITHDRAWN) {
            work.publish(new ConsentEvent.Withdrawn(work.actor().tenant(), entry.id(), entry.key(), entry.at(), entry.actor()));
        }
    }

    private static void journal(UnitOfWork work, ConsentEntry entry) {
        String change = entry.state().name().toLowerCase(java.util.Locale.ROOT);
        work.journal(List.of(new AuditEntry(work.newId(), Optional.of(entry.key().subject().client()), AuditEntry.subject(ENTRY, entry.id()), change,
                Optional.empty(), Optional.of(entry.describe()), work.actor().name(), work.now())));
        List<String> fields = new ArrayList<>(List.of("client", "channel", "purpose", "address", "state", "source"));
        if (entry.key().subject().contactPerson().isPresent()) {
            fields.add("contactPerson");
        }
        work.changed(ENTRY, entry.id(), change, fields);
    }

    /** The e-mail addresses and phone numbers on the subject's card now (none for a contact person that is gone). */
    static Set<ConsentAddress> onCard(UnitOfWork work, ConsentSubject subject) {
        List<ContactEntry> contacts;
        if (subject.contactPerson().isPresent()) {
            contacts = work.store(ContactPersonStore.class).get(subject.contactPerson().get()).filter(p -> p.client().equals(subject.client()))
                    .map(ContactPerson::contacts).orElse(List.of());
        } else {
            contacts = work.store(ClientStore.class).get(subject.client()).map(c -> c.contacts()).orElse(List.of());
        }
        Set<ConsentAddress> addresses = new LinkedHashSet<>();
        contacts.forEach(c -> ConsentAddress.of(c).ifPresent(addresses::add));
        return addresses;
    }

    private static void requireOnCard(UnitOfWork work, ConsentKey key) {
        if (!onCard(work, key.subject()).contains(key.address())) {
            throw new ValidationException("address", key.address().value(), "is not " + (key.address().kind() == ConsentAddress.Kind.EMAIL
                    ? "an e-mail address" : "a phone number") + " on the card of " + who(key.subject()));
        }
    }

    private static String who(ConsentSubject subject) {
        return subject.contactPerson().map(p -> "contact person " + p + " of client " + subject.client()).orElse("client " + subject.client());
    }

    private static void requirePurpose(UnitOfWork work, Purpose purpose) {
        if (!purpose.builtIn() && !work.store(ConsentStore.class).purposes().contains(purpose)) {
            throw new ValidationException("purpose", purpose.key(), "is not a purpose of this tenant (add it with consents().addPurpose)");
        }
    }

    private static void requireSubject(UnitOfWork work, ConsentSubject subject, boolean change) {
        Criterion<ClientCriterion> seen = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
        ClientStore clients = work.store(ClientStore.class);
        ClientCriterion one = new ClientCriterion.IdIn(Set.of(subject.client()));
        if (clients.count(seen.and(one)) == 0) {
            throw new ValidationException("client", subject.client(), "is not a client this actor sees");
        }
        if (subject.contactPerson().isPresent()) {
            boolean theirs = work.store(ContactPersonStore.class).get(subject.contactPerson().get()).map(p -> p.client().equals(subject.client()))
                    .orElse(false);
            if (!theirs) {
                throw new ValidationException("contactPerson", subject.contactPerson().get(), "is not a contact person of client " + subject.client());
            }
        }
        if (change) {
            Criterion<ClientCriterion> changeable = work.context().access().changeable(work.actor(), ClientAccess.CLIENTS);
            if (clients.count(changeable.and(one)) == 0) {
                throw new AccessDeniedException(work.actor().toString(), "record consents of client " + subject.client());
            }
        }
    }

    private static void requireArea(UnitOfWork work) {
        if (!work.context().access().mayAdminister(work.actor(), AREA)) {
            throw new AccessDeniedException(work.actor().toString(), "administer consent (suppression list, purposes)");
        }
    }

    private static Map<String, String> view(Suppression s) {
        Map<String, String> view = new LinkedHashMap<>();
        view.put("address", s.address().value());
        view.put("reason", s.reason().name());
        s.note().ifPresent(n -> view.put("note", n));
        return view;
    }

    /** A stable id for an address in the feed, which never carries personal values. */
    static String digest(ConsentAddress address) {
        return hash(address.kind() + ":" + address.value()).substring(0, 32);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** How a token appears in an error: its first 8 characters, never the whole secret. */
    private static String shown(String token) {
        return token.length() <= 8 ? token : token.substring(0, 8) + "…";
    }
}
