package org.crmkit;

import java.util.List;

import org.crmkit.audit.AuditEntry;
import org.crmkit.audit.AuditStore;
import org.crmkit.audit.JournalQuery;
import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.ValidationException;
import org.crmkit.usecase.CrmContext;

/**
 * The change journal of the acting tenant across all clients, by period and by actor:
 * {@code read(JournalQuery.between(monday, tuesday, 500).by("alekseev"))}, then
 * {@code read(query.after(lastEntry))} for the next page, until a page comes back short.
 *
 * <p>Unlike the {@link ChangeFeed}, the journal holds the values people typed (old and new), so
 * reading it across clients is an administrative right: the access policy's
 * {@code mayAdminister(actor, "journal")} (one client's journal is {@code clients().history(id)},
 * open to whoever sees the client).
 */
public final class ChangeJournal {
    /** The area the access policy is asked about. */
    public static final String AREA = "journal";

    private final CrmContext context;

    ChangeJournal(CrmContext context) {
        this.context = context;
    }

    /**
     * The page of {@code query}, oldest first, in one query of the store.
     *
     * @throws AccessDeniedException when the actor may not administer the {@value #AREA}
     */
    public List<AuditEntry> read(JournalQuery query) {
        if (query == null) {
            throw new ValidationException("query", null, "is required");
        }
        return context.read(work -> {
            if (!work.context().access().mayAdminister(work.actor(), AREA)) {
                throw new AccessDeniedException(work.actor().toString(), "read the change journal across clients");
            }
            return work.stores().get(AuditStore.class).find(query);
        });
    }
}
