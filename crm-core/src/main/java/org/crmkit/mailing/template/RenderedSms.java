package org.crmkit.mailing.template;

import org.crmkit.common.ValidationException;
import org.crmkit.messaging.sms.SmsParts;

/** An SMS for one recipient, with the encoding and number of parts it takes ({@link SmsParts#of}). */
public record RenderedSms(String text, SmsParts parts) implements RenderedMessage {
    public RenderedSms {
        ValidationException.required(text, "text");
        ValidationException.required(parts, "parts");
        if (!parts.equals(SmsParts.of(text))) {
            throw new ValidationException("parts", parts, "are not the parts of the text (" + SmsParts.of(text) + ")");
        }
    }

    /** The SMS of {@code text}, its parts counted. */
    public static RenderedSms of(String text) {
        return new RenderedSms(text, SmsParts.of(ValidationException.required(text, "text")));
    }

    @Override
    public String headline() {
        return text;
    }
}
