package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.common.ConcurrentChangeException;
import org.crmkit.common.EmployeeId;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.Lease;
import org.crmkit.interaction.Reminder;
import org.crmkit.interaction.ReminderId;
import org.crmkit.interaction.ReminderState;
import org.crmkit.interaction.ReminderStore;

/**
 * The ReminderStore of a JPA unit of work, by plain JDBC on the unit's connection
 * ({@code crm_reminder}). An update or delete names the version it read, so a second writer from
 * the same version changes nothing and gets the concurrency error. A lease is one conditional
 * UPDATE of the first due rows ({@link SqlDialect#updateFirst}): on PostgreSQL the rows are
 * picked skipping those another poll holds; on H2 the UPDATE waits for that poll and then finds
 * the row no longer due. Either way a reminder goes to one poll; the poll then reads back the rows carrying
 * its token.
 */
final class JpaReminderStore implements ReminderStore {
    /** Due at ?now: not acknowledged, its instant reached, no lease holding. */
    private static final String DUE = "state <> 'ACKNOWLEDGED' AND fire_at <= ?4 AND (lease_until IS NULL OR lease_until <= ?4)";

    private final JpaStores u;

    JpaReminderStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public Optional<Reminder> get(ReminderId id) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_reminder WHERE tenant_id = ?1 AND id = ?2", List.of(u.tenant, id.value())),
                JpaReminderStore::row).stream().findFirst();
    }

    @Override
    public List<Reminder> ofInteractions(Collection<InteractionId> interactions) {
        u.checkOpen();
        List<UUID> ids = interactions.stream().map(InteractionId::value).distinct().collect(Collectors.toList());
        return u.ownedRows("crm_reminder", "interaction_id", ids, select -> u.select(select, JpaReminderStore::row))
                .stream().sorted(Reminder.FIRING_ORDER).collect(Collectors.toList());
    }

    @Override
    public Reminder insert(Reminder reminder) {
        u.writing();
        u.batch(b -> {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_reminder (tenant_id, id, interaction_id, employee, fire_at, state,"
                    + " lease_token, lease_until, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                insert.set(u.tenant, Types.VARCHAR).set(reminder.id().value(), Types.OTHER).set(reminder.interaction().value(), Types.OTHER)
                        .set(reminder.employee().value(), Types.VARCHAR).set(utc(reminder.fireAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                        .set(reminder.state().name(), Types.VARCHAR)
                        .set(reminder.lease().map(Lease::token).orElse(null), Types.OTHER)
                        .set(reminder.lease().map(l -> utc(l.until())).orElse(null), Types.TIMESTAMP_WITH_TIMEZONE).row();
            }
        });
        return reminder.withVersion(1);
    }

    @Override
    public Reminder update(Reminder reminder) {
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, reminder.id().value(), reminder.version(),
                reminder.employee().value(), utc(reminder.fireAt()), reminder.state().name()));
        String lease = "lease_token = NULL, lease_until = NULL";
        if (reminder.lease().isPresent()) {
            parameters.add(reminder.lease().get().token());
            parameters.add(utc(reminder.lease().get().until()));
            lease = "lease_token = ?7, lease_until = ?8";
        }
        int changed = u.execute(new JpaStores.Select("UPDATE crm_reminder SET employee = ?4, fire_at = ?5, state = ?6, " + lease
                + ", version = version + 1 WHERE tenant_id = ?1 AND id = ?2 AND version = ?3", parameters));
        if (changed != 1) {
            throw new ConcurrentChangeException("reminder", reminder.id(), reminder.version());
        }
        return reminder.withVersion(reminder.version() + 1);
    }

    @Override
    public void delete(Reminder reminder) {
        int deleted = u.execute(new JpaStores.Select("DELETE FROM crm_reminder WHERE tenant_id = ?1 AND id = ?2 AND version = ?3",
                List.of(u.tenant, reminder.id().value(), reminder.version())));
        if (deleted != 1) {
            throw new ConcurrentChangeException("reminder", reminder.id(), reminder.version());
        }
    }

    @Override
    public List<Reminder> lease(Instant now, Lease lease, int max) {
        List<Object> parameters = List.of(lease.token(), utc(lease.until()), u.tenant, utc(now));
        u.execute(new JpaStores.Select(u.dialect.updateFirst("crm_reminder",
                "state = 'LEASED', lease_token = ?1, lease_until = ?2, version = version + 1", "tenant_id = ?3 AND " + DUE, "fire_at, id", max),
                parameters));
        return u.select(new JpaStores.Select("SELECT * FROM crm_reminder WHERE tenant_id = ?1 AND lease_token = ?2",
                List.of(u.tenant, lease.token())), JpaReminderStore::row).stream().sorted(Reminder.FIRING_ORDER).collect(Collectors.toList());
    }

    private static Reminder row(ResultSet rs) throws SQLException {
        UUID token = rs.getObject("lease_token", UUID.class);
        OffsetDateTime until = rs.getObject("lease_until", OffsetDateTime.class);
        return new Reminder(new ReminderId(rs.getObject("id", UUID.class)), new InteractionId(rs.getObject("interaction_id", UUID.class)),
                new EmployeeId(rs.getString("employee")), rs.getObject("fire_at", OffsetDateTime.class).toInstant(),
                ReminderState.valueOf(rs.getString("state")), token == null ? Optional.empty() : Optional.of(new Lease(token, until.toInstant())),
                rs.getLong("version"));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
