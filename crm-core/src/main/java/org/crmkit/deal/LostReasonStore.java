package org.crmkit.deal;

import java.util.List;

/**
 * Stores the tenant's lost reasons: insert at version 1 (a key already stored is a
 * {@link org.crmkit.common.DuplicateException} naming {@code lostReason}), update only from the
 * stored version; {@link #all()} by key.
 */
public interface LostReasonStore {
    List<LostReason> all();

    LostReason insert(LostReason reason);

    LostReason update(LostReason reason);
}
