package org.crmkit.consent;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.audit.AuditEntry;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.usecase.UnitOfWork;

/**
 * The rules the consent use cases share ({@link Consents}, {@link DoubleOptIn}, {@link
 * ConsentLists}): what a subject may be, which addresses are on its card, how a standing is
 * derived from the latest entry, and how an entry is recorded (appended, journaled, fed, published).
 */
final class ConsentRules {
    private ConsentRules() {
    }

    /** The status of a key from its latest entry, the subject's card and the address's suppression, at {@code now}. */
    static ConsentStatus derive(ConsentKey key, Optional<ConsentEntry> latest, Set<ConsentAddress> card, Optional<Suppression> suppression,
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

    static void record(UnitOfWork work, ConsentEntry entry) {
        work.store(ConsentStore.class).append(entry);
        journal(work, entry);
        if (entry.state() == ConsentState.GRANTED) {
            work.publish(new ConsentEvent.Granted(work.actor().tenant(), entry.id(), entry.key(), entry.at(), entry.actor()));
        } else if (entry.state() == ConsentState.WITHDRAWN) {
            work.publish(new ConsentEvent.Withdrawn(work.actor().tenant(), entry.id(), entry.key(), entry.at(), entry.actor()));
        }
    }

    static void journal(UnitOfWork work, ConsentEntry entry) {
        String change = entry.state().name().toLowerCase(java.util.Locale.ROOT);
        work.journal(List.of(new AuditEntry(work.newId(), Optional.of(entry.key().subject().client()), AuditEntry.subject(Consents.ENTRY, entry.id()), change,
                Optional.empty(), Optional.of(entry.describe()), work.actor().name(), work.now())));
        List<String> fields = new ArrayList<>(List.of("client", "channel", "purpose", "address", "state", "source"));
        if (entry.key().subject().contactPerson().isPresent()) {
            fields.add("contactPerson");
        }
        work.changed(Consents.ENTRY, entry.id(), change, fields);
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

    static void requireOnCard(UnitOfWork work, ConsentKey key) {
        if (!onCard(work, key.subject()).contains(key.address())) {
            throw new ValidationException("address", key.address().value(), "is not " + (key.address().kind() == ConsentAddress.Kind.EMAIL
                    ? "an e-mail address" : "a phone number") + " on the card of " + who(key.subject()));
        }
    }

    static String who(ConsentSubject subject) {
        return subject.contactPerson().map(p -> "contact person " + p + " of client " + subject.client()).orElse("client " + subject.client());
    }

    static void requirePurpose(UnitOfWork work, Purpose purpose) {
        if (!purpose.builtIn() && !work.store(ConsentStore.class).purposes().contains(purpose)) {
            throw new ValidationException("purpose", purpose.key(), "is not a purpose of this tenant (add it with consents().addPurpose)");
        }
    }

    static void requireSubject(UnitOfWork work, ConsentSubject subject, boolean change) {
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

    static void requireArea(UnitOfWork work) {
        if (!work.context().access().mayAdminister(work.actor(), Consents.AREA)) {
            throw new AccessDeniedException(work.actor().toString(), "administer consent (suppression list, purposes)");
        }
    }

    /** A stable id for an address in the feed, which never carries personal values. */
    static String digest(ConsentAddress address) {
        return hash(address.kind() + ":" + address.value()).substring(0, 32);
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
