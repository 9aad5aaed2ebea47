package org.crmkit.examples.unsubscribe;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.crmkit.common.TenantId;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Purpose;
import org.crmkit.consent.UnsubscribeToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in {@link Unsubscriber} that keeps withdrawals in memory, until the consent ledger is
 * wired in its place ({@link UnsubscribeApp#unsubscriber()}). A withdrawal is of one consent:
 * tenant, subject, channel, purpose and address (a mailing does not make it another one).
 */
public final class RememberingUnsubscriber implements Unsubscriber {
    private static final Logger LOG = LoggerFactory.getLogger(RememberingUnsubscriber.class);

    /** One withdrawn consent. */
    public record Withdrawal(TenantId tenant, ConsentSubject subject, Channel channel, Purpose purpose, String address,
            Optional<String> mailing) {
        boolean sameConsentAs(Withdrawal other) {
            return tenant.equals(other.tenant) && subject.equals(other.subject) && channel == other.channel
                    && purpose.equals(other.purpose) && address.equals(other.address);
        }
    }

    private final List<Withdrawal> withdrawals = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Outcome unsubscribe(UnsubscribeToken token) {
        Withdrawal withdrawal = new Withdrawal(token.tenant(), token.subject(), token.channel(), token.purpose(), token.address(),
                token.mailing());
        if (withdrawals.stream().anyMatch(withdrawal::sameConsentAs)) {
            return Outcome.ALREADY_WITHDRAWN;
        }
        withdrawals.add(withdrawal);
        LOG.info("withdrawn: {} {} of {} (mailing {})", token.channel(), token.purpose(), token.subject(), token.mailing().orElse("none"));
        return Outcome.WITHDRAWN;
    }

    /** The withdrawals so far, in order. */
    public List<Withdrawal> withdrawals() {
        return List.copyOf(withdrawals);
    }
}
