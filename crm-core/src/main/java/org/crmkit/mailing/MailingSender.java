package org.crmkit.mailing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.crmkit.common.CrmException;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Consents;
import org.crmkit.mailing.outbox.MailingStatistics;
import org.crmkit.mailing.outbox.MessageComposer;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.outbox.OutboxLease;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.OutboxStore;
import org.crmkit.mailing.outbox.Outlets;
import org.crmkit.mailing.outbox.RateLimit;
import org.crmkit.mailing.outbox.RetryPolicy;
import org.crmkit.mailing.outbox.SendReport;
import org.crmkit.mailing.outbox.SenderProbe;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.usecase.CrmContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outboxes of the running mailings of the acting tenant, in the host's threads: crmkit starts no
 * thread of its own. One call of {@link #sendDue}:
 * <ol>
 *   <li>in one unit of work, turns every entry still {@code SENDING} whose lease has ended into
 *       {@code UNKNOWN} (its sender may have sent it), and claims due entries of the running mailings, as many
 *       as the call and each provider's rate limit allow, under a fresh lease (pending → sending); two host
 *       nodes calling at the same time claim disjoint entries;</li>
 *   <li>outside any unit of work, per entry: checks consent ({@code crm.consents()}: the standing now for the
 *       mailing's purpose, channel and address; a withdrawn one cancels the entry, code {@code no-consent}),
 *       asks the {@link MessageComposer} for the content and submits it to the provider with the entry's
 *       idempotency key;</li>
 *   <li>writes the outcomes in batches, each batch one unit of work that checks the lease token of every
 *       entry and puts the sent ones on the clients' histories: accepted → sent; temporary failure → retried
 *       after the {@link RetryPolicy}'s backoff (at least the provider's {@code retryAfter}), dead after its
 *       last attempt; permanent failure; unknown.</li>
 * </ol>
 * An entry whose lease ended while it was sent is never sent again blindly: it stays unknown for a receipt or
 * an operator ({@link Mailings#resolveUnknown}), except on an SMS gateway that declares idempotent
 * resubmission, to which it is resubmitted with the same key. A mailing whose entries all have their outcome
 * is done. Thread-safe; keep one per host node (it holds the rate limits).
 */
public final class MailingSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailingSender.class);
    /** Most entries one call of {@link #sendDue} sends. */
    public static final int MAX_PER_CALL = 10_000;

    private final CrmContext context;
    private final Outlets outlets;
    private final MessageComposer composer;
    private final RetryPolicy retry;
    private final Duration leaseFor;
    private final int batch;
    private final SenderProbe probe;

    MailingSender(CrmContext context, Outlets outlets, MessageComposer composer) {
        this(context, outlets, composer, RetryPolicy.standard(), Duration.ofMinutes(5), 100, SenderProbe.NONE);
    }

    private MailingSender(CrmContext context, Outlets outlets, MessageComposer composer, RetryPolicy retry, Duration leaseFor, int batch,
                          SenderProbe probe) {
        this.context = context;
        this.outlets = outlets;
        this.composer = composer;
        this.retry = retry;
        this.leaseFor = leaseFor;
        this.batch = batch;
        this.probe = probe;
    }

    /** This sender with another retry policy. */
    public MailingSender withRetry(RetryPolicy policy) {
        return new MailingSender(context, outlets, composer, ValidationException.required(policy, "policy"), leaseFor, batch, probe);
    }

    /**
     * This sender with another lease: how long a claimed entry may take to be sent and recorded before it is
     * taken to be unknown (1 second to 1 day; 5 minutes by default). Longer than the slowest send.
     */
    public MailingSender withLease(Duration lease) {
        ValidationException.required(lease, "lease");
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofDays(1)) > 0) {
            throw new ValidationException("lease", lease, "must be between 1 second and 1 day");
        }
        return new MailingSender(context, outlets, composer, retry, lease, batch, probe);
    }

    /** This sender writing outcomes in batches of {@code size} (1–1000; 100 by default): at most that many are unknown after a crash. */
    public MailingSender withBatch(int size) {
        if (size < 1 || size > 1000) {
            throw new ValidationException("size", size, "must be between 1 and 1000");
        }
        return new MailingSender(context, outlets, composer, retry, leaseFor, size, probe);
    }

    /** This sender calling a test seam at its boundaries ({@link SenderProbe}); production code never does. */
    public MailingSender withProbe(SenderProbe seam) {
        return new MailingSender(context, outlets, composer, retry, leaseFor, batch, ValidationException.required(seam, "seam"));
    }

    /** One claimed entry and its mailing. */
    private record Claimed(Mailing mailing, OutboxEntry entry) {
    }

    /** What became of one claimed entry, before it is recorded. */
    private record Result(Claimed claimed, Optional<SendOutcome> outcome, Optional<String> cancelCode, Optional<String> problem) {
    }

    /** What the claiming unit of work found. */
    private record Claim(List<Claimed> entries, int expired, int throttled) {
    }

    /**
     * Sends up to {@code maxMessages} due entries (1–{@value #MAX_PER_CALL}) in the calling thread and says what
     * it did. A call that finds nothing due, or only entries a rate limit holds back, returns at once.
     */
    public SendReport sendDue(int maxMessages) {
        if (maxMessages < 1 || maxMessages > MAX_PER_CALL) {
            throw new ValidationException("maxMessages", maxMessages, "must be between 1 and " + MAX_PER_CALL);
        }
        Instant now = context.clock().instant();
        OutboxLease lease = new OutboxLease(UUID.randomUUID(), now.plus(leaseFor));
        Claim claim = context.write(work -> claim(work.store(MailingStore.class), work.store(OutboxStore.class), now, lease, maxMessages));
        SendReport report = new SendReport(claim.entries().size(), 0, 0, 0, 0, 0, 0, claim.expired(), claim.throttled());
        for (Claimed c : claim.entries()) {
            probe.at(SenderProbe.Boundary.CLAIMED, c.entry());
        }
        for (int from = 0; from < claim.entries().size(); from += batch) {
            List<Result> results = new ArrayList<>();
            for (Claimed c : claim.entries().subList(from, Math.min(claim.entries().size(), from + batch))) {
                results.add(send(c));
            }
            report = report.plus(record(results, lease.token()));
            probe.at(SenderProbe.Boundary.RECORDED, results.get(results.size() - 1).claimed().entry());
        }
        finishDone();
        return report;
    }

    /**
     * Runs {@link #sendDue} on {@code executor}, again and again while a call sends something, and completes
     * with the sum of what the calls did (exceptionally with the first failure). The host owns the executor;
     * crmkit starts no thread.
     */
    public CompletableFuture<SendReport> drain(Executor executor, int perCall) {
        ValidationException.required(executor, "executor");
        if (perCall < 1 || perCall > MAX_PER_CALL) {
            throw new ValidationException("perCall", perCall, "must be between 1 and " + MAX_PER_CALL);
        }
        CompletableFuture<SendReport> done = new CompletableFuture<>();
        step(executor, perCall, SendReport.NOTHING, done);
        return done;
    }

    private void step(Executor executor, int perCall, SendReport sum, CompletableFuture<SendReport> done) {
        try {
            executor.execute(() -> {
                try {
                    SendReport one = sendDue(perCall);
                    SendReport total = sum.plus(one);
                    if (one.claimed() == 0) {
                        done.complete(total);
                    } else {
                        step(executor, perCall, total, done);
                    }
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RuntimeException rejected) {
            done.completeExceptionally(rejected);
        }
    }

    private Claim claim(MailingStore mailings, OutboxStore outbox, Instant now, OutboxLease lease, int max) {
        List<Claimed> claimed = new ArrayList<>();
        int expired = 0;
        int throttled = 0;
        for (Mailing mailing : mailings.inState(MailingState.RUNNING)) {
            expired += outbox.expire(mailing.id(), now);
            for (Channel channel : mailing.channels()) {
                int room = max - claimed.size();
                if (room <= 0 || !outlets.serves(channel)) {
                    continue;
                }
                Optional<RateLimit> limit = outlets.limit(channel);
                int granted = limit.map(l -> l.take(now, room)).orElse(room);
                List<OutboxEntry> got = granted == 0 ? List.of()
                        : outbox.claim(mailing.id(), channel, now, lease, granted, outlets.resubmitsIdempotently(channel), retry.maxAttempts());
                if (limit.isPresent() && got.size() < granted) {
                    limit.get().giveBack(granted - got.size());
                }
                if (granted < room && got.size() == granted) {
                    throttled += room - granted;
                }
                got.forEach(e -> claimed.add(new Claimed(mailing, e)));
            }
        }
        return new Claim(claimed, expired, throttled);
    }

    private Result send(Claimed c) {
        OutboxEntry entry = c.entry();
        Channel channel = entry.recipient().channel();
        try {
            if (!consented(c.mailing(), entry)) {
                return new Result(c, Optional.empty(), Optional.of("no-consent"),
                        Optional.of("no consent for " + c.mailing().purpose() + " on " + channel + " at send time"));
            }
        } catch (CrmException unreadable) {
            return new Result(c, Optional.empty(), Optional.of("no-recipient"), Optional.of(String.valueOf(unreadable.getMessage())));
        }
        Object message;
        try {
            message = channel == Channel.EMAIL ? composer.email(c.mailing(), entry, entry.idempotencyKey())
                    : composer.sms(c.mailing(), entry, entry.idempotencyKey());
            if (message == null) {
                throw new IllegalStateException("the composer gave no message");
            }
        } catch (RuntimeException composeFailed) {
            return new Result(c, Optional.of(SendOutcome.permanent("compose", String.valueOf(composeFailed.getMessage()))), Optional.empty(),
                    Optional.empty());
        }
        probe.at(SenderProbe.Boundary.BEFORE_SEND, entry);
        SendOutcome outcome;
        try {
            outcome = channel == Channel.EMAIL ? outlets.email().orElseThrow().send((EmailMessage) message)
                    : outlets.sms().orElseThrow().send((SmsMessage) message);
        } catch (RuntimeException providerThrew) {
            LOG.warn("sending outbox entry {} threw; its outcome is unknown", entry.id(), providerThrew);
            outcome = SendOutcome.unknown("the provider threw " + providerThrew);
        }
        if (outcome == null) {
            outcome = SendOutcome.unknown("the provider returned no outcome");
        }
        probe.at(SenderProbe.Boundary.PROVIDER_ANSWERED, entry);
        return new Result(c, Optional.of(outcome), Optional.empty(), Optional.empty());
    }

    private boolean consented(Mailing mailing, OutboxEntry entry) {
        Consents consents = new Consents(context);
        ConsentSubject subject = entry.recipient().person().map(p -> ConsentSubject.contactPerson(entry.recipient().client(), p))
                .orElse(ConsentSubject.client(entry.recipient().client()));
        return consents.status(consents.key(subject, entry.recipient().channel(), mailing.purpose(), entry.recipient().address()))
                .standing().allows();
    }

    /**
     * Writes a batch of outcomes in one unit of work: each entry only if it still carries this call's lease
     * (being sent, or turned unknown when the lease ended); an entry another sender has claimed since is left
     * to that sender. If the batch fails (a concurrent change), each outcome is written on its own.
     */
    private SendReport record(List<Result> results, UUID token) {
        try {
            return context.write(work -> recordIn(work.store(OutboxStore.class), work, results, token));
        } catch (org.crmkit.common.ConcurrentChangeException conflict) {
            SendReport sum = SendReport.NOTHING;
            for (Result r : results) {
                try {
                    sum = sum.plus(context.write(work -> recordIn(work.store(OutboxStore.class), work, List.of(r), token)));
                } catch (org.crmkit.common.ConcurrentChangeException lost) {
                    LOG.info("the outcome of outbox entry {} was not written: it changed meanwhile", r.claimed().entry().id());
                }
            }
            return sum;
        }
    }

    private SendReport recordIn(OutboxStore outbox, org.crmkit.usecase.UnitOfWork work, List<Result> results, UUID token) {
        Instant now = work.now();
        List<OutboxEntry> sent = new ArrayList<>();
        int ok = 0;
        int temporary = 0;
        int permanent = 0;
        int unknown = 0;
        int dead = 0;
        int noConsent = 0;
        for (Result r : results) {
            Optional<OutboxEntry> read = outbox.get(r.claimed().entry().id());
            if (read.isEmpty() || !read.get().leasedWith(token) || !(read.get().state() == OutboxState.SENDING
                    || read.get().state() == OutboxState.UNKNOWN && read.get().reasonCode().equals(Optional.of("lease-expired")))) {
                LOG.info("the outcome of outbox entry {} is not written: its lease is no longer this sender's", r.claimed().entry().id());
                continue;
            }
            OutboxEntry current = read.get();
            OutboxEntry changed;
            if (r.cancelCode().isPresent()) {
                changed = current.cancel(r.cancelCode().get(), r.problem().orElse(""), now);
                noConsent++;
            } else {
                SendOutcome outcome = r.outcome().orElseThrow();
                switch (outcome.kind()) {
                    case ACCEPTED:
                        changed = current.sent(((SendOutcome.Accepted) outcome).providerMessageId(), now);
                        sent.add(changed);
                        ok++;
                        break;
                    case TEMPORARY_FAILURE:
                        SendOutcome.TemporaryFailure t = (SendOutcome.TemporaryFailure) outcome;
                        if (retry.mayRetry(current.attempts())) {
                            changed = current.temporaryFailure(t.reason(), now.plus(retry.delay(current.attempts(), t.retryAfter())), now);
                            temporary++;
                        } else {
                            changed = current.dead("after " + current.attempts() + " attempts: " + t.reason(), now);
                            dead++;
                        }
                        break;
                    case PERMANENT_FAILURE:
                        SendOutcome.PermanentFailure p = (SendOutcome.PermanentFailure) outcome;
                        changed = current.permanentFailure(p.code().isBlank() ? "permanent" : p.code(), p.reason(), now);
                        permanent++;
                        break;
                    default:
                        changed = current.unknown("provider-unknown", ((SendOutcome.Unknown) outcome).reason(), now);
                        unknown++;
                        break;
                }
            }
            OutboxEntry stored = outbox.update(changed);
            if (stored.state() == OutboxState.SENT) {
                sent.set(sent.size() - 1, stored);
            }
        }
        MailingHistory.write(work, sent);
        return new SendReport(0, ok, temporary, permanent, unknown, dead, noConsent, 0, 0);
    }

    /**
     * Marks done every running mailing all of whose entries have a final outcome: none pending, being sent,
     * waiting for a retry, or unknown (an unknown one waits for a receipt or an operator). Each mailing in a
     * unit of work of its own; one another node has just finished is left to it.
     */
    private void finishDone() {
        List<Mailing> running = context.read(work -> work.store(MailingStore.class).inState(MailingState.RUNNING));
        for (Mailing m : running) {
            try {
                context.write(work -> {
                    MailingStatistics stats = MailingStatistics.of(work.store(OutboxStore.class).counts(m.id()));
                    long open = stats.count(OutboxState.PENDING) + stats.count(OutboxState.SENDING)
                            + stats.count(OutboxState.TEMPORARY_FAILURE) + stats.count(OutboxState.UNKNOWN);
                    Optional<Mailing> current = work.store(MailingStore.class).get(m.id());
                    if (stats.total() > 0 && open == 0 && current.isPresent() && current.get().state() == MailingState.RUNNING) {
                        work.store(MailingStore.class).update(current.get().finish());
                        work.changed(Mailings.KIND, m.id(), "done", List.of("state"));
                    }
                    return null;
                });
            } catch (org.crmkit.common.ConcurrentChangeException finishedElsewhere) {
                LOG.debug("mailing {} changed meanwhile; not finished by this call", m.id());
            }
        }
    }
}
