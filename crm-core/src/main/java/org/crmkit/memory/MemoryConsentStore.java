package org.crmkit.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.client.Client;
import org.crmkit.client.ContactPerson;
import org.crmkit.common.ClientId;
import org.crmkit.common.SortOrder;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentAddress;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentEntryId;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentStore;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.PendingConfirmation;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.Suppression;

/** The consent ledger in a tenant's maps: the entries in append order, the latest per key, tokens, suppressions, purposes. */
final class MemoryConsentStore implements ConsentStore {
    static final Comparator<ConsentEntry> TIME_ORDER = Comparator.comparing(ConsentEntry::at).thenComparing(e -> e.id().value(), SortOrder.UUIDS);

    private final MemoryUnit unit;
    private final MemoryTenant data;

    MemoryConsentStore(MemoryUnit unit) {
        this.unit = unit;
        this.data = unit.data;
    }

    @Override
    public void append(ConsentEntry entry) {
        unit.insertNew(data.consentEntries, entry.id(), entry, "id", entry.id());
        unit.put(data.consentCurrent, entry.key(), entry);
    }

    @Override
    public Optional<ConsentEntry> latest(ConsentKey key) {
        unit.checkOpen();
        return Optional.ofNullable(data.consentCurrent.get(key));
    }

    @Override
    public List<ConsentEntry> current(ConsentSubject subject) {
        unit.checkOpen();
        return data.consentCurrent.values().stream().filter(e -> e.key().subject().equals(subject)).toList();
    }

    @Override
    public List<ConsentEntry> currentAt(Channel channel, Purpose purpose, ConsentAddress address) {
        unit.checkOpen();
        return data.consentCurrent.values().stream()
                .filter(e -> e.key().channel() == channel && e.key().purpose().equals(purpose) && e.key().address().equals(address)).toList();
    }

    @Override
    public List<ConsentEntry> ledger(ConsentSubject subject) {
        unit.checkOpen();
        return data.consentEntries.values().stream().filter(e -> e.key().subject().equals(subject)).sorted(TIME_ORDER).toList();
    }

    @Override
    public Optional<ConsentEntry> entry(ConsentEntryId id) {
        unit.checkOpen();
        return Optional.ofNullable(data.consentEntries.get(id));
    }

    @Override
    public void addConfirmation(PendingConfirmation confirmation) {
        unit.insertNew(data.consentConfirmations, confirmation.tokenHash(), confirmation, "tokenHash", "…");
    }

    @Override
    public Optional<PendingConfirmation> confirmation(String tokenHash) {
        unit.checkOpen();
        return Optional.ofNullable(data.consentConfirmations.get(tokenHash));
    }

    @Override
    public boolean useConfirmation(String tokenHash, Instant at) {
        unit.writing();
        PendingConfirmation c = data.consentConfirmations.get(tokenHash);
        if (c == null || c.used().isPresent()) {
            return false;
        }
        unit.put(data.consentConfirmations, tokenHash, new PendingConfirmation(tokenHash, c.entry(), c.expires(), Optional.of(at)));
        return true;
    }

    @Override
    public void suppress(Suppression suppression) {
        unit.writing();
        unit.put(data.suppressions, suppression.address(), suppression);
    }

    @Override
    public boolean unsuppress(ConsentAddress address) {
        unit.writing();
        Suppression before = data.suppressions.remove(address);
        if (before == null) {
            return false;
        }
        unit.onRollback(() -> data.suppressions.put(address, before));
        return true;
    }

    @Override
    public Optional<Suppression> suppression(ConsentAddress address) {
        unit.checkOpen();
        return Optional.ofNullable(data.suppressions.get(address));
    }

    @Override
    public List<Suppression> suppressions() {
        unit.checkOpen();
        return data.suppressions.values().stream().sorted(Comparator.comparing(s -> s.address().value(), SortOrder.TEXT)).toList();
    }

    @Override
    public void addPurpose(Purpose purpose) {
        unit.writing();
        if (!data.purposes.containsKey(purpose.key())) {
            unit.put(data.purposes, purpose.key(), purpose);
        }
    }

    @Override
    public List<Purpose> purposes() {
        unit.checkOpen();
        return new ArrayList<>(data.purposes.values());
    }

    // --- the criteria's relations

    /** The addresses on a client's card and on its contact persons' cards. */
    static Set<ConsentAddress> addressesOf(MemoryTenant data, ClientId client) {
        Set<ConsentAddress> addresses = new LinkedHashSet<>();
        Client c = data.clients.get(client);
        if (c != null) {
            c.contacts().forEach(e -> ConsentAddress.of(e).ifPresent(addresses::add));
        }
        data.persons.values().stream().filter(p -> p.client().equals(client))
                .forEach(p -> p.contacts().forEach(e -> ConsentAddress.of(e).ifPresent(addresses::add)));
        return addresses;
    }

    /** A client's consents in effect: latest, granted, address on the subject's card, not suppressed for marketing. */
    static List<ConsentEntry> inEffect(MemoryTenant data, ClientId client) {
        List<ConsentEntry> found = new ArrayList<>();
        for (ConsentEntry e : data.consentCurrent.values()) {
            ConsentKey key = e.key();
            if (!key.subject().client().equals(client) || e.state() != ConsentState.GRANTED) {
                continue;
            }
            if (!onCard(data, key.subject()).contains(key.address())) {
                continue;
            }
            Suppression s = data.suppressions.get(key.address());
            if (s != null && s.stops(key)) {
                continue;
            }
            found.add(e);
        }
        return found;
    }

    private static Set<ConsentAddress> onCard(MemoryTenant data, ConsentSubject subject) {
        Set<ConsentAddress> addresses = new LinkedHashSet<>();
        if (subject.contactPerson().isPresent()) {
            ContactPerson p = data.persons.get(subject.contactPerson().get());
            if (p != null && p.client().equals(subject.client())) {
                p.contacts().forEach(e -> ConsentAddress.of(e).ifPresent(addresses::add));
            }
        } else {
            Client c = data.clients.get(subject.client());
            if (c != null) {
                c.contacts().forEach(e -> ConsentAddress.of(e).ifPresent(addresses::add));
            }
        }
        return addresses;
    }

    /** The suppression rows of a client's addresses. */
    static List<Suppression> suppressedOf(MemoryTenant data, ClientId client) {
        return addressesOf(data, client).stream().map(data.suppressions::get).filter(s -> s != null).toList();
    }
}
