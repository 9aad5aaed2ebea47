package org.crmkit.mailing;

/**
 * Where a mailing is: drafted, scheduled for an instant, running (its outbox is sent), paused,
 * cancelled, done. Only a running mailing's outbox is sent; a scheduled one is started by the host
 * ({@link Mailings#start}), never by surprise.
 */
public enum MailingState {
    DRAFT, SCHEDULED, RUNNING, PAUSED, CANCELLED, DONE;

    /** Whether no further change is possible. */
    public boolean isFinal() {
        return this == CANCELLED || this == DONE;
    }
}
