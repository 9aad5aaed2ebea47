/**
 * The SMTP e-mail sender plugin: {@link org.crmkit.messaging.smtp.SmtpEmailSenderProvider} (name {@code "smtp"})
 * turns a {@link org.crmkit.messaging.ProviderConfig} into {@link org.crmkit.messaging.smtp.SmtpSettings} and an
 * {@link org.crmkit.messaging.smtp.SmtpEmailSender} that keeps one Angus Mail connection open for many messages.
 * It owns the mapping of SMTP replies and connection failures to {@link org.crmkit.messaging.SendOutcome}s.
 */
package org.crmkit.messaging.smtp;
