package org.crmkit.examples.unsubscribe;

import org.crmkit.Crm;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.UnsubscribeToken;
import org.crmkit.consent.Withdrawal;

/**
 * The {@link Unsubscriber} of the consent ledger: {@code crm.consents().unsubscribe(token)}, which
 * records the withdrawal (source "unsubscribe link", the token's mailing as evidence) in one unit
 * of work, or says that it was withdrawn already. {@code crm}'s actor must be of the tenant the
 * endpoint serves.
 */
public final class LedgerUnsubscriber implements Unsubscriber {
    private final Crm crm;

    public LedgerUnsubscriber(Crm crm) {
        this.crm = ValidationException.required(crm, "crm");
    }

    @Override
    public Outcome unsubscribe(UnsubscribeToken token) {
        Withdrawal withdrawal = crm.consents().unsubscribe(token);
        return withdrawal.changed() ? Outcome.WITHDRAWN : Outcome.ALREADY_WITHDRAWN;
    }
}
