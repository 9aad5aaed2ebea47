package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.consent.Channel;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.outbox.OutboxCount;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.outbox.OutboxEntryId;
import org.crmkit.mailing.outbox.OutboxLease;
import org.crmkit.mailing.outbox.OutboxRecipient;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.OutboxStore;
import org.crmkit.messaging.DeliveryStatus;

/**
 * The OutboxStore of a JPA unit of work, by plain JDBC on the unit's connection ({@code crm_outbox}, V610).
 * The unique key {@code (tenant_id, mailing_id, client_id, person_key, channel)} (a person's id, or the nil
 * UUID for the client itself) keeps one row per message: enqueueing reads which keys of the batch exist and
 * inserts the others (on PostgreSQL with {@code ON CONFLICT DO NOTHING}; on H2 a concurrent enqueue of the
 * same key fails on the key and the caller's unit of work rolls back, to be repeated). A claim is one
 * conditional UPDATE of the first due rows, picked with {@code FOR UPDATE SKIP LOCKED} on both databases
 * (PostgreSQL in a CTE, {@link SqlDialect#updateFirst}; H2 2.3 in the UPDATE's sub-select, verified to skip
 * rows another open transaction has locked): rows another claim holds are passed over, not waited for, and
 * the condition is repeated on the updated rows, so a row another claim took in the meantime is left out.
 * Either way a row goes to one claim, which reads back the rows carrying its token.
 */
final class JpaOutboxStore implements OutboxStore {
    private static final UUID NONE = new UUID(0, 0);
    private static final int CHUNK = 500;

    private final JpaStores u;

    JpaOutboxStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public int enqueue(List<OutboxEntry> entries) {
        u.writing();
        if (entries.isEmpty()) {
            return 0;
        }
        MailingId mailing = entries.get(0).mailing();
        Set<String> stored = new HashSet<>();
        List<UUID> clients = entries.stream().map(e -> e.recipient().client().value()).distinct().collect(Collectors.toList());
        for (int from = 0; from < clients.size(); from += CHUNK) {
            List<UUID> part = clients.subList(from, Math.min(clients.size(), from + CHUNK));
            List<Object> parameters = new ArrayList<>(List.of(u.tenant, mailing.value()));
            StringBuilder in = new StringBuilder();
            for (UUID c : part) {
                parameters.add(c);
                in.append(in.length() == 0 ? "" : ", ").append('?').append(parameters.size());
            }
            stored.addAll(u.select(new JpaStores.Select("SELECT client_id, person_key, channel FROM crm_outbox WHERE tenant_id = ?1"
                    + " AND mailing_id = ?2 AND client_id IN (" + in + ")", parameters),
                    rs -> rs.getObject(1, UUID.class) + "/" + rs.getObject(2, UUID.class) + "/" + rs.getString(3)));
        }
        List<OutboxEntry> fresh = new ArrayList<>();
        for (OutboxEntry e : entries) {
            if (!e.mailing().equals(mailing)) {
                throw new IllegalArgumentException("one mailing per enqueue, got " + mailing + " and " + e.mailing());
            }
            if (stored.add(keyOf(e))) {
                fresh.add(e);
            }
        }
        String onConflict = u.dialect == SqlDialect.POSTGRESQL
                ? " ON CONFLICT (tenant_id, mailing_id, client_id, person_key, channel) DO NOTHING" : "";
        u.batch(b -> {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_outbox (tenant_id, id, mailing_id, client_id, person_key, channel,"
                    + " address, state, attempts, created_at, updated_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)" + onConflict)) {
                for (OutboxEntry e : fresh) {
                    insert.set(u.tenant, Types.VARCHAR).set(e.id().value(), Types.OTHER).set(mailing.value(), Types.OTHER)
                            .set(e.recipient().client().value(), Types.OTHER).set(personKey(e), Types.OTHER)
                            .set(e.recipient().channel().name(), Types.VARCHAR).set(e.recipient().address(), Types.VARCHAR)
                            .set(e.state().name(), Types.VARCHAR).set(e.attempts(), Types.INTEGER)
                            .set(JpaMailingStore.utc(e.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                            .set(JpaMailingStore.utc(e.updatedAt()), Types.TIMESTAMP_WITH_TIMEZONE).row();
                }
            }
        });
        return fresh.size();
    }

    private static UUID personKey(OutboxEntry e) {
        return e.recipient().person().map(ContactPersonId::value).orElse(NONE);
    }

    private static String keyOf(OutboxEntry e) {
        return e.recipient().client().value() + "/" + personKey(e) + "/" + e.recipient().channel().name();
    }

    @Override
    public Optional<OutboxEntry> get(OutboxEntryId id) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_outbox WHERE tenant_id = ?1 AND id = ?2", List.of(u.tenant, id.value())),
                JpaOutboxStore::row).stream().findFirst();
    }

    @Override
    public OutboxEntry update(OutboxEntry e) {
        List<Object> p = new ArrayList<>();
        p.add(u.tenant);
        p.add(e.id().value());
        p.add(e.version());
        StringBuilder set = new StringBuilder("state = ?" + add(p, e.state().name()) + ", attempts = ?" + add(p, e.attempts()));
        set.append(", next_attempt_at = ").append(param(p, e.nextAttemptAt().map(JpaMailingStore::utc)));
        set.append(", lease_token = ").append(param(p, e.lease().map(OutboxLease::token)));
        set.append(", lease_until = ").append(param(p, e.lease().map(l -> JpaMailingStore.utc(l.until()))));
        set.append(", reason_code = ").append(param(p, e.reasonCode()));
        set.append(", reason = ").append(param(p, e.reason()));
        set.append(", provider_message_id = ").append(param(p, e.providerMessageId()));
        set.append(", delivery = ").append(param(p, e.delivery().map(DeliveryStatus::name)));
        set.append(", updated_at = ?").append(add(p, JpaMailingStore.utc(e.updatedAt())));
        int changed = u.execute(new JpaStores.Select("UPDATE crm_outbox SET " + set + ", version = version + 1"
                + " WHERE tenant_id = ?1 AND id = ?2 AND version = ?3", p));
        if (changed != 1) {
            throw new ConcurrentChangeException("outbox entry", e.id(), e.version());
        }
        return e.withVersion(e.version() + 1);
    }

    private static int add(List<Object> parameters, Object value) {
        parameters.add(value);
        return parameters.size();
    }

    private static String param(List<Object> parameters, Optional<?> value) {
        return value.isPresent() ? "?" + add(parameters, value.get()) : "NULL";
    }

    @Override
    public List<OutboxEntry> claim(MailingId mailing, Channel channel, Instant now, OutboxLease lease, int max, boolean resubmitUnknown,
                                   int maxAttempts) {
        u.writing();
        List<Object> p = new ArrayList<>(List.of(lease.token(), JpaMailingStore.utc(lease.until()), u.tenant, mailing.value(), channel.name(),
                JpaMailingStore.utc(now), maxAttempts));
        String due = "tenant_id = ?3 AND mailing_id = ?4 AND channel = ?5 AND (state = 'PENDING'"
                + " OR state = 'TEMPORARY_FAILURE' AND next_attempt_at <= ?6"
                + (resubmitUnknown ? " OR state = 'UNKNOWN' AND attempts < ?7" : "") + ")";
        String set = "state = 'SENDING', lease_token = ?1, lease_until = ?2, attempts = attempts + 1, next_attempt_at = NULL,"
                + " updated_at = ?6, version = version + 1";
        u.execute(new JpaStores.Select(u.dialect == SqlDialect.H2
                ? "UPDATE crm_outbox SET " + set + " WHERE " + due + " AND id IN (SELECT id FROM crm_outbox WHERE " + due
                        + " ORDER BY id FETCH FIRST " + max + " ROWS ONLY FOR UPDATE SKIP LOCKED)"
                : u.dialect.updateFirst("crm_outbox", set, due, "id", max), p));
        return u.select(new JpaStores.Select("SELECT * FROM crm_outbox WHERE tenant_id = ?1 AND mailing_id = ?2 AND lease_token = ?3"
                + " AND channel = ?4 AND state = 'SENDING' ORDER BY id", List.of(u.tenant, mailing.value(), lease.token(), channel.name())),
                JpaOutboxStore::row);
    }

    @Override
    public int expire(MailingId mailing, Instant now) {
        return u.execute(new JpaStores.Select("UPDATE crm_outbox SET state = 'UNKNOWN', reason_code = 'lease-expired',"
                + " reason = 'the sender''s lease ended before its outcome was written', updated_at = ?3, version = version + 1"
                + " WHERE tenant_id = ?1 AND mailing_id = ?2 AND state = 'SENDING' AND lease_until <= ?3",
                List.of(u.tenant, mailing.value(), JpaMailingStore.utc(now))));
    }

    @Override
    public int cancelOpen(MailingId mailing, Instant now) {
        return u.execute(new JpaStores.Select("UPDATE crm_outbox SET state = 'CANCELLED', reason_code = 'cancelled',"
                + " reason = 'the mailing was cancelled', next_attempt_at = NULL, updated_at = ?3, version = version + 1"
                + " WHERE tenant_id = ?1 AND mailing_id = ?2 AND state IN ('PENDING', 'TEMPORARY_FAILURE')",
                List.of(u.tenant, mailing.value(), JpaMailingStore.utc(now))));
    }

    @Override
    public List<OutboxEntry> byProviderMessageId(String providerMessageId) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_outbox WHERE tenant_id = ?1 AND provider_message_id = ?2 ORDER BY id",
                List.of(u.tenant, providerMessageId)), JpaOutboxStore::row);
    }

    @Override
    public List<OutboxEntry> list(MailingId mailing, Set<OutboxState> states, Optional<OutboxEntryId> after, int max) {
        u.checkOpen();
        List<Object> p = new ArrayList<>(List.of(u.tenant, mailing.value()));
        StringBuilder sql = new StringBuilder("SELECT * FROM crm_outbox WHERE tenant_id = ?1 AND mailing_id = ?2");
        if (!states.isEmpty()) {
            sql.append(" AND state IN (").append(states.stream().map(s -> "?" + add(p, s.name())).collect(Collectors.joining(", "))).append(')');
        }
        if (after.isPresent()) {
            sql.append(" AND id > ?").append(add(p, after.get().value()));
        }
        sql.append(" ORDER BY id FETCH FIRST ").append(max).append(" ROWS ONLY");
        return u.select(new JpaStores.Select(sql.toString(), p), JpaOutboxStore::row);
    }

    @Override
    public List<OutboxCount> counts(MailingId mailing) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT state, reason_code, delivery, COUNT(*) FROM crm_outbox WHERE tenant_id = ?1"
                + " AND mailing_id = ?2 GROUP BY state, reason_code, delivery", List.of(u.tenant, mailing.value())),
                rs -> new OutboxCount(OutboxState.valueOf(rs.getString(1)), Optional.ofNullable(rs.getString(2)),
                        Optional.ofNullable(rs.getString(3)).map(DeliveryStatus::valueOf), rs.getLong(4)));
    }

    private static Optional<java.time.Instant> instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? Optional.empty() : Optional.of(at.toInstant());
    }

    private static OutboxEntry row(ResultSet rs) throws SQLException {
        UUID person = rs.getObject("person_key", UUID.class);
        UUID token = rs.getObject("lease_token", UUID.class);
        Optional<Instant> until = instant(rs, "lease_until");
        OutboxRecipient recipient = new OutboxRecipient(new ClientId(rs.getObject("client_id", UUID.class)),
                NONE.equals(person) ? Optional.empty() : Optional.of(new ContactPersonId(person)), Channel.valueOf(rs.getString("channel")),
                rs.getString("address"));
        return new OutboxEntry(new OutboxEntryId(rs.getObject("id", UUID.class)), new MailingId(rs.getObject("mailing_id", UUID.class)),
                recipient, OutboxState.valueOf(rs.getString("state")), rs.getInt("attempts"), instant(rs, "next_attempt_at"),
                token == null ? Optional.empty() : Optional.of(new OutboxLease(token, until.orElseThrow())),
                Optional.ofNullable(rs.getString("reason_code")), Optional.ofNullable(rs.getString("reason")),
                Optional.ofNullable(rs.getString("provider_message_id")), Optional.ofNullable(rs.getString("delivery")).map(DeliveryStatus::valueOf),
                instant(rs, "created_at").orElseThrow(), instant(rs, "updated_at").orElseThrow(), rs.getLong("version"));
    }
}
