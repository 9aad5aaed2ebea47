package org.crmkit.mailing.recipient;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.client.ContactType;
import org.crmkit.client.PreferredChannel;
import org.crmkit.common.ClientId;
import org.crmkit.common.PhoneNumber;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentAddress;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentStore;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.Suppression;
import org.crmkit.criteria.Criterion;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Resolves a mailing's audience into recipients and exclusions, streaming.
 *
 * <p><b>Pages.</b> Clients are read by keyset ({@link ClientStore#findAfter}, by id) in pages of
 * {@link RecipientQuery#pageSize()}, each page in a read unit of work of its own, with the access
 * policy inside the query: only clients the actor may see are resolved, archived ones never. Per
 * page, the contact persons of the page's clients are read at once ({@link
 * ContactPersonStore#ofClients}), then the consent entries and suppressions of all its candidate
 * addresses at once ({@link ConsentStore#latest(java.util.Collection)}, {@link
 * ConsentStore#suppressions}). The page's results go to the sink after its unit of work ends; then
 * the page is dropped. Only the addresses already given a message are kept from page to page, as
 * 64-bit hashes.
 *
 * <p><b>Address.</b> E-mail: the card's primary e-mail address, else its first. SMS: the first
 * number on a mobile line ({@link PhoneNumber#smsReachable()}) of the card's MOBILE entries
 * (primary first), then its PHONE entries; numbers only on other lines: NOT_MOBILE.
 *
 * <p><b>Checks</b>, in this order, the first failing one giving the reason: contact person
 * (for {@link Addressee#CONTACT_PERSONS}), address, suppression (marketing only), consent (the
 * latest entry of subject, channel, purpose and address must grant), quiet hours (SMS only; the
 * tenant's zone), duplicate address.
 *
 * <p><b>Duplicates.</b> The resolver's order is: clients by id ({@link org.crmkit.common.SortOrder#UUIDS}),
 * within a client its addressed contact persons in {@link ContactPerson#BY_NAME} order. The first
 * recipient in that order that passes every other check gets the message; every later one with the
 * same channel and address is excluded as {@link ExclusionReason#DUPLICATE_ADDRESS}. (The
 * brochure's Алхимов А.А. and Арендодатель share {@code ad@erw.ru}: whichever client id comes
 * first receives it.) An excluded holder of an address does not take it: a later holder who
 * consented still receives. {@link RecipientQuery.SharedAddresses#EVERY_RECIPIENT} sends to each of
 * them instead.
 */
public final class Recipients {
    public static final Feature FEATURE = Feature.of("mailing-recipients", ConsentStore.class);

    private final CrmContext context;

    public Recipients(CrmContext context) {
        this.context = ValidationException.required(context, "context");
    }

    /** Resolves {@code query}, handing every recipient and exclusion to {@code sink} in the resolver's order. */
    public Resolution resolve(RecipientQuery query, RecipientSink sink) {
        ValidationException.required(query, "query");
        ValidationException.required(sink, "sink");
        Criterion<ClientCriterion> rule = query.audience().accept(new Audience.Visitor<Criterion<ClientCriterion>>() {
            @Override
            public Criterion<ClientCriterion> rule(Audience.Rule r) {
                return r.rule();
            }
        }).and(new ClientCriterion.Archived(false));
        AddressSet sent = new AddressSet();
        Map<ExclusionReason, Long> excluded = new EnumMap<>(ExclusionReason.class);
        long recipients = 0;
        long clients = 0;
        int pages = 0;
        Optional<ClientId> after = Optional.empty();
        while (true) {
            Optional<ClientId> cursor = after;
            Page page = context.read(work -> page(work, query, rule, cursor));
            pages++;
            clients += page.clients;
            for (Slot slot : page.out) {
                if (slot.exclusion == null) {
                    Candidate c = slot.candidate;
                    boolean first = sent.add(c.channel + " " + c.address);
                    if (first || query.sharedAddresses() == RecipientQuery.SharedAddresses.EVERY_RECIPIENT) {
                        sink.recipient(new Recipient(c.client.id(), c.person.map(ContactPerson::id), c.channel, c.address, c.displayName(),
                                c.client.shortName()));
                        recipients++;
                    } else {
                        excluded.merge(ExclusionReason.DUPLICATE_ADDRESS, 1L, Long::sum);
                        sink.excluded(c.exclusion(ExclusionReason.DUPLICATE_ADDRESS,
                                Optional.of("an earlier recipient of this mailing has " + c.address)));
                    }
                } else {
                    excluded.merge(slot.exclusion.reason(), 1L, Long::sum);
                    sink.excluded(slot.exclusion);
                }
            }
            if (page.last.isEmpty() || page.clients < query.pageSize()) {
                break;
            }
            after = page.last;
        }
        return new Resolution(recipients, excluded, clients, pages);
    }

    /** One page of clients: everything but the duplicate check, which needs the pages before. */
    private static Page page(UnitOfWork work, RecipientQuery query, Criterion<ClientCriterion> rule, Optional<ClientId> after) {
        Criterion<ClientCriterion> visible = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
        List<Client> clients = work.store(ClientStore.class).findAfter(visible.and(rule), after, query.pageSize());
        Map<ClientId, List<ContactPerson>> persons = query.addressee() == Addressee.CONTACT_PERSONS
                ? work.store(ContactPersonStore.class).ofClients(clients.stream().map(Client::id).collect(Collectors.toList()))
                : Map.of();
        List<Slot> out = new ArrayList<>();
        for (Client client : clients) {
            List<Optional<ContactPerson>> addressed = new ArrayList<>();
            if (query.addressee() == Addressee.CLIENT) {
                addressed.add(Optional.empty());
            } else {
                List<ContactPerson> all = persons.getOrDefault(client.id(), List.of());
                if (all.isEmpty()) {
                    out.add(Slot.excluded(new Exclusion(client.id(), Optional.empty(), Optional.empty(), Optional.empty(), client.shortName(),
                            ExclusionReason.NO_CONTACT_PERSON, Optional.empty())));
                    continue;
                }
                List<ContactPerson> marked = all.stream().filter(ContactPerson::receivesMailings).sorted(ContactPerson.BY_NAME)
                        .collect(Collectors.toList());
                (marked.isEmpty() ? List.of(all.stream().sorted(ContactPerson.BY_NAME).findFirst().orElseThrow()) : marked)
                        .forEach(p -> addressed.add(Optional.of(p)));
            }
            for (Optional<ContactPerson> person : addressed) {
                Optional<PreferredChannel> preference = person.flatMap(ContactPerson::preferredChannel).or(client::preferredChannel);
                Channel channel = query.channels().channelFor(preference.map(p -> Channel.valueOf(p.name())));
                List<ContactEntry> card = person.map(ContactPerson::contacts).orElse(client.contacts());
                out.add(address(new Candidate(client, person, channel, null), card));
            }
        }
        checkConsent(work, query, out);
        return new Page(out, clients.size(), clients.isEmpty() ? Optional.empty() : Optional.of(clients.get(clients.size() - 1).id()));
    }

    /** The candidate with its address, or the exclusion for having none that the channel can use. */
    private static Slot address(Candidate c, List<ContactEntry> card) {
        if (c.channel == Channel.EMAIL) {
            Optional<ContactEntry> email = card.stream().filter(e -> e.type() == ContactType.EMAIL && e.primary()).findFirst()
                    .or(() -> card.stream().filter(e -> e.type() == ContactType.EMAIL).findFirst());
            if (email.isPresent()) {
                return Slot.of(c.at(email.get().value()));
            }
            Optional<ContactEntry> text = card.stream().filter(e -> e.type().format() == ContactType.Format.HANDLE && e.value().contains("@"))
                    .findFirst();
            if (text.isPresent()) {
                return Slot.excluded(c.excludedAt(text.get().value(), ExclusionReason.INVALID_ADDRESS,
                        Optional.of("not an e-mail address: " + text.get().type() + " entry")));
            }
            return Slot.excluded(c.excludedAt(null, ExclusionReason.NO_ADDRESS, Optional.empty()));
        }
        List<ContactEntry> numbers = new ArrayList<>();
        for (ContactType type : List.of(ContactType.MOBILE, ContactType.PHONE)) {
            card.stream().filter(e -> e.type() == type && e.primary()).forEach(numbers::add);
            card.stream().filter(e -> e.type() == type && !e.primary()).forEach(numbers::add);
        }
        if (numbers.isEmpty()) {
            return Slot.excluded(c.excludedAt(null, ExclusionReason.NO_ADDRESS, Optional.empty()));
        }
        return numbers.stream().filter(e -> new PhoneNumber(e.value()).smsReachable()).findFirst().map(e -> Slot.of(c.at(e.value())))
                .orElseGet(() -> Slot.excluded(c.excludedAt(numbers.get(0).value(), ExclusionReason.NOT_MOBILE, Optional.empty())));
    }

    /** Suppression, consent and quiet hours of the page's candidates, each asked once for the page. */
    private static void checkConsent(UnitOfWork work, RecipientQuery query, List<Slot> out) {
        List<Candidate> candidates = out.stream().filter(s -> s.exclusion == null).map(s -> s.candidate).collect(Collectors.toList());
        if (candidates.isEmpty()) {
            return;
        }
        ConsentStore store = work.store(ConsentStore.class);
        Map<ConsentAddress, Suppression> suppressed = query.purpose().equals(Purpose.MARKETING)
                ? store.suppressions(candidates.stream().map(Candidate::consentAddress).collect(Collectors.toSet()))
                : Map.of();
        Map<ConsentKey, ConsentEntry> latest = store.latest(candidates.stream().map(c -> c.key(query.purpose())).collect(Collectors.toSet()));
        boolean quiet = query.quietHours().isPresent()
                && !query.quietHours().get().allows(work.now(), Optional.empty(), work.context().clock().getZone());
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).exclusion != null) {
                continue;
            }
            Candidate c = out.get(i).candidate;
            Suppression s = suppressed.get(c.consentAddress());
            ConsentEntry entry = latest.get(c.key(query.purpose()));
            if (s != null) {
                out.set(i, Slot.excluded(c.exclusion(ExclusionReason.SUPPRESSED, Optional.of(s.reason().name()))));
            } else if (entry == null || entry.state() != ConsentState.GRANTED) {
                out.set(i, Slot.excluded(c.exclusion(ExclusionReason.NO_CONSENT, Optional.of(entry == null ? "no consent recorded"
                        : "latest consent entry is " + entry.state()))));
            } else if (quiet && c.channel == Channel.SMS) {
                out.set(i, Slot.excluded(c.exclusion(ExclusionReason.QUIET_HOURS, Optional.of(query.quietHours().get().toString()))));
            }
        }
    }

    private record Page(List<Slot> out, int clients, Optional<ClientId> last) {
    }

    /** One member of the audience in the page's order: still a candidate (exclusion null), or excluded. */
    private record Slot(Candidate candidate, Exclusion exclusion) {
        static Slot of(Candidate candidate) {
            return new Slot(candidate, null);
        }

        static Slot excluded(Exclusion exclusion) {
            return new Slot(null, exclusion);
        }
    }

    /** A member of the audience on its way through the checks. */
    private record Candidate(Client client, Optional<ContactPerson> person, Channel channel, String address) {
        Candidate at(String found) {
            return new Candidate(client, person, channel, found);
        }

        String displayName() {
            return person.map(p -> p.name().full()).orElse(client.shortName());
        }

        Optional<ContactPersonId> personId() {
            return person.map(ContactPerson::id);
        }

        ConsentAddress consentAddress() {
            return new ConsentAddress(ConsentAddress.kindOf(channel), address);
        }

        ConsentKey key(Purpose purpose) {
            ConsentSubject subject = person.map(p -> ConsentSubject.contactPerson(client.id(), p.id()))
                    .orElse(ConsentSubject.client(client.id()));
            return new ConsentKey(subject, channel, purpose, consentAddress());
        }

        Exclusion exclusion(ExclusionReason reason, Optional<String> note) {
            return excludedAt(address, reason, note);
        }

        Exclusion excludedAt(String tried, ExclusionReason reason, Optional<String> note) {
            return new Exclusion(client.id(), personId(), Optional.of(channel), Optional.ofNullable(tried), displayName(), reason, note);
        }
    }
}
