package org.crmkit.mailing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.CleanText;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.Purpose;

/**
 * A mailing: a message to many clients on one or more channels (e-mail, SMS), for a purpose consent is asked
 * for (marketing by default), to an audience described in words (which segment or list it was resolved from;
 * the recipients themselves are the outbox's entries), in the name of a responsible employee (the messages
 * sent go on the clients' histories as theirs).
 *
 * <p>Immutable; the verbs return the changed mailing at the same version, and a store saves it only from the
 * version it holds. States move draft → scheduled → running ⇄ paused → done, and to cancelled from any state
 * not final: {@link #schedule} (draft or scheduled), {@link #start} (draft or scheduled), {@link #pause}
 * (running), {@link #resume} (paused), {@link #cancel}, {@link #finish} (running). A refused move is a
 * {@link ValidationException} naming {@code state}. Only a running mailing's outbox is sent.
 *
 * @param version 0 for a mailing never stored; the store increments it on every save
 */
public record Mailing(MailingId id, String name, Set<Channel> channels, Purpose purpose, String audience, MailingState state,
                      Optional<Instant> scheduledAt, EmployeeId responsible, String createdBy, Instant createdAt, long version) {
    public static final int NAME_MAX = 200;
    public static final int AUDIENCE_MAX = 1000;

    public Mailing {
        ValidationException.required(id, "id");
        name = CleanText.require("name", name, NAME_MAX);
        ValidationException.required(channels, "channels");
        if (channels.isEmpty()) {
            throw new ValidationException("channels", channels, "name at least one channel (EMAIL, SMS)");
        }
        for (Channel c : ValidationException.requiredElements(channels, "channels")) {
            if (c == Channel.PHONE_CALL) {
                throw new ValidationException("channels", c, "is not a mailing channel (EMAIL or SMS)");
            }
        }
        channels = Set.copyOf(EnumSet.copyOf(channels));
        ValidationException.required(purpose, "purpose");
        audience = CleanText.multiline("audience", ValidationException.required(audience, "audience"), AUDIENCE_MAX).orElse("");
        ValidationException.required(state, "state");
        scheduledAt = ValidationException.required(scheduledAt, "scheduledAt").map(at -> at.truncatedTo(ChronoUnit.MICROS));
        ValidationException.required(responsible, "responsible");
        createdBy = CleanText.require("createdBy", createdBy, 200);
        createdAt = ValidationException.required(createdAt, "createdAt").truncatedTo(ChronoUnit.MICROS);
        if (state == MailingState.SCHEDULED && scheduledAt.isEmpty()) {
            throw new ValidationException("scheduledAt", "none", "a scheduled mailing has its instant");
        }
        if (version < 0) {
            throw new ValidationException("version", version, "must not be negative");
        }
    }

    /** A new draft, not stored (version 0). */
    public static Mailing draft(MailingId id, String name, Set<Channel> channels, Purpose purpose, String audience, EmployeeId responsible,
                                String createdBy, Instant now) {
        return new Mailing(id, name, channels, purpose, audience, MailingState.DRAFT, Optional.empty(), responsible, createdBy, now, 0);
    }

    /** Scheduled for {@code at}; the host starts it ({@link Mailings#start}). */
    public Mailing schedule(Instant at) {
        ValidationException.required(at, "at");
        requireState("scheduled", MailingState.DRAFT, MailingState.SCHEDULED);
        return to(MailingState.SCHEDULED, Optional.of(at));
    }

    /** Its outbox is sent from now on. */
    public Mailing start() {
        requireState("started", MailingState.DRAFT, MailingState.SCHEDULED);
        return to(MailingState.RUNNING, scheduledAt);
    }

    /** Nothing more is claimed until it is resumed; entries being sent finish. */
    public Mailing pause() {
        requireState("paused", MailingState.RUNNING);
        return to(MailingState.PAUSED, scheduledAt);
    }

    public Mailing resume() {
        requireState("resumed", MailingState.PAUSED);
        return to(MailingState.RUNNING, scheduledAt);
    }

    /** Nothing more is sent; entries being sent finish. */
    public Mailing cancel() {
        if (state.isFinal()) {
            throw new ValidationException("state", state, "mailing \"" + name + "\" is " + state + " already: it cannot be cancelled");
        }
        return to(MailingState.CANCELLED, scheduledAt);
    }

    /** Every entry has its outcome. */
    public Mailing finish() {
        requireState("finished", MailingState.RUNNING);
        return to(MailingState.DONE, scheduledAt);
    }

    /** Whether entries may still be enqueued (not cancelled, not done). */
    public boolean acceptsRecipients() {
        return !state.isFinal();
    }

    public Mailing withVersion(long newVersion) {
        return new Mailing(id, name, channels, purpose, audience, state, scheduledAt, responsible, createdBy, createdAt, newVersion);
    }

    private void requireState(String verb, MailingState... allowed) {
        for (MailingState s : allowed) {
            if (state == s) {
                return;
            }
        }
        throw new ValidationException("state", state, "mailing \"" + name + "\" cannot be " + verb + " when " + state);
    }

    private Mailing to(MailingState next, Optional<Instant> at) {
        return new Mailing(id, name, channels, purpose, audience, next, at, responsible, createdBy, createdAt, version);
    }
}
