/**
 * E-mail through the messaging SPI: the message value ({@link org.crmkit.messaging.email.EmailMessage}
 * with its mailboxes, headers and attachments) and the {@link org.crmkit.messaging.email.EmailSender}
 * a plugin's {@link org.crmkit.messaging.email.EmailSenderProvider} creates. Messages validate on
 * construction, so a sender never sees a header injection or a message without a body.
 */
package org.crmkit.messaging.email;
