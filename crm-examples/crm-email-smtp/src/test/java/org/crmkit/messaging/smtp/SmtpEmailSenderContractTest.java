package org.crmkit.messaging.smtp;

import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.kit.EmailSenderContract;
import org.crmkit.messaging.kit.EmailServerDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The SPI's e-mail contract, run against the SMTP sender (created through its provider, as a host would)
 * and GreenMail; the 4xx and 5xx refusals come from the fault proxy in front of GreenMail.
 */
class SmtpEmailSenderContractTest extends EmailSenderContract {

    private static GreenMailDouble server;
    private static EmailSender sender;

    @BeforeAll
    static void startServer() {
        server = GreenMailDouble.start();
        sender = new SmtpEmailSenderProvider().create(server.senderConfig());
    }

    @AfterAll
    static void stopServer() {
        sender.close();
        server.close();
    }

    @Override
    protected EmailSender sender() {
        return sender;
    }

    @Override
    protected EmailServerDouble serverDouble() {
        return server;
    }
}
