package org.crmkit.mailing.template;

import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;

/** An SMS template: one text, values as they are; rendered with its encoding and part count. */
public record SmsTemplate(TemplateText text) implements MessageTemplate {
    public static final int TEXT_MAX = 2_000;

    public SmsTemplate {
        ValidationException.required(text, "text");
        if (text.escaping() != TemplateText.Escaping.NONE) {
            throw new ValidationException("text", text.source(), "of an SMS must not be HTML-escaped");
        }
        if (text.source().isBlank()) {
            throw new ValidationException("text", text.source(), "is blank");
        }
    }

    /** Checks and builds an SMS template; refusals name the field {@code text}. */
    public static SmsTemplate of(TemplateVocabulary vocabulary, String text) {
        return new SmsTemplate(TemplateText.parse("text", text, TemplateText.Escaping.NONE, vocabulary, TEXT_MAX));
    }

    @Override
    public SmsTemplate checkedAgainst(TemplateVocabulary vocabulary) {
        return of(vocabulary, text.source());
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public RenderedSms render(Personalisation personalisation) {
        ValidationException.required(personalisation, "personalisation");
        return RenderedSms.of(text.render(personalisation.scope()));
    }
}
