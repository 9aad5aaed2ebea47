package org.crmkit.mailing.outbox;

import org.crmkit.common.ValidationException;

/**
 * What one call of the sender did: entries claimed; of those, accepted by the provider, failed for now, failed
 * for good, unknown, dead, and cancelled for want of consent; entries found with an expired lease (now unknown);
 * and how many it left for later because of a rate limit.
 */
public record SendReport(int claimed, int sent, int temporaryFailures, int permanentFailures, int unknown, int dead, int noConsent,
                         int expired, int throttled) {
    public SendReport {
        for (int n : new int[] {claimed, sent, temporaryFailures, permanentFailures, unknown, dead, noConsent, expired, throttled}) {
            if (n < 0) {
                throw new ValidationException("count", n, "must not be negative");
            }
        }
    }

    /** Nothing was done. */
    public static final SendReport NOTHING = new SendReport(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The sums of both reports. */
    public SendReport plus(SendReport other) {
        ValidationException.required(other, "other");
        return new SendReport(claimed + other.claimed, sent + other.sent, temporaryFailures + other.temporaryFailures,
                permanentFailures + other.permanentFailures, unknown + other.unknown, dead + other.dead, noConsent + other.noConsent,
                expired + other.expired, throttled + other.throttled);
    }
}
