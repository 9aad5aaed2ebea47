package org.crmkit.mailing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.crmkit.client.ContactEntry;
import org.crmkit.client.ContactType;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.interaction.Interaction;
import org.crmkit.interaction.InteractionAccess;
import org.crmkit.interaction.InteractionId;
import org.crmkit.interaction.InteractionKind;
import org.crmkit.interaction.InteractionStore;
import org.crmkit.interaction.Participant;
import org.crmkit.interaction.Timing;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.usecase.UnitOfWork;

/**
 * Puts sent messages on the clients' histories: one done interaction per sent entry (kind e-mail or SMS, the
 * mailing's name as subject, at the instant it was recorded sent, the mailing's responsible employee, the
 * client and the person it went to with the address used), written in the unit of work that moves the entries
 * to sent, so interaction reports count exactly what was sent.
 */
final class MailingHistory {
    private MailingHistory() {
    }

    static void write(UnitOfWork work, List<OutboxEntry> sent) {
        if (sent.isEmpty()) {
            return;
        }
        InteractionStore interactions = work.store(InteractionStore.class);
        MailingStore mailings = work.store(MailingStore.class);
        Map<MailingId, Mailing> byId = new HashMap<>();
        long number = interactions.reserveNumbers(sent.size());
        List<Interaction> written = new ArrayList<>();
        for (OutboxEntry entry : sent) {
            Mailing mailing = byId.computeIfAbsent(entry.mailing(), id -> mailings.get(id)
                    .orElseThrow(() -> new ValidationException("mailing", id, "is not a mailing")));
            boolean email = entry.recipient().channel() == Channel.EMAIL;
            Optional<ContactEntry> used = address(entry, email);
            Participant participant = new Participant(entry.recipient().client(), entry.recipient().person(), used);
            Interaction interaction = Interaction.plan(new InteractionId(work.newId()), number++, email ? InteractionKind.EMAIL : InteractionKind.SMS,
                            subject(mailing), Timing.timed(work.now(), work.now()), mailing.responsible(), Optional.empty())
                    .withParticipants(List.of(participant))
                    .describe("Mailing " + mailing.id() + " \"" + mailing.name() + "\", outbox entry " + entry.id())
                    .complete("sent" + entry.providerMessageId().map(m -> " as " + m).orElse(""));
            written.add(interactions.insert(interaction));
        }
        for (Interaction i : written) {
            work.changed(InteractionAccess.INTERACTIONS.name(), i.id(), "created", List.of("kind", "subject", "timing", "state", "participants"));
        }
    }

    private static String subject(Mailing mailing) {
        String subject = "Mailing: " + mailing.name();
        return subject.length() > Interaction.SUBJECT_MAX ? subject.substring(0, Interaction.SUBJECT_MAX) : subject;
    }

    private static Optional<ContactEntry> address(OutboxEntry entry, boolean email) {
        try {
            return Optional.of(ContactEntry.parse(email ? ContactType.EMAIL : ContactType.MOBILE, entry.recipient().address(), "RU"));
        } catch (ValidationException unusual) {
            return Optional.empty();
        }
    }
}
