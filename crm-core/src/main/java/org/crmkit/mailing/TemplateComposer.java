package org.crmkit.mailing;

import java.util.Optional;

import org.crmkit.client.Client;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.ConsentSubject;
import org.crmkit.consent.Purpose;
import org.crmkit.mailing.outbox.MessageComposer;
import org.crmkit.mailing.outbox.OutboxEntry;
import org.crmkit.mailing.template.Personalisation;
import org.crmkit.mailing.template.RenderedEmail;
import org.crmkit.mailing.template.RenderedSms;
import org.crmkit.mailing.template.TemplateVocabulary;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.sms.SmsMessage;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * The composer {@link Mailings#sender(org.crmkit.mailing.outbox.Outlets, SenderSettings)} gives: per entry one
 * read unit of work loads the mailing's template on the entry's channel (checked again against the tenant's
 * vocabulary), the client, the contact person and the mailing's responsible employee, and renders. A marketing
 * e-mail gets the one-click unsubscribe headers with a token for exactly its subject, channel, purpose and
 * address, naming the mailing. Addresses reach headers only as {@link Mailbox}es, which refuse line breaks.
 */
final class TemplateComposer implements MessageComposer {
    private final CrmContext context;
    private final SenderSettings settings;

    TemplateComposer(CrmContext context, SenderSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    private record Rendered(Object message, ConsentSubject subject, org.crmkit.common.TenantId tenant) {
    }

    private Rendered render(Mailing mailing, OutboxEntry entry) {
        return context.read(work -> {
            StoredTemplate stored = work.store(MailingTemplateStore.class).of(mailing.id()).stream()
                    .filter(t -> t.channel() == entry.recipient().channel()).findFirst()
                    .orElseThrow(() -> new ValidationException("template", entry.recipient().channel(),
                            "mailing \"" + mailing.name() + "\" has no template on this channel"));
            Client client = work.store(ClientStore.class).get(entry.recipient().client())
                    .orElseThrow(() -> new NotFoundException("client", entry.recipient().client()));
            Optional<ContactPerson> person = Optional.empty();
            if (entry.recipient().person().isPresent()) {
                person = Optional.of(work.store(ContactPersonStore.class).get(entry.recipient().person().get())
                        .orElseThrow(() -> new NotFoundException("contact person", entry.recipient().person().get())));
            }
            Personalisation who = Personalisation.of(client, person, work.context().employees().find(mailing.responsible()));
            Object message = stored.checked(vocabulary(work)).render(who);
            ConsentSubject subject = person.map(p -> ConsentSubject.contactPerson(client.id(), p.id())).orElse(ConsentSubject.client(client.id()));
            return new Rendered(message, subject, work.actor().tenant());
        });
    }

    private static TemplateVocabulary vocabulary(UnitOfWork work) {
        return TemplateVocabulary.withProperties(work.store(org.crmkit.property.PropertyDefinitionStore.class).all().stream()
                .map(org.crmkit.property.PropertyDefinition::key).collect(java.util.stream.Collectors.toSet()));
    }

    @Override
    public EmailMessage email(Mailing mailing, OutboxEntry entry, String idempotencyKey) {
        Rendered r = render(mailing, entry);
        RenderedEmail email = (RenderedEmail) r.message();
        String to = entry.recipient().address();
        EmailMessage.Builder builder = EmailMessage.builder().idempotencyKey(idempotencyKey).from(settings.from()).to(Mailbox.of(to))
                .subject(email.subject()).text(email.textBody());
        email.htmlBody().ifPresent(builder::html);
        if (mailing.purpose().equals(Purpose.MARKETING)) {
            String token = settings.tokens().issue(r.tenant(), r.subject(), Channel.EMAIL, mailing.purpose(), to,
                    Optional.of(mailing.id().value().toString()));
            settings.unsubscribe().forToken(token).forEach(builder::header);
        }
        return builder.build();
    }

    @Override
    public SmsMessage sms(Mailing mailing, OutboxEntry entry, String idempotencyKey) {
        RenderedSms sms = (RenderedSms) render(mailing, entry).message();
        return SmsMessage.of(idempotencyKey, settings.smsSource(), entry.recipient().address(), sms.text());
    }
}
