package org.crmkit.jpa.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.consent.Channel;
import org.crmkit.mailing.MailingExclusionStore;
import org.crmkit.mailing.MailingId;
import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.ExclusionReason;

/**
 * The MailingExclusionStore of a JPA unit of work, by plain JDBC on the unit's connection
 * ({@code crm_mailing_exclusion}, V611). Recording reads which keys of the batch are stored and inserts the
 * others (PostgreSQL adds {@code ON CONFLICT DO NOTHING}; on H2 a concurrent record of the same key fails on the
 * primary key and the caller's unit of work rolls back, to be repeated).
 */
final class JpaMailingExclusionStore implements MailingExclusionStore {
    private static final UUID NONE = new UUID(0, 0);
    private static final int CHUNK = 500;

    private final JpaStores u;

    JpaMailingExclusionStore(JpaStores unit) {
        this.u = unit;
    }

    private static UUID personKey(Exclusion e) {
        return e.person().map(ContactPersonId::value).orElse(NONE);
    }

    private static String channelKey(Exclusion e) {
        return e.channel().map(Channel::name).orElse("");
    }

    private static String keyOf(Exclusion e) {
        return e.client().value() + "/" + personKey(e) + "/" + channelKey(e);
    }

    @Override
    public int record(MailingId mailing, List<Exclusion> exclusions) {
        u.writing();
        if (exclusions.isEmpty()) {
            return 0;
        }
        Set<String> stored = new HashSet<>();
        List<UUID> clients = exclusions.stream().map(e -> e.client().value()).distinct().collect(Collectors.toList());
        for (int from = 0; from < clients.size(); from += CHUNK) {
            List<UUID> part = clients.subList(from, Math.min(clients.size(), from + CHUNK));
            List<Object> parameters = new ArrayList<>(List.of(u.tenant, mailing.value()));
            StringBuilder in = new StringBuilder();
            for (UUID c : part) {
                parameters.add(c);
                in.append(in.length() == 0 ? "" : ", ").append('?').append(parameters.size());
            }
            stored.addAll(u.select(new JpaStores.Select("SELECT client_id, person_key, channel FROM crm_mailing_exclusion WHERE tenant_id = ?1"
                    + " AND mailing_id = ?2 AND client_id IN (" + in + ")", parameters),
                    rs -> rs.getObject(1, UUID.class) + "/" + rs.getObject(2, UUID.class) + "/" + rs.getString(3)));
        }
        List<Exclusion> fresh = new ArrayList<>();
        for (Exclusion e : exclusions) {
            if (stored.add(keyOf(e))) {
                fresh.add(e);
            }
        }
        String onConflict = u.dialect == SqlDialect.POSTGRESQL
                ? " ON CONFLICT (tenant_id, mailing_id, client_id, person_key, channel) DO NOTHING" : "";
        u.batch(b -> {
            try (BatchInserts.Batch insert = b.statement("INSERT INTO crm_mailing_exclusion (tenant_id, mailing_id, client_id, person_key,"
                    + " channel, address, display_name, reason, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)" + onConflict)) {
                for (Exclusion e : fresh) {
                    insert.set(u.tenant, Types.VARCHAR).set(mailing.value(), Types.OTHER).set(e.client().value(), Types.OTHER)
                            .set(personKey(e), Types.OTHER).set(channelKey(e), Types.VARCHAR).set(e.address().orElse(null), Types.VARCHAR)
                            .set(e.displayName(), Types.VARCHAR).set(e.reason().name(), Types.VARCHAR).set(e.note().orElse(null), Types.VARCHAR)
                            .row();
                }
            }
        });
        return fresh.size();
    }

    @Override
    public List<Exclusion> list(MailingId mailing, long offset, int max) {
        u.checkOpen();
        return u.select(new JpaStores.Select("SELECT * FROM crm_mailing_exclusion WHERE tenant_id = ?1 AND mailing_id = ?2"
                + " ORDER BY client_id, person_key, channel LIMIT ?3 OFFSET ?4", List.of(u.tenant, mailing.value(), max, offset)),
                JpaMailingExclusionStore::row);
    }

    @Override
    public Map<ExclusionReason, Long> counts(MailingId mailing) {
        u.checkOpen();
        Map<ExclusionReason, Long> counts = new EnumMap<>(ExclusionReason.class);
        u.select(new JpaStores.Select("SELECT reason, COUNT(*) FROM crm_mailing_exclusion WHERE tenant_id = ?1 AND mailing_id = ?2"
                + " GROUP BY reason", List.of(u.tenant, mailing.value())), rs -> Map.entry(ExclusionReason.valueOf(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static Exclusion row(ResultSet rs) throws SQLException {
        UUID person = rs.getObject("person_key", UUID.class);
        String channel = rs.getString("channel");
        return new Exclusion(new ClientId(rs.getObject("client_id", UUID.class)),
                NONE.equals(person) ? Optional.empty() : Optional.of(new ContactPersonId(person)),
                channel.isEmpty() ? Optional.empty() : Optional.of(Channel.valueOf(channel)), Optional.ofNullable(rs.getString("address")),
                rs.getString("display_name"), ExclusionReason.valueOf(rs.getString("reason")), Optional.ofNullable(rs.getString("note")));
    }
}
