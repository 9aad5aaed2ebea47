package org.crmkit.mailing;

import org.crmkit.common.ValidationException;
import org.crmkit.mailing.recipient.Resolution;

/**
 * What {@link Mailings#resolve} did: the resolver's answer (recipients, exclusions per reason, clients read,
 * pages), how many outbox entries were new and how many exclusions were newly recorded. Resolving again
 * answers the same resolution with 0 new entries and 0 new exclusions where nothing changed.
 */
public record MailingResolution(Resolution resolution, long enqueued, long exclusionsRecorded) {
    public MailingResolution {
        ValidationException.required(resolution, "resolution");
        if (enqueued < 0 || exclusionsRecorded < 0) {
            throw new ValidationException("enqueued", enqueued + "/" + exclusionsRecorded, "counts must not be negative");
        }
    }
}
