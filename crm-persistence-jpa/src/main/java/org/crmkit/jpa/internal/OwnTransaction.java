package org.crmkit.jpa.internal;

import java.util.function.Function;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;

import org.crmkit.common.CrmException;

/**
 * Work in a short transaction of its own, outside any unit of work (like a database sequence): a
 * per-tenant row that several writers share is changed and committed at once, so no unit of work
 * holds its lock. Tried again when it fails, which happens when two first writers of a tenant race
 * to insert the row.
 */
final class OwnTransaction {
    private static final int ATTEMPTS = 3;

    private OwnTransaction() {
    }

    static <T> T run(EntityManagerFactory factory, Function<EntityManager, T> work, String what) {
        PersistenceException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            EntityManager em = factory.createEntityManager();
            try {
                em.getTransaction().begin();
                T result = work.apply(em);
                em.getTransaction().commit();
                return result;
            } catch (PersistenceException e) {
                last = e;
                try {
                    if (em.getTransaction().isActive()) {
                        em.getTransaction().rollback();
                    }
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
            } finally {
                em.close();
            }
        }
        throw new CrmException("could not " + what, last);
    }
}
