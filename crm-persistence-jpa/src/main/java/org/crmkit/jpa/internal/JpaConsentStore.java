package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.SortOrder;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentAddress;
import org.crmkit.consent.ConsentCriterion;
import org.crmkit.consent.ConsentEntry;
import org.crmkit.consent.ConsentEntryId;
import org.crmkit.consent.ConsentKey;
import org.crmkit.consent.ConsentSource;
import org.crmkit.consent.ConsentState;
import org.crmkit.consent.ConsentStore;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.PendingConfirmation;
import org.crmkit.consent.Proof;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.Suppression;
import org.crmkit.consent.SuppressionCriterion;
import org.crmkit.consent.SuppressionReason;
import org.crmkit.criteria.Criterion;

/**
 * The ConsentStore of a JPA unit of work, by plain JDBC (V400, V402): an append locks the
 * subject's row ({@link #lock}), writes the ledger row and points the key's row in {@code
 * crm_consent_current} at it (UPDATE, or INSERT for a key's first entry) with {@code on_card}
 * computed from the card, in the same transaction; the client and contact-person stores keep
 * {@code on_card} right when a card changes ({@link #refreshOnCard}); the criteria read that table
 * ({@link #inEffect}, {@link #suppressedOf}).
 */
final class JpaConsentStore implements ConsentStore {
    /** The contact person column of a client's own consent (a key column cannot be NULL). */
    static final UUID NO_PERSON = new UUID(0, 0);
    private static final String ENTRY_COLUMNS = "id, client_id, person_id, channel, purpose, address, state, at, actor, source, text_version,"
            + " evidence, expires_at";
    /** The contact types whose values are consent addresses (as {@link ConsentAddress.Kind#contactTypes()} says). */
    private static final String ADDRESS_TYPES = java.util.Arrays.stream(ConsentAddress.Kind.values())
            .flatMap(k -> k.contactTypes().stream()).map(t -> "'" + t.name() + "'").sorted().collect(Collectors.joining(", ", "(", ")"));

    private final JpaStores u;

    JpaConsentStore(JpaStores unit) {
        this.u = unit;
    }

    private static UUID person(ConsentSubject subject) {
        return subject.contactPerson().map(ContactPersonId::value).orElse(NO_PERSON);
    }

    /**
     * Locks the subject's row ({@code crm_client}, or {@code crm_contact_person} for a person's
     * consents) until the transaction ends: appends to the subject's keys queue behind each other,
     * and behind an update of the subject's card, which holds the same row through its version bump.
     */
    @Override
    public void lock(ConsentSubject subject) {
        u.writing();
        String table = subject.contactPerson().isPresent() ? "crm_contact_person" : "crm_client";
        UUID id = subject.contactPerson().map(ContactPersonId::value).orElse(subject.client().value());
        u.select(new JpaStores.Select("SELECT id FROM " + table + " WHERE tenant_id = ?1 AND id = ?2 FOR UPDATE", List.of(u.tenant, id)),
                rs -> rs.getObject(1));
    }

    @Override
    public void append(ConsentEntry e) {
        u.writing();
        ConsentKey k = e.key();
        lock(k.subject());
        boolean onCard = onCard(k);
        DealJdbc.execute(u, "INSERT INTO crm_consent_entry (tenant_id, " + ENTRY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                u.tenant, e.id().value(), k.subject().client().value(), person(k.subject()), k.channel().name(), k.purpose().key(),
                k.address().value(), e.state().name(), e.at(), e.actor(), e.source().name(), DealJdbc.orNull(e.proof().textVersion(), DealJdbc.NO_TEXT),
                DealJdbc.orNull(e.proof().evidence(), DealJdbc.NO_TEXT), DealJdbc.orNull(e.expires(), DealJdbc.NO_INSTANT));
        int moved = DealJdbc.execute(u, "UPDATE crm_consent_current SET entry_id = ?, state = ?, on_card = ? WHERE tenant_id = ? AND client_id = ?"
                + " AND channel = ? AND purpose = ? AND person_id = ? AND address = ?", e.id().value(), e.state().name(), onCard, u.tenant,
                k.subject().client().value(), k.channel().name(), k.purpose().key(), person(k.subject()), k.address().value());
        if (moved == 0) {
            DealJdbc.execute(u, "INSERT INTO crm_consent_current (tenant_id, client_id, channel, purpose, person_id, address, entry_id, state, on_card)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", u.tenant, k.subject().client().value(), k.channel().name(), k.purpose().key(),
                    person(k.subject()), k.address().value(), e.id().value(), e.state().name(), onCard);
        }
    }

    /** Whether the key's address is on its subject's card now, as the database holds it in this transaction. */
    private boolean onCard(ConsentKey k) {
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, k.subject().client().value(), person(k.subject()), k.address().value()));
        // the same predicate as refreshOnCard and V402, for an address that may have no row yet
        String card = k.subject().contactPerson().isPresent() ? personCard("?1", "?2", "?3", "?4") : clientCard("?1", "?2", "?4");
        return u.select(new JpaStores.Select("SELECT CASE WHEN " + card + " THEN 1 ELSE 0 END", parameters), rs -> rs.getInt(1)).get(0) == 1;
    }

    /** "The address is on the client's own card" for the tenant, client and address expressions given. */
    private static String clientCard(String tenant, String client, String address) {
        return "EXISTS (SELECT 1 FROM crm_client_contact x WHERE x.tenant_id = " + tenant + " AND x.client_id = " + client
                + " AND x.contact_value = " + address + " AND x.type IN " + ADDRESS_TYPES + ")";
    }

    /** "The address is on the card of that contact person of the client". */
    private static String personCard(String tenant, String client, String person, String address) {
        return "EXISTS (SELECT 1 FROM crm_contact_person p JOIN crm_person_contact y ON y.tenant_id = p.tenant_id AND y.person_id = p.id"
                + " WHERE p.tenant_id = " + tenant + " AND p.id = " + person + " AND p.client_id = " + client + " AND y.contact_value = "
                + address + " AND y.type IN " + ADDRESS_TYPES + ")";
    }

    /**
     * Recomputes {@code on_card} of a subject's current rows after its card was written in this
     * transaction (called by the client and contact-person stores' updates, which hold the
     * subject's row lock through their version bump); rows whose flag does not change are not
     * touched.
     */
    static void refreshOnCard(JpaStores u, UUID client, Optional<UUID> person) {
        String card = person.isPresent() ? personCard("k.tenant_id", "k.client_id", "k.person_id", "k.address")
                : clientCard("k.tenant_id", "k.client_id", "k.address");
        DealJdbc.execute(u, "UPDATE crm_consent_current k SET on_card = " + card + " WHERE k.tenant_id = ? AND k.client_id = ? AND k.person_id = ?"
                + " AND k.on_card <> (" + card + ")", u.tenant, client, person.orElse(NO_PERSON));
    }

    private List<ConsentEntry> entries(String where, List<Object> parameters) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT " + prefixed("e") + " FROM crm_consent_entry e " + where, parameters), JpaConsentStore::entry);
    }

    private static String prefixed(String alias) {
        return java.util.Arrays.stream(ENTRY_COLUMNS.split(", ")).map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    private static ConsentEntry entry(ResultSet rs) throws SQLException {
        ClientId client = new ClientId(rs.getObject("client_id", UUID.class));
        UUID person = rs.getObject("person_id", UUID.class);
        ConsentSubject subject = person.equals(NO_PERSON) ? ConsentSubject.client(client)
                : ConsentSubject.contactPerson(client, new ContactPersonId(person));
        Channel channel = Channel.valueOf(rs.getString("channel"));
        ConsentKey key = new ConsentKey(subject, channel, new Purpose(rs.getString("purpose")),
                new ConsentAddress(ConsentAddress.kindOf(channel), rs.getString("address")));
        return new ConsentEntry(new ConsentEntryId(rs.getObject("id", UUID.class)), key, ConsentState.valueOf(rs.getString("state")),
                DealJdbc.instant(rs, "at"), rs.getString("actor"), ConsentSource.valueOf(rs.getString("source")),
                new Proof(Optional.ofNullable(rs.getString("text_version")), Optional.ofNullable(rs.getString("evidence"))),
                Optional.ofNullable(DealJdbc.instant(rs, "expires_at")));
    }

    @Override
    public Optional<ConsentEntry> latest(ConsentKey k) {
        return entries("JOIN crm_consent_current k ON k.tenant_id = e.tenant_id AND k.entry_id = e.id WHERE k.tenant_id = ?1 AND k.client_id = ?2"
                        + " AND k.channel = ?3 AND k.purpose = ?4 AND k.person_id = ?5 AND k.address = ?6",
                List.of(u.tenant, k.subject().client().value(), k.channel().name(), k.purpose().key(), person(k.subject()), k.address().value()))
                .stream().findFirst();
    }

    /** One statement per 500 clients: the current entries of the keys' clients, kept where their key was asked for. */
    @Override
    public java.util.Map<ConsentKey, ConsentEntry> latest(java.util.Collection<ConsentKey> keys) {
        java.util.Set<ConsentKey> wanted = new java.util.HashSet<>(keys);
        List<UUID> clients = wanted.stream().map(k -> k.subject().client().value()).distinct().collect(Collectors.toList());
        java.util.Map<ConsentKey, ConsentEntry> found = new java.util.HashMap<>();
        for (int from = 0; from < clients.size(); from += 500) {
            List<UUID> chunk = clients.subList(from, Math.min(clients.size(), from + 500));
            List<Object> parameters = new java.util.ArrayList<>();
            parameters.add(u.tenant);
            parameters.addAll(chunk);
            entries("JOIN crm_consent_current k ON k.tenant_id = e.tenant_id AND k.entry_id = e.id WHERE k.tenant_id = ?1 AND k.client_id IN ("
                    + placeholders(2, chunk.size()) + ")", parameters).stream().filter(e -> wanted.contains(e.key()))
                    .forEach(e -> found.put(e.key(), e));
        }
        return found;
    }

    /** One statement per 500 addresses. */
    @Override
    public java.util.Map<ConsentAddress, Suppression> suppressions(java.util.Collection<ConsentAddress> addresses) {
        List<ConsentAddress> distinct = addresses.stream().distinct().collect(Collectors.toList());
        java.util.Map<ConsentAddress, Suppression> found = new java.util.HashMap<>();
        for (int from = 0; from < distinct.size(); from += 500) {
            List<ConsentAddress> chunk = distinct.subList(from, Math.min(distinct.size(), from + 500));
            List<Object> parameters = new java.util.ArrayList<>();
            parameters.add(u.tenant);
            chunk.forEach(a -> parameters.add(a.value()));
            java.util.Set<ConsentAddress> wanted = new java.util.HashSet<>(chunk);
            suppressions(" AND address IN (" + placeholders(2, chunk.size()) + ")", parameters).stream()
                    .filter(s -> wanted.contains(s.address())).forEach(s -> found.put(s.address(), s));
        }
        return found;
    }

    private static String placeholders(int first, int count) {
        return java.util.stream.IntStream.range(first, first + count).mapToObj(i -> "?" + i).collect(Collectors.joining(", "));
    }

    @Override
    public List<ConsentEntry> current(ConsentSubject subject) {
        return entries("JOIN crm_consent_current k ON k.tenant_id = e.tenant_id AND k.entry_id = e.id WHERE k.tenant_id = ?1 AND k.client_id = ?2"
                + " AND k.person_id = ?3", List.of(u.tenant, subject.client().value(), person(subject)));
    }

    @Override
    public List<ConsentEntry> currentAt(Channel channel, Purpose purpose, ConsentAddress address) {
        return entries("JOIN crm_consent_current k ON k.tenant_id = e.tenant_id AND k.entry_id = e.id WHERE k.tenant_id = ?1 AND k.address = ?2"
                + " AND k.channel = ?3 AND k.purpose = ?4", List.of(u.tenant, address.value(), channel.name(), purpose.key()));
    }

    @Override
    public List<ConsentEntry> ledger(ConsentSubject subject) {
        return entries("WHERE e.tenant_id = ?1 AND e.client_id = ?2 AND e.person_id = ?3 ORDER BY e.tenant_id, e.client_id, e.person_id, e.at, e.id",
                List.of(u.tenant, subject.client().value(), person(subject)));
    }

    @Override
    public Optional<ConsentEntry> entry(ConsentEntryId id) {
        return entries("WHERE e.tenant_id = ?1 AND e.id = ?2", List.of(u.tenant, id.value())).stream().findFirst();
    }

    @Override
    public void addConfirmation(PendingConfirmation c) {
        u.writing();
        DealJdbc.execute(u, "INSERT INTO crm_consent_token (tenant_id, token_hash, entry_id, expires_at, used_at) VALUES (?, ?, ?, ?, ?)",
                u.tenant, c.tokenHash(), c.entry().value(), c.expires(), DealJdbc.orNull(c.used(), DealJdbc.NO_INSTANT));
    }

    @Override
    public Optional<PendingConfirmation> confirmation(String tokenHash) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT token_hash, entry_id, expires_at, used_at FROM crm_consent_token WHERE tenant_id = ?1"
                + " AND token_hash = ?2", List.of(u.tenant, tokenHash)), rs -> new PendingConfirmation(rs.getString("token_hash"),
                new ConsentEntryId(rs.getObject("entry_id", UUID.class)), DealJdbc.instant(rs, "expires_at"),
                Optional.ofNullable(DealJdbc.instant(rs, "used_at")))).stream().findFirst();
    }

    @Override
    public boolean useConfirmation(String tokenHash, Instant at) {
        u.writing();
        return DealJdbc.execute(u, "UPDATE crm_consent_token SET used_at = ? WHERE tenant_id = ? AND token_hash = ? AND used_at IS NULL",
                at, u.tenant, tokenHash) == 1;
    }

    @Override
    public void suppress(Suppression s) {
        u.writing();
        DealJdbc.execute(u, "DELETE FROM crm_consent_suppression WHERE tenant_id = ? AND address = ?", u.tenant, s.address().value());
        DealJdbc.execute(u, "INSERT INTO crm_consent_suppression (tenant_id, address, kind, reason, note, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)",
                u.tenant, s.address().value(), s.address().kind().name(), s.reason().name(), DealJdbc.orNull(s.note(), DealJdbc.NO_TEXT), s.at(),
                s.actor());
    }

    @Override
    public boolean unsuppress(ConsentAddress address) {
        u.writing();
        return DealJdbc.execute(u, "DELETE FROM crm_consent_suppression WHERE tenant_id = ? AND address = ?", u.tenant, address.value()) > 0;
    }

    private List<Suppression> suppressions(String where, List<Object> parameters) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT address, kind, reason, note, at, actor FROM crm_consent_suppression WHERE tenant_id = ?1" + where,
                parameters), rs -> new Suppression(new ConsentAddress(ConsentAddress.Kind.valueOf(rs.getString("kind")), rs.getString("address")),
                SuppressionReason.valueOf(rs.getString("reason")), Optional.ofNullable(rs.getString("note")), DealJdbc.instant(rs, "at"),
                rs.getString("actor")));
    }

    @Override
    public Optional<Suppression> suppression(ConsentAddress address) {
        return suppressions(" AND address = ?2", List.of(u.tenant, address.value())).stream().findFirst();
    }

    @Override
    public List<Suppression> suppressions() {
        return suppressions("", List.of(u.tenant)).stream().sorted(Comparator.comparing(s -> s.address().value(), SortOrder.TEXT)).toList();
    }

    @Override
    public void addPurpose(Purpose purpose) {
        u.writing();
        if (!purposes().contains(purpose)) {
            DealJdbc.execute(u, "INSERT INTO crm_consent_purpose (tenant_id, purpose_key) VALUES (?, ?)", u.tenant, purpose.key());
        }
    }

    @Override
    public List<Purpose> purposes() {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT purpose_key FROM crm_consent_purpose WHERE tenant_id = ?1", List.of(u.tenant)),
                rs -> new Purpose(rs.getString("purpose_key"))).stream().sorted(Comparator.comparing(Purpose::key, SortOrder.TEXT)).toList();
    }

    // --- the client criteria's relations

    /**
     * "The client has a consent in effect matching the criterion": one EXISTS over the client's
     * rows of {@code crm_consent_current}, granted and with the address still on the subject's
     * card ({@code on_card}, which the stores keep in step with the cards, V402), and, for
     * marketing, without a suppression row (its primary key). On PostgreSQL the partial index
     * {@code crm_consent_current_effect_ix} answers a channel and purpose with one index-only
     * probe per client; elsewhere the primary key (tenant, client, channel, purpose, ...) does.
     */
    static String inEffect(String client, Criterion<ConsentCriterion> criterion, List<Object> parameters) {
        String k = "ck" + parameters.size();
        String s = "cs" + parameters.size();
        return "EXISTS (SELECT 1 FROM crm_consent_current " + k + " WHERE " + k + ".tenant_id = ?1 AND " + k + ".client_id = " + client + ".id AND "
                + k + ".state = 'GRANTED' AND " + k + ".on_card AND (" + criterion.fold(new ConsentSql(parameters, k)) + ")"
                + " AND NOT (" + k + ".purpose = '" + Purpose.MARKETING.key() + "' AND EXISTS (SELECT 1 FROM crm_consent_suppression " + s
                + " WHERE " + s + ".tenant_id = ?1 AND " + s + ".address = " + k + ".address)))";
    }

    /**
     * "The client has a suppressed address matching the criterion": from the client's contacts and
     * its contact persons' contacts (by their keys) to the suppression row of each address.
     */
    static String suppressedOf(String client, Criterion<SuppressionCriterion> criterion, List<Object> parameters) {
        String x = "sx" + parameters.size();
        String s = "ss" + parameters.size();
        String own = "EXISTS (SELECT 1 FROM crm_client_contact " + x + " JOIN crm_consent_suppression " + s + " ON " + s + ".tenant_id = " + x
                + ".tenant_id AND " + s + ".address = " + x + ".contact_value WHERE " + x + ".tenant_id = ?1 AND " + x + ".client_id = " + client
                + ".id AND " + x + ".type IN " + ADDRESS_TYPES + " AND (" + criterion.fold(new SuppressionSql(parameters, s)) + "))";
        String p = "sp" + parameters.size();
        String y = "sy" + parameters.size();
        String t = "st" + parameters.size();
        String persons = "EXISTS (SELECT 1 FROM crm_contact_person " + p + " JOIN crm_person_contact " + y + " ON " + y + ".tenant_id = " + p
                + ".tenant_id AND " + y + ".person_id = " + p + ".id JOIN crm_consent_suppression " + t + " ON " + t + ".tenant_id = " + y
                + ".tenant_id AND " + t + ".address = " + y + ".contact_value WHERE " + p + ".tenant_id = ?1 AND " + p + ".client_id = " + client
                + ".id AND " + y + ".type IN " + ADDRESS_TYPES + " AND (" + criterion.fold(new SuppressionSql(parameters, t)) + "))";
        return "(" + own + " OR " + persons + ")";
    }

    private static final class ConsentSql extends LeafSql.OnRow<ConsentCriterion> implements ConsentCriterion.Visitor<String> {
        ConsentSql(List<Object> parameters, String alias) {
            super(parameters, alias);
        }

        @Override
        public String leaf(ConsentCriterion leaf) {
            return leaf.accept(this);
        }

        @Override
        public String forChannelAndPurpose(ConsentCriterion.For c) {
            return alias + ".channel = " + param(c.channel().name()) + " AND " + alias + ".purpose = " + param(c.purpose().key());
        }
    }

    private static final class SuppressionSql extends LeafSql.OnRow<SuppressionCriterion> implements SuppressionCriterion.Visitor<String> {
        SuppressionSql(List<Object> parameters, String alias) {
            super(parameters, alias);
        }

        @Override
        public String leaf(SuppressionCriterion leaf) {
            return leaf.accept(this);
        }

        @Override
        public String reasonIn(SuppressionCriterion.ReasonIn c) {
            return alias + ".reason IN (" + c.reasons().stream().map(r -> param(r.name())).sorted().collect(Collectors.joining(", ")) + ")";
        }
    }
}
