package org.crmkit.jpa.internal;

import jakarta.persistence.EntityManagerFactory;

/**
 * Hands out client code numbers per tenant from {@code crm_code_counter}, in a short transaction of
 * its own ({@link OwnTransaction}, like a database sequence): registrations of one tenant do not queue behind each other's
 * units of work, and a number is never handed out twice, even when the unit of work that asked
 * for it rolls back.
 */
final class CodeCounter {
    private CodeCounter() {
    }

    static long reserve(EntityManagerFactory factory, String tenant, int count) {
        return reserve(factory, "crm_code_counter", tenant, count);
    }

    /** The same from another counter table of the same shape ({@code tenant_id, last_value}), e.g. interaction numbers. */
    static long reserve(EntityManagerFactory factory, String table, String tenant, int count) {
        return OwnTransaction.run(factory, em -> {
            int updated = em.createNativeQuery("UPDATE " + table + " SET last_value = last_value + ?1 WHERE tenant_id = ?2")
                    .setParameter(1, count).setParameter(2, tenant).executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO " + table + " (tenant_id, last_value) VALUES (?1, ?2)")
                        .setParameter(1, tenant).setParameter(2, count).executeUpdate();
            }
            long lastValue = ((Number) em.createNativeQuery("SELECT last_value FROM " + table + " WHERE tenant_id = ?1")
                    .setParameter(1, tenant).getSingleResult()).longValue();
            return lastValue - count + 1;
        }, "reserve numbers of " + table + " for tenant " + tenant);
    }
}
