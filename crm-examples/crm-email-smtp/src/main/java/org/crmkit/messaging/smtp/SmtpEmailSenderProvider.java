package org.crmkit.messaging.smtp;

import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.EmailSenderProvider;

/**
 * The {@code "smtp"} e-mail provider, registered in
 * {@code META-INF/services/org.crmkit.messaging.email.EmailSenderProvider}. Constructing it does nothing;
 * {@link #create} validates the configuration (see {@link SmtpSettings} for the keys) and returns a sender
 * that connects on its first send.
 */
public final class SmtpEmailSenderProvider implements EmailSenderProvider {

    public static final String NAME = "smtp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public EmailSender create(ProviderConfig config) {
        return new SmtpEmailSender(SmtpSettings.from(config));
    }
}
