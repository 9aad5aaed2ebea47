package org.crmkit.jpa.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.crmkit.common.CrmException;
import org.crmkit.feed.FeedEntry;
import org.crmkit.feed.FeedStore;

/**
 * The feed in {@code crm_feed}, numbered from the tenant's row of {@code crm_feed_counter}: the
 * UPDATE that raises it locks that row until the unit of work ends, so a second unit of work of the
 * tenant that writes the feed waits and takes the next positions after the first commits.
 */
final class JpaFeedStore implements FeedStore {
    private static final int ATTEMPTS = 3;

    private final JpaStores u;

    JpaFeedStore(JpaStores unit) {
        this.u = unit;
    }

    @Override
    public void append(List<FeedEntry> entries) {
        u.writing();
        if (entries.isEmpty()) {
            return;
        }
        u.flush("feed", "", 0);
        Connection connection = u.em.unwrap(Connection.class);
        try {
            long last = raise(connection, entries.size());
            long position = last - entries.size();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO crm_feed (tenant_id, position, kind, record_id,"
                    + " change_name, fields, actor, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (FeedEntry entry : entries) {
                    insert.setString(1, u.tenant);
                    insert.setLong(2, ++position);
                    insert.setString(3, entry.kind());
                    insert.setString(4, entry.id());
                    insert.setString(5, entry.change());
                    insert.setString(6, String.join("\n", new TreeSet<>(entry.fields())));
                    insert.setString(7, entry.actor());
                    insert.setObject(8, entry.at().atOffset(ZoneOffset.UTC));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw Errors.translate(e);
        }
    }

    /** Raises the tenant's counter by {@code count} (locking its row) and returns the new last position. */
    private long raise(Connection connection, int count) throws SQLException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE crm_feed_counter SET last_position = last_position + ? WHERE tenant_id = ?")) {
                update.setInt(1, count);
                update.setString(2, u.tenant);
                if (update.executeUpdate() == 1) {
                    try (PreparedStatement read = connection.prepareStatement("SELECT last_position FROM crm_feed_counter WHERE tenant_id = ?")) {
                        read.setString(1, u.tenant);
                        try (ResultSet rs = read.executeQuery()) {
                            rs.next();
                            return rs.getLong(1);
                        }
                    }
                }
            }
            createCounter();
        }
        throw new CrmException("the feed counter of tenant " + u.tenant + " could not be created");
    }

    /** The tenant's counter row, created in a short transaction of its own (two first writers may race: one insert wins). */
    private void createCounter() {
        PersistenceException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            EntityManager em = u.factory.createEntityManager();
            try {
                em.getTransaction().begin();
                long exists = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM crm_feed_counter WHERE tenant_id = ?1")
                        .setParameter(1, u.tenant).getSingleResult()).longValue();
                if (exists == 0) {
                    em.createNativeQuery("INSERT INTO crm_feed_counter (tenant_id, last_position) VALUES (?1, 0)")
                            .setParameter(1, u.tenant).executeUpdate();
                }
                em.getTransaction().commit();
                return;
            } catch (PersistenceException e) {
                last = e;
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
            } finally {
                em.close();
            }
        }
        throw new CrmException("could not create the feed counter of tenant " + u.tenant, last);
    }

    @Override
    public List<FeedEntry> after(long position, int limit) {
        u.checkOpen();
        List<Object> parameters = new ArrayList<>(List.of(u.tenant, position));
        return u.select(new JpaStores.Select("SELECT position, kind, record_id, change_name, fields, actor, at FROM crm_feed"
                + " WHERE tenant_id = ?1 AND position > ?2 ORDER BY position OFFSET 0 ROWS FETCH NEXT " + limit + " ROWS ONLY", parameters),
                JpaFeedStore::entry);
    }

    private static FeedEntry entry(ResultSet rs) throws SQLException {
        String fields = rs.getString(5);
        Object at = rs.getObject(7);
        return new FeedEntry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                fields.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(fields.split("\n"))), rs.getString(6),
                at instanceof OffsetDateTime ? ((OffsetDateTime) at).toInstant() : ((Timestamp) at).toInstant());
    }
}
