package org.crmkit.mailing.template;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.crmkit.client.Client;
import org.crmkit.client.ClientAccess;
import org.crmkit.client.ClientCriterion;
import org.crmkit.client.ClientStore;
import org.crmkit.client.ContactPerson;
import org.crmkit.client.ContactPersonId;
import org.crmkit.client.ContactPersonStore;
import org.crmkit.common.ClientId;
import org.crmkit.common.NotFoundException;
import org.crmkit.common.ValidationException;
import org.crmkit.criteria.Criterion;
import org.crmkit.employee.Employee;
import org.crmkit.property.PropertyDefinition;
import org.crmkit.property.PropertyDefinitionStore;
import org.crmkit.usecase.CrmContext;
import org.crmkit.usecase.UnitOfWork;

/**
 * Building and previewing message templates against the tenant: the vocabulary knows the
 * tenant's property keys, so {@code {{client.properties.discount}}} is accepted only where a
 * property {@code discount} exists. Templates are values; storing them is the mailing's.
 */
public final class MailTemplates {
    private final CrmContext context;

    public MailTemplates(CrmContext context) {
        this.context = ValidationException.required(context, "context");
    }

    /** The variables templates of this tenant may use: the fixed ones and every property key. */
    public TemplateVocabulary vocabulary() {
        return context.read(MailTemplates::vocabulary);
    }

    private static TemplateVocabulary vocabulary(UnitOfWork work) {
        return TemplateVocabulary.withProperties(work.store(PropertyDefinitionStore.class).all().stream()
                .map(PropertyDefinition::key).collect(Collectors.toSet()));
    }

    /** An e-mail template checked against {@link #vocabulary()} (see {@link EmailTemplate#of}). */
    public EmailTemplate email(String subject, String textBody, String htmlBody) {
        return EmailTemplate.of(vocabulary(), subject, textBody, htmlBody);
    }

    /** An SMS template checked against {@link #vocabulary()}. */
    public SmsTemplate sms(String text) {
        return SmsTemplate.of(vocabulary(), text);
    }

    /**
     * The message as {@code client} (or its contact person {@code person}) would receive it from
     * the acting employee: the client must be one the actor sees, the person one of its contact
     * persons. The template is checked again against today's vocabulary (a property removed since
     * it was built is refused naming it).
     */
    public RenderedMessage preview(MessageTemplate template, ClientId client, Optional<ContactPersonId> person) {
        ValidationException.required(template, "template");
        ValidationException.required(client, "client");
        ValidationException.required(person, "person");
        return context.read(work -> {
            template.checkedAgainst(vocabulary(work));
            Criterion<ClientCriterion> visible = work.context().access().visible(work.actor(), ClientAccess.CLIENTS);
            Client found = work.store(ClientStore.class).findAfter(visible.and(new ClientCriterion.IdIn(Set.of(client))), Optional.empty(), 1)
                    .stream().findFirst().orElseThrow(() -> new NotFoundException("client", client));
            Optional<ContactPerson> p = Optional.empty();
            if (person.isPresent()) {
                ContactPerson cp = work.store(ContactPersonStore.class).get(person.get())
                        .orElseThrow(() -> new NotFoundException("contact person", person.get()));
                if (!cp.client().equals(client)) {
                    throw new ValidationException("person", person.get(), "is not a contact person of client " + found.code());
                }
                p = Optional.of(cp);
            }
            Optional<Employee> sender = work.actor().employee().flatMap(id -> work.context().employees().find(id));
            return template.render(Personalisation.of(found, p, sender));
        });
    }
}
