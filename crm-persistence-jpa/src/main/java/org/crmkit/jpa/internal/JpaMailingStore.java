package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.Purpose;
import org.crmkit.mailing.Mailing;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.MailingState;
import org.crmkit.mailing.MailingStore;

/**
 * The MailingStore of a JPA unit of work, by plain JDBC on the unit's connection ({@code crm_mailing}, V610).
 * An update names the version it read, so a second writer from the same version changes nothing and gets the
 * concurrency error.
 */
final class JpaMailingStore implements MailingStore {
    private final JpaStores u;

    JpaMailingStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public Optional<Mailing> get(MailingId id) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_mailing WHERE tenant_id = ?1 AND id = ?2", List.of(u.tenant, id.value())),
                JpaMailingStore::row).stream().findFirst();
    }

    @Override
    public Mailing insert(Mailing m) {
        u.writing();
        u.batch(b -> {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_mailing (tenant_id, id, name, channels, purpose, audience, state,"
                    + " scheduled_at, responsible, created_by, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                insert.set(u.tenant, Types.VARCHAR).set(m.id().value(), Types.OTHER).set(m.name(), Types.VARCHAR)
                        .set(channels(m.channels()), Types.VARCHAR).set(m.purpose().key(), Types.VARCHAR).set(m.audience(), Types.VARCHAR)
                        .set(m.state().name(), Types.VARCHAR).set(m.scheduledAt().map(JpaMailingStore::utc).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE)
                        .set(m.responsible().value(), Types.VARCHAR).set(m.createdBy(), Types.VARCHAR)
                        .set(utc(m.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE).row();
            }
        });
        return m.withVersion(1);
    }

    @Override
    public Mailing update(Mailing m) {
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, m.id().value(), m.version(), m.name(), channels(m.channels()),
                m.audience(), m.state().name()));
        String scheduled = "scheduled_at = NULL";
        if (m.scheduledAt().isPresent()) {
            parameters.add(utc(m.scheduledAt().get()));
            scheduled = "scheduled_at = ?8";
        }
        int changed = u.execute(new JpaStores.Select("UPDATE crm_mailing SET name = ?4, channels = ?5, audience = ?6, state = ?7, " + scheduled
                + ", version = version + 1 WHERE tenant_id = ?1 AND id = ?2 AND version = ?3", parameters));
        if (changed != 1) {
            throw new ConcurrentChangeException("mailing", m.id(), m.version());
        }
        return m.withVersion(m.version() + 1);
    }

    @Override
    public List<Mailing> inState(MailingState state) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_mailing WHERE tenant_id = ?1 AND state = ?2 ORDER BY created_at, id",
                List.of(u.tenant, state.name())), JpaMailingStore::row);
    }

    private static String channels(Set<Channel> channels) {
        return channels.stream().map(Channel::name).sorted().collect(Collectors.joining(","));
    }

    private static Mailing row(ResultSet rs) throws SQLException {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        Arrays.stream(rs.getString("channels").split(",")).map(Channel::valueOf).forEach(channels::add);
        OffsetDateTime scheduled = rs.getObject("scheduled_at", OffsetDateTime.class);
        return new Mailing(new MailingId(rs.getObject("id", UUID.class)), rs.getString("name"), channels, new Purpose(rs.getString("purpose")),
                rs.getString("audience"), MailingState.valueOf(rs.getString("state")),
                scheduled == null ? Optional.empty() : Optional.of(scheduled.toInstant()), new EmployeeId(rs.getString("responsible")),
                rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("version"));
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
