package org.crmkit.mailing.template;

import java.util.Optional;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;

/**
 * An e-mail template: a subject (one line; values with line breaks are joined by spaces), a text
 * body (values as they are) and an optional HTML body (values HTML-escaped). Build one with
 * {@link #of}, which checks each part against a {@link TemplateVocabulary}.
 */
public record EmailTemplate(TemplateText subject, TemplateText textBody, Optional<TemplateText> htmlBody) implements MessageTemplate {
    public static final int SUBJECT_MAX = 500;
    public static final int BODY_MAX = 200_000;

    public EmailTemplate {
        ValidationException.required(subject, "subject");
        ValidationException.required(textBody, "textBody");
        ValidationException.required(htmlBody, "htmlBody");
        if (subject.escaping() != TemplateText.Escaping.NONE || textBody.escaping() != TemplateText.Escaping.NONE) {
            throw new ValidationException("subject", subject.source(), "and the text body must not be HTML-escaped");
        }
        if (htmlBody.isPresent() && htmlBody.get().escaping() != TemplateText.Escaping.HTML) {
            throw new ValidationException("htmlBody", htmlBody.get().source(), "must be HTML-escaped");
        }
        String s = subject.source();
        if (s.indexOf('\r') >= 0 || s.indexOf('\n') >= 0) {
            throw new ValidationException("subject", s, "contains a line break; a subject is one line");
        }
        if (s.isBlank()) {
            throw new ValidationException("subject", s, "is blank");
        }
    }

    /**
     * Checks and builds an e-mail template; {@code htmlBody} {@code null} or blank means a text-only
     * e-mail. Refused (a {@link ValidationException} naming {@code subject}, {@code textBody} or
     * {@code htmlBody}): unknown variables, partials, unescaped output, unbalanced sections,
     * line breaks in the subject.
     */
    public static EmailTemplate of(TemplateVocabulary vocabulary, String subject, String textBody, String htmlBody) {
        ValidationException.required(vocabulary, "vocabulary");
        ValidationException.required(subject, "subject");
        if (subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new ValidationException("subject", subject, "contains a line break; a subject is one line");
        }
        TemplateText s = TemplateText.parse("subject", subject, TemplateText.Escaping.NONE, vocabulary, SUBJECT_MAX);
        TemplateText t = TemplateText.parse("textBody", textBody, TemplateText.Escaping.NONE, vocabulary, BODY_MAX);
        Optional<TemplateText> h = htmlBody == null || htmlBody.isBlank() ? Optional.empty()
                : Optional.of(TemplateText.parse("htmlBody", htmlBody, TemplateText.Escaping.HTML, vocabulary, BODY_MAX));
        return new EmailTemplate(s, t, h);
    }

    @Override
    public EmailTemplate checkedAgainst(TemplateVocabulary vocabulary) {
        return of(vocabulary, subject.source(), textBody.source(), htmlBody.map(TemplateText::source).orElse(null));
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public RenderedEmail render(Personalisation personalisation) {
        ValidationException.required(personalisation, "personalisation");
        var scope = personalisation.scope();
        String renderedSubject = subject.render(scope).replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
        return new RenderedEmail(renderedSubject, textBody.render(scope), htmlBody.map(h -> h.render(scope)));
    }
}
