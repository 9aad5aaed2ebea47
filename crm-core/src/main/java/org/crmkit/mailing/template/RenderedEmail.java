package org.crmkit.mailing.template;

import java.util.Optional;

import org.crmkit.common.ValidationException;

/** An e-mail for one recipient: a one-line subject, a text body and, if the template has one, an HTML body. */
public record RenderedEmail(String subject, String textBody, Optional<String> htmlBody) implements RenderedMessage {
    public RenderedEmail {
        ValidationException.required(subject, "subject");
        ValidationException.required(textBody, "textBody");
        ValidationException.required(htmlBody, "htmlBody");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new ValidationException("subject", subject, "contains a line break");
        }
    }

    @Override
    public String headline() {
        return subject;
    }
}
