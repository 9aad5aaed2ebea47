package org.crmkit.mailing.template;

/** A message personalised for one recipient: a {@link RenderedEmail} or a {@link RenderedSms}. */
public sealed interface RenderedMessage permits RenderedEmail, RenderedSms {
    /** The text a person reads first: the subject of an e-mail, the text of an SMS. */
    String headline();
}
