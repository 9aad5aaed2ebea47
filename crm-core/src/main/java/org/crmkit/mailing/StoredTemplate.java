package org.crmkit.mailing;

import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.mailing.template.EmailTemplate;
import org.crmkit.mailing.template.MessageTemplate;
import org.crmkit.mailing.template.SmsTemplate;
import org.crmkit.mailing.template.TemplateText;
import org.crmkit.mailing.template.TemplateVocabulary;

/**
 * The sources of a mailing's template on one channel, as its store keeps them: an e-mail's subject, text body
 * and optional HTML body, or an SMS's text (no subject, no HTML). Sources only: {@link #checked} builds the
 * template again against the tenant's vocabulary of the day, so a stored template is re-checked on every load.
 */
public record StoredTemplate(Channel channel, Optional<String> subject, String body, Optional<String> htmlBody) {
    public StoredTemplate {
        ValidationException.required(channel, "channel");
        ValidationException.required(subject, "subject");
        ValidationException.required(body, "body");
        ValidationException.required(htmlBody, "htmlBody");
        if (channel == Channel.PHONE_CALL) {
            throw new ValidationException("channel", channel, "is not a mailing channel (EMAIL or SMS)");
        }
        if (channel == Channel.EMAIL && subject.isEmpty()) {
            throw new ValidationException("subject", "none", "an e-mail template has a subject");
        }
        if (channel == Channel.SMS && (subject.isPresent() || htmlBody.isPresent())) {
            throw new ValidationException("subject", subject.orElse("") + htmlBody.orElse(""), "an SMS template has only a text");
        }
    }

    /** The sources of a checked template. */
    public static StoredTemplate of(MessageTemplate template) {
        ValidationException.required(template, "template");
        if (template.channel() == Channel.EMAIL) {
            EmailTemplate e = (EmailTemplate) template;
            return new StoredTemplate(Channel.EMAIL, Optional.of(e.subject().source()), e.textBody().source(),
                    e.htmlBody().map(TemplateText::source));
        }
        return new StoredTemplate(Channel.SMS, Optional.empty(), ((SmsTemplate) template).text().source(), Optional.empty());
    }

    /** The template built and checked again against {@code vocabulary} (refused as when it was built if it no longer fits). */
    public MessageTemplate checked(TemplateVocabulary vocabulary) {
        ValidationException.required(vocabulary, "vocabulary");
        return channel == Channel.EMAIL ? EmailTemplate.of(vocabulary, subject.orElseThrow(), body, htmlBody.orElse(null))
                : SmsTemplate.of(vocabulary, body);
    }
}
