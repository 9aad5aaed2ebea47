package org.crmkit.mailing.template;

import org.crmkit.consent.Channel;

/**
 * A mailing's message before personalisation: an {@link EmailTemplate} or an {@link SmsTemplate}.
 * Both are checked when built; {@link #render} cannot fail for a valid {@link Personalisation}.
 */
public sealed interface MessageTemplate permits EmailTemplate, SmsTemplate {
    /** The channel the message goes through. */
    Channel channel();

    /** The message for one recipient. */
    RenderedMessage render(Personalisation personalisation);

    /** The same template checked again against {@code vocabulary} (refused as when built if it no longer fits). */
    MessageTemplate checkedAgainst(TemplateVocabulary vocabulary);
}
