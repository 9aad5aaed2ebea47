package org.crmkit.mailing.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import org.crmkit.common.ValidationException;
import org.crmkit.mailing.MailingId;
import org.crmkit.messaging.DeliveryStatus;

/**
 * One message of a mailing to one recipient on one channel: the unit the outbox sends exactly once, or
 * reports as unknown. Immutable; the verbs return the changed entry at the same version, and a store saves
 * it only from the version it holds.
 *
 * <p>Invariants: attempts are never negative; an entry {@code SENDING} holds a lease (and an entry in any
 * other state may keep the token of its last lease, so that a sender whose lease ran out can still write the
 * outcome it saw); a {@code TEMPORARY_FAILURE} has its next attempt time; a {@code SENT} one has the provider's
 * message id. Reasons are short texts ({@code reasonCode} machine-readable, e.g. {@code no-consent},
 * {@code lease-expired}, {@code 550}). Times are the Crm clock's, to the microsecond.
 *
 * @param version 0 for an entry never stored; the store increments it on every save
 */
public record OutboxEntry(OutboxEntryId id, MailingId mailing, OutboxRecipient recipient, OutboxState state, int attempts,
                          Optional<Instant> nextAttemptAt, Optional<OutboxLease> lease, Optional<String> reasonCode,
                          Optional<String> reason, Optional<String> providerMessageId, Optional<DeliveryStatus> delivery,
                          Instant createdAt, Instant updatedAt, long version) {
    public static final int REASON_MAX = 500;
    public static final int CODE_MAX = 64;

    public OutboxEntry {
        ValidationException.required(id, "id");
        ValidationException.required(mailing, "mailing");
        ValidationException.required(recipient, "recipient");
        ValidationException.required(state, "state");
        nextAttemptAt = ValidationException.required(nextAttemptAt, "nextAttemptAt").map(OutboxEntry::micros);
        ValidationException.required(lease, "lease");
        reasonCode = clip(ValidationException.required(reasonCode, "reasonCode"), CODE_MAX);
        reason = clip(ValidationException.required(reason, "reason"), REASON_MAX);
        ValidationException.required(providerMessageId, "providerMessageId");
        ValidationException.required(delivery, "delivery");
        createdAt = micros(ValidationException.required(createdAt, "createdAt"));
        updatedAt = micros(ValidationException.required(updatedAt, "updatedAt"));
        if (attempts < 0) {
            throw new ValidationException("attempts", attempts, "must not be negative");
        }
        if (state == OutboxState.SENDING && lease.isEmpty()) {
            throw new ValidationException("lease", "none", "an entry being sent holds a lease");
        }
        if (state == OutboxState.TEMPORARY_FAILURE && nextAttemptAt.isEmpty()) {
            throw new ValidationException("nextAttemptAt", "none", "a temporary failure has its next attempt time");
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** A new pending entry, not stored (version 0). */
    public static OutboxEntry pending(OutboxEntryId id, MailingId mailing, OutboxRecipient recipient, Instant now) {
        return new OutboxEntry(id, mailing, recipient, OutboxState.PENDING, 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), now, now, 0);
    }

    /**
     * The idempotency key of every submission of this entry ({@code crmkit-} and the entry's id): the same on
     * a resubmission, so a provider that honours keys sends it at most once.
     */
    public String idempotencyKey() {
        return "crmkit-" + id.value();
    }

    /** Whether {@code token} is the token of this entry's (last) lease. */
    public boolean leasedWith(UUID token) {
        ValidationException.required(token, "token");
        return lease.map(l -> l.token().equals(token)).orElse(false);
    }

    /** Claimed by a sender: sending under {@code newLease}, one more attempt. */
    public OutboxEntry claim(OutboxLease newLease, Instant now) {
        return new OutboxEntry(id, mailing, recipient, OutboxState.SENDING, attempts + 1, Optional.empty(),
                Optional.of(ValidationException.required(newLease, "lease")), reasonCode, reason, providerMessageId, delivery, createdAt,
                now, version);
    }

    /** Accepted by the provider under {@code messageId}. */
    public OutboxEntry sent(String messageId, Instant now) {
        ValidationException.required(messageId, "providerMessageId");
        return to(OutboxState.SENT, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(messageId), now);
    }

    /** Not taken this time; tried again at {@code next}. */
    public OutboxEntry temporaryFailure(String why, Instant next, Instant now) {
        return to(OutboxState.TEMPORARY_FAILURE, Optional.of(ValidationException.required(next, "next")), Optional.of("temporary"),
                Optional.of(ValidationException.required(why, "reason")), providerMessageId, now);
    }

    /** Refused for good. */
    public OutboxEntry permanentFailure(String code, String why, Instant now) {
        return to(OutboxState.PERMANENT_FAILURE, Optional.empty(), Optional.of(ValidationException.required(code, "reasonCode")), Optional.of(ValidationException.required(why, "reason")), providerMessageId, now);
    }

    /** May or may not have been sent. */
    public OutboxEntry unknown(String code, String why, Instant now) {
        return to(OutboxState.UNKNOWN, Optional.empty(), Optional.of(ValidationException.required(code, "reasonCode")), Optional.of(ValidationException.required(why, "reason")), providerMessageId, now);
    }

    /** Out of attempts. */
    public OutboxEntry dead(String why, Instant now) {
        return to(OutboxState.DEAD, Optional.empty(), Optional.of("max-attempts"), Optional.of(ValidationException.required(why, "reason")), providerMessageId, now);
    }

    /** Will not be sent. */
    public OutboxEntry cancel(String code, String why, Instant now) {
        return to(OutboxState.CANCELLED, Optional.empty(), Optional.of(ValidationException.required(code, "reasonCode")), Optional.of(ValidationException.required(why, "reason")), providerMessageId, now);
    }

    /** Back to pending (an operator said an unknown one was not sent). */
    public OutboxEntry requeue(String why, Instant now) {
        return to(OutboxState.PENDING, Optional.empty(), Optional.of("requeued"), Optional.of(ValidationException.required(why, "reason")), providerMessageId, now);
    }

    /** What a receipt reported for it. */
    public OutboxEntry delivered(DeliveryStatus status, Instant now) {
        return new OutboxEntry(id, mailing, recipient, state, attempts, nextAttemptAt, lease, reasonCode, reason, providerMessageId,
                Optional.of(ValidationException.required(status, "status")), createdAt, now, version);
    }

    /** A copy at another version (stores use it). */
    public OutboxEntry withVersion(long newVersion) {
        return new OutboxEntry(id, mailing, recipient, state, attempts, nextAttemptAt, lease, reasonCode, reason, providerMessageId, delivery,
                createdAt, updatedAt, newVersion);
    }

    private OutboxEntry to(OutboxState next, Optional<Instant> at, Optional<String> code, Optional<String> why, Optional<String> messageId,
                           Instant now) {
        ValidationException.required(now, "now");
        code.ifPresent(c -> ValidationException.required(c, "reasonCode"));
        why.ifPresent(w -> ValidationException.required(w, "reason"));
        return new OutboxEntry(id, mailing, recipient, next, attempts, at, lease, code, why, messageId, delivery, createdAt, now, version);
    }

    private static Optional<String> clip(Optional<String> text, int max) {
        return text.map(t -> t.length() > max ? t.substring(0, max) : t);
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
