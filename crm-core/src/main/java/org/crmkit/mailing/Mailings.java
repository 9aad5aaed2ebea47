package org.crmkit.mailing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.LinkedHashMap;

import org.crmkit.common.AccessDeniedException;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.Purpose;
import org.crmkit.mailing.outbox.MailingStatistics;
import org.crmkit.mailing.outbox.MessageComposer;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.outbox.OutboxEntryId;
import org.crmkit.mailing.outbox.OutboxRecipient;
import org.crmkit.mailing.outbox.OutboxState;
import org.crmkit.mailing.outbox.OutboxStore;
import org.crmkit.mailing.outbox.Outlets;
import org.crmkit.mailing.outbox.Resolution;
import org.crmkit.mailing.recipient.Exclusion;
import org.crmkit.mailing.recipient.Recipient;
import org.crmkit.mailing.recipient.RecipientQuery;
import org.crmkit.mailing.recipient.RecipientSink;
import org.crmkit.mailing.recipient.Recipients;
import org.crmkit.mailing.template.MessageTemplate;
import org.crmkit.mailing.template.TemplateVocabulary;
import org.crmkit.messaging.DeliveryReceipt;
import org.crmkit.messaging.DeliveryStatus;
import org.crmkit.storage.Feature;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Mailings ({@code crm.mailings()}), each use case one unit of work for the acting tenant: create a mailing,
 * enqueue its recipients in batches (idempotent: an entry's key is stored once), schedule, start, pause,
 * resume, cancel it; its statistics; an operator's decision on an unknown entry; delivery receipts. Changing a
 * mailing needs the access policy's {@code mayAdminister(actor, "mailing")}. Sending is
 * {@link #sender(Outlets, MessageComposer)}, run in the host's threads.
 *
 * <p>Every change of a mailing is fed under the kind {@value #KIND}. Outbox entries are not fed one by one
 * (a mailing has many); a message sent goes on the client's history as an interaction.
 */
// Too big (478 lines): resolving the audience, exclusions and templates belong in their own use-case class
// beside this one; left for the next session (issue 18 note). The lifecycle verbs stay here.
public final class Mailings {
    /** Mailings need their store and the outbox's. */
    public static final Feature FEATURE = Feature.of("mailings", MailingStore.class, OutboxStore.class, MailingExclusionStore.class,
            MailingTemplateStore.class);
    /** The record kind of mailings in the change feed. */
    public static final String KIND = "mailings";
    /** The administration area of mailings. */
    public static final String AREA = "mailing";
    /** Most recipients one call of {@link #enqueue} takes. */
    public static final int MAX_BATCH = 10_000;
    /** Most entries one call of {@link #entries} lists. */
    public static final int MAX_LIST = 10_000;

    private final CrmContext context;

    public Mailings(CrmContext context) {
        this.context = ValidationException.required(context, "context");
    }

    /** A draft in the name of the acting employee; see {@link #create(String, Set, Purpose, String, EmployeeId)}. */
    public Mailing create(String name, Set<Channel> channels, Purpose purpose, String audience) {
        ValidationException.required(name, "name");
        ValidationException.required(channels, "channels");
        ValidationException.required(purpose, "purpose");
        ValidationException.required(audience, "audience");
        return context.write(work -> createIn(work, name, channels, purpose, audience,
                work.actor().employee().orElseThrow(() -> new ValidationException("responsible", work.actor().name(),
                        "is not an employee: name the responsible employee"))));
    }

    /**
     * A draft mailing (name up to {@value Mailing#NAME_MAX} characters, channels e-mail and/or SMS, the purpose
     * consent is checked for, an audience description) whose sent messages go on the clients' histories as
     * the {@code responsible} employee's. Refused naming the field: a blank or too long name, no channel or
     * {@code PHONE_CALL}.
     */
    public Mailing create(String name, Set<Channel> channels, Purpose purpose, String audience, EmployeeId responsible) {
        ValidationException.required(name, "name");
        ValidationException.required(channels, "channels");
        ValidationException.required(purpose, "purpose");
        ValidationException.required(audience, "audience");
        ValidationException.required(responsible, "responsible");
        return context.write(work -> createIn(work, name, channels, purpose, audience, responsible));
    }

    private static Mailing createIn(UnitOfWork work, String name, Set<Channel> channels, Purpose purpose, String audience,
                                    EmployeeId responsible) {
        requireAdministration(work);
        Mailing stored = work.store(MailingStore.class).insert(Mailing.draft(new MailingId(work.newId()), name, channels, purpose, audience,
                responsible, work.actor().name(), work.now()));
        work.changed(KIND, stored.id(), "created", List.of("name", "channels", "purpose", "audience", "state", "responsible"));
        return stored;
    }

    public Optional<Mailing> find(MailingId id) {
        ValidationException.required(id, "id");
        return context.read(work -> work.store(MailingStore.class).get(id));
    }

    /** The tenant's mailings in this state, by creation time, then id. */
    public List<Mailing> inState(MailingState state) {
        ValidationException.required(state, "state");
        return context.read(work -> work.store(MailingStore.class).inState(state));
    }

    /** Scheduled for {@code at}: the host starts it when it is due ({@link #start}); nothing starts it by surprise. */
    public Mailing schedule(MailingId id, Instant at) {
        ValidationException.required(id, "id");
        ValidationException.required(at, "at");
        return change(id, "scheduled", m -> m.schedule(at));
    }

    /** Running: its outbox is sent by the senders' next calls. */
    public Mailing start(MailingId id) {
        ValidationException.required(id, "id");
        return change(id, "started", Mailing::start);
    }

    /** Paused: nothing more is claimed; entries being sent finish. */
    public Mailing pause(MailingId id) {
        ValidationException.required(id, "id");
        return change(id, "paused", Mailing::pause);
    }

    public Mailing resume(MailingId id) {
        ValidationException.required(id, "id");
        return change(id, "resumed", Mailing::resume);
    }

    /** Cancelled: its pending entries and those waiting for a retry become cancelled, in the same unit of work; entries being sent finish. */
    public Mailing cancel(MailingId id) {
        ValidationException.required(id, "id");
        return context.write(work -> {
            Mailing stored = changeIn(work, id, "cancelled", Mailing::cancel);
            work.store(OutboxStore.class).cancelOpen(id, work.now());
            return stored;
        });
    }

    private Mailing change(MailingId id, String change, java.util.function.UnaryOperator<Mailing> verb) {
        return context.write(work -> changeIn(work, id, change, verb));
    }

    static Mailing changeIn(UnitOfWork work, MailingId id, String change, java.util.function.UnaryOperator<Mailing> verb) {
        requireAdministration(work);
        Mailing current = require(work, id);
        Mailing stored = work.store(MailingStore.class).update(verb.apply(current));
        List<String> fields = new ArrayList<>(List.of("state"));
        if (!current.scheduledAt().equals(stored.scheduledAt())) {
            fields.add("scheduledAt");
        }
        work.changed(KIND, id, change, fields);
        return stored;
    }

    /**
     * Enqueues up to {@value #MAX_BATCH} recipients of a mailing, one pending entry each, and answers how many
     * were new: a recipient already enqueued (same client, person or none, channel) is not enqueued again, so
     * a host may enqueue a long list in batches and repeat a batch after a failure. Refused naming the field,
     * nothing stored: a mailing cancelled or done ({@code state}), a recipient on a channel the mailing does
     * not use ({@code recipients[i].channel}), too many recipients.
     */
    public int enqueue(MailingId id, List<OutboxRecipient> recipients) {
        ValidationException.required(id, "id");
        List<OutboxRecipient> given = ValidationException.requiredElements(recipients, "recipients");
        if (given.size() > MAX_BATCH) {
            throw new ValidationException("recipients", given.size() + " recipients", "at most " + MAX_BATCH + " in one call");
        }
        return context.write(work -> enqueueIn(work, id, given));
    }

    private static int enqueueIn(UnitOfWork work, MailingId id, List<OutboxRecipient> given) {
        requireAdministration(work);
        Mailing mailing = require(work, id);
        if (!mailing.acceptsRecipients()) {
            throw new ValidationException("state", mailing.state(), "mailing \"" + mailing.name() + "\" takes no more recipients");
        }
        Map<String, OutboxEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            OutboxRecipient r = given.get(i);
            if (!mailing.channels().contains(r.channel())) {
                throw new ValidationException("recipients[" + i + "].channel", r.channel(),
                        "is not a channel of mailing \"" + mailing.name() + "\" " + mailing.channels());
            }
            entries.putIfAbsent(r.key(), OutboxEntry.pending(new OutboxEntryId(work.newId()), id, r, work.now()));
        }
        return entries.isEmpty() ? 0 : work.store(OutboxStore.class).enqueue(List.copyOf(entries.values()));
    }

    /**
     * Resolves the mailing's audience ({@code query}, through {@link Recipients#resolve}) straight into its
     * outbox, page by page: each page of the resolver is one unit of work that enqueues the page's recipients and
     * records its exclusions with their reasons ({@link #exclusions}); nothing holds the whole audience. Idempotent:
     * resolving again enqueues only recipients not enqueued yet and records only exclusions not recorded yet (the
     * first reason recorded for a recipient stays). A page written is kept if a later page fails; resolve again to
     * finish. Refused naming the field, nothing written: a mailing cancelled or done ({@code state}), a query for
     * another purpose than the mailing's ({@code query.purpose}), a query that may choose a channel the mailing
     * does not use ({@code query.channels}).
     */
    public MailingResolution resolve(MailingId id, RecipientQuery query) {
        ValidationException.required(id, "id");
        ValidationException.required(query, "query");
        context.require(FEATURE);
        Mailing mailing = context.read(work -> {
            requireAdministration(work);
            return require(work, id);
        });
        if (!mailing.acceptsRecipients()) {
            throw new ValidationException("state", mailing.state(), "mailing \"" + mailing.name() + "\" takes no more recipients");
        }
        if (!query.purpose().equals(mailing.purpose())) {
            throw new ValidationException("query.purpose", query.purpose().key(), "is not the purpose of mailing \"" + mailing.name() + "\" ("
                    + mailing.purpose().key() + ")");
        }
        for (Channel c : query.channels().possible()) {
            if (!mailing.channels().contains(c)) {
                throw new ValidationException("query.channels", query.channels(), "may choose " + c + ", not a channel of mailing \""
                        + mailing.name() + "\" " + mailing.channels());
            }
        }
        PageWriter writer = new PageWriter(id, query.pageSize());
        org.crmkit.mailing.recipient.Resolution resolution = new Recipients(context).resolve(query, writer);
        writer.flush();
        return new MailingResolution(resolution, writer.enqueued, writer.recorded);
    }

    /** Collects one resolver page (at most a page's worth of audience members) and writes it in one unit of work. */
    private final class PageWriter implements RecipientSink {
        private final MailingId id;
        private final int limit;
        private final List<OutboxRecipient> recipients = new ArrayList<>();
        private final List<Exclusion> exclusions = new ArrayList<>();
        long enqueued;
        long recorded;

        PageWriter(MailingId id, int limit) {
            this.id = id;
            this.limit = limit;
        }

        @Override
        public void recipient(Recipient recipient) {
            recipients.add(new OutboxRecipient(recipient.client(), recipient.person(), recipient.channel(), recipient.address()));
            flushIfFull();
        }

        @Override
        public void excluded(Exclusion exclusion) {
            exclusions.add(exclusion);
            flushIfFull();
        }

        private void flushIfFull() {
            if (recipients.size() + exclusions.size() >= limit) {
                flush();
            }
        }

        void flush() {
            if (recipients.isEmpty() && exclusions.isEmpty()) {
                return;
            }
            List<OutboxRecipient> r = List.copyOf(recipients);
            List<Exclusion> e = List.copyOf(exclusions);
            long[] counts = context.write(work -> {
                int added = r.isEmpty() ? 0 : enqueueIn(work, id, r);
                if (r.isEmpty()) {
                    requireAdministration(work);
                    Mailing m = require(work, id);
                    if (!m.acceptsRecipients()) {
                        throw new ValidationException("state", m.state(), "mailing \"" + m.name() + "\" takes no more recipients");
                    }
                }
                int noted = e.isEmpty() ? 0 : work.store(MailingExclusionStore.class).record(id, e);
                return new long[] {added, noted};
            });
            enqueued += counts[0];
            recorded += counts[1];
            recipients.clear();
            exclusions.clear();
        }
    }

    /**
     * Up to {@code max} (1 to {@value #MAX_LIST}) of the mailing's recorded exclusions, each with its reason, from
     * position {@code offset} (0 first) in the order client id, person, channel.
     */
    public List<Exclusion> exclusions(MailingId id, long offset, int max) {
        ValidationException.required(id, "id");
        if (offset < 0) {
            throw new ValidationException("offset", offset, "must not be negative");
        }
        if (max < 1 || max > MAX_LIST) {
            throw new ValidationException("max", max, "must be between 1 and " + MAX_LIST);
        }
        context.require(FEATURE);
        return context.read(work -> {
            require(work, id);
            return work.store(MailingExclusionStore.class).list(id, offset, max);
        });
    }

    /** The mailing's outbox in numbers (per state, reason code, delivery status). */
    public MailingStatistics statistics(MailingId id) {
        ValidationException.required(id, "id");
        return context.read(work -> {
            require(work, id);
            return MailingStatistics.of(work.store(OutboxStore.class).counts(id), work.store(MailingExclusionStore.class).counts(id));
        });
    }

    /** Up to {@code max} entries of the mailing in these states (all when empty), in id order, after {@code after} if given. */
    public List<OutboxEntry> entries(MailingId id, Set<OutboxState> states, Optional<OutboxEntryId> after, int max) {
        ValidationException.required(id, "id");
        Set<OutboxState> wanted = Set.copyOf(ValidationException.requiredElements(states, "states"));
        ValidationException.required(after, "after");
        if (max < 1 || max > MAX_LIST) {
            throw new ValidationException("max", max, "must be between 1 and " + MAX_LIST);
        }
        return context.read(work -> {
            require(work, id);
            return work.store(OutboxStore.class).list(id, wanted, after, max);
        });
    }

    /**
     * An operator's decision on an entry left {@code UNKNOWN}: {@link Resolution#SENT} makes it sent (and puts
     * it on the client's history), {@link Resolution#NOT_SENT} makes it pending again, to be sent by the next
     * claim (cancelled, if the mailing was cancelled meanwhile). A mailing with unknown entries is not done until
     * they are resolved. Refused, naming {@code state}, for an entry that is not unknown; an unknown entry is a
     * {@link NotFoundException}.
     */
    public OutboxEntry resolveUnknown(OutboxEntryId entry, Resolution resolution) {
        ValidationException.required(entry, "entry");
        ValidationException.required(resolution, "resolution");
        return context.write(work -> {
            requireAdministration(work);
            OutboxStore outbox = work.store(OutboxStore.class);
            OutboxEntry current = outbox.get(entry).orElseThrow(() -> new NotFoundException("outbox entry", entry));
            if (current.state() != OutboxState.UNKNOWN) {
                throw new ValidationException("state", current.state(), "outbox entry " + entry + " is not unknown: there is nothing to resolve");
            }
            if (resolution == Resolution.SENT) {
                OutboxEntry sent = outbox.update(current.sent(current.providerMessageId().orElse("resolved-by-operator"), work.now()));
                MailingHistory.write(work, List.of(sent));
                return sent;
            }
            if (require(work, current.mailing()).state() == MailingState.CANCELLED) {
                return outbox.update(current.cancel("cancelled", "not sent, and the mailing was cancelled", work.now()));
            }
            return outbox.update(current.requeue("an operator said it was not sent", work.now()));
        });
    }

    /**
     * Takes in a provider's delivery receipt (a host wires it to {@code SmsGateway.onReceipt}, or feeds it from
     * elsewhere): the entries accepted under its message id record the status; an entry left unknown whose
     * receipt says it was delivered becomes sent (and goes on the history). Answers how many entries matched
     * (0 for a message id the outbox does not know).
     */
    public int receipt(DeliveryReceipt receipt) {
        ValidationException.required(receipt, "receipt");
        return context.write(work -> {
            OutboxStore outbox = work.store(OutboxStore.class);
            List<OutboxEntry> matched = outbox.byProviderMessageId(receipt.providerMessageId());
            List<OutboxEntry> nowSent = new ArrayList<>();
            for (OutboxEntry e : matched) {
                OutboxEntry changed = e.delivered(receipt.status(), work.now());
                if (e.state() == OutboxState.UNKNOWN && receipt.status() == DeliveryStatus.DELIVERED) {
                    changed = changed.sent(receipt.providerMessageId(), work.now());
                    nowSent.add(changed);
                }
                outbox.update(changed);
            }
            if (!nowSent.isEmpty()) {
                MailingHistory.write(work, nowSent);
            }
            return matched.size();
        });
    }

    /**
     * Makes {@code template} the mailing's message on its channel (replacing one there), stored with the mailing as
     * its sources and checked again against the tenant's vocabulary now and whenever it is loaded. Refused naming
     * the field, nothing stored: a channel the mailing does not use ({@code template.channel}), a mailing cancelled
     * or done ({@code state}), a template that no longer fits the vocabulary (its part's field).
     */
    public Mailing useTemplate(MailingId id, MessageTemplate template) {
        ValidationException.required(id, "id");
        ValidationException.required(template, "template");
        context.require(FEATURE);
        return context.write(work -> {
            requireAdministration(work);
            Mailing mailing = require(work, id);
            if (mailing.state().isFinal()) {
                throw new ValidationException("state", mailing.state(), "mailing \"" + mailing.name() + "\" is " + mailing.state()
                        + ": its templates cannot change");
            }
            if (!mailing.channels().contains(template.channel())) {
                throw new ValidationException("template.channel", template.channel(), "is not a channel of mailing \"" + mailing.name()
                        + "\" " + mailing.channels());
            }
            StoredTemplate stored = StoredTemplate.of(template);
            stored.checked(vocabulary(work));
            work.store(MailingTemplateStore.class).put(id, stored);
            work.changed(KIND, id, "template", List.of("template." + template.channel()));
            return mailing;
        });
    }

    /** The mailing's templates, one per channel that has one, each checked again against today's vocabulary. */
    public List<MessageTemplate> templates(MailingId id) {
        ValidationException.required(id, "id");
        context.require(FEATURE);
        return context.read(work -> {
            require(work, id);
            TemplateVocabulary vocabulary = vocabulary(work);
            List<MessageTemplate> out = new ArrayList<>();
            work.store(MailingTemplateStore.class).of(id).forEach(t -> out.add(t.checked(vocabulary)));
            return out;
        });
    }

    private static TemplateVocabulary vocabulary(UnitOfWork work) {
        return TemplateVocabulary.withProperties(work.store(org.crmkit.property.PropertyDefinitionStore.class).all().stream()
                .map(org.crmkit.property.PropertyDefinition::key).collect(java.util.stream.Collectors.toSet()));
    }

    /**
     * A sender whose messages are the mailings' own templates ({@link #useTemplate}), rendered at send time for
     * the entry's client, contact person and the mailing's responsible employee, from the host's
     * {@code settings}; every marketing e-mail carries the one-click unsubscribe headers (RFC 8058) with a
     * token for its recipient. An entry whose mailing has no template on its channel fails permanently
     * ({@code compose}).
     */
    public MailingSender sender(Outlets outlets, SenderSettings settings) {
        ValidationException.required(outlets, "outlets");
        ValidationException.required(settings, "settings");
        return sender(outlets, new TemplateComposer(context, settings));
    }

    /**
     * A sender of the running mailings' outboxes through these providers, with content from {@code composer}.
     * Keep one per host node (it holds the rate limits); it starts no thread: the host calls it.
     */
    public MailingSender sender(Outlets outlets, MessageComposer composer) {
        ValidationException.required(outlets, "outlets");
        ValidationException.required(composer, "composer");
        context.require(FEATURE);
        context.require(org.crmkit.consent.Consents.FEATURE);
        return new MailingSender(context, outlets, composer);
    }

    static Mailing require(UnitOfWork work, MailingId id) {
        return work.store(MailingStore.class).get(id).orElseThrow(() -> new NotFoundException("mailing", id));
    }

    static void requireAdministration(UnitOfWork work) {
        if (!work.context().access().mayAdminister(work.actor(), AREA)) {
            throw new AccessDeniedException(work.actor().toString(), "change mailings");
        }
    }

    static Set<OutboxEntryId> ids(List<OutboxEntry> entries) {
        Set<OutboxEntryId> ids = new HashSet<>();
        entries.forEach(e -> ids.add(e.id()));
        return ids;
    }
}
