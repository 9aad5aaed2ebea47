package org.crmkit.messaging.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.Mailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Implicit TLS, required STARTTLS and SMTP AUTH from configuration, against GreenMail: TLS with a trusted
 * certificate works, an untrusted certificate is refused, a server without STARTTLS is never spoken to in
 * plain text, and credentials are sent (right ones accepted, wrong ones a permanent {@code auth} failure).
 */
class SmtpSecurityTest {

    private GreenMail greenMail;
    private SmtpEmailSender sender;

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Test
    void implicitTlsDeliversWhenTheServerCertificateIsTrusted() {
        startSmtps();
        // GreenMail's self-signed certificate names no host, so this test trusts it explicitly
        sender = sender(Map.of(SmtpSettings.SECURITY, "ssl", SmtpSettings.PORT, port(greenMail.getSmtps()),
                SmtpSettings.SSL_TRUST, "127.0.0.1", SmtpSettings.SSL_CHECK_SERVER_IDENTITY, "false"));

        SendOutcome outcome = sender.send(message("tls"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void implicitTlsRefusesAnUntrustedCertificateAsATemporaryFailure() {
        startSmtps();
        sender = sender(Map.of(SmtpSettings.SECURITY, "ssl", SmtpSettings.PORT, port(greenMail.getSmtps())));

        SendOutcome outcome = sender.send(message("untrusted"));

        assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(((SendOutcome.TemporaryFailure) outcome).reason()).contains("cannot connect", "(ssl)");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void requiredStartTlsIsNeverDowngradedToPlainText() {
        greenMail = GreenMailDouble.startGreenMail(0, GreenMailConfiguration.aConfig());
        sender = sender(Map.of(SmtpSettings.SECURITY, "starttls", SmtpSettings.PORT, port(greenMail.getSmtp())));

        SendOutcome outcome = sender.send(message("no-starttls"));

        assertThat(outcome).isInstanceOf(SendOutcome.TemporaryFailure.class);
        assertThat(((SendOutcome.TemporaryFailure) outcome).reason()).contains("STARTTLS");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theConfiguredCredentialsAreUsed() {
        greenMail = GreenMailDouble.startGreenMail(0,
                GreenMailConfiguration.aConfig().withUser("shop@crmkit.test", "shop", "s3cret"));
        sender = sender(Map.of(SmtpSettings.SECURITY, "none", SmtpSettings.PORT, port(greenMail.getSmtp()),
                SmtpSettings.USERNAME, "shop", SmtpSettings.PASSWORD, "s3cret"));

        SendOutcome outcome = sender.send(message("auth"));

        assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
    }

    @Test
    void rejectedCredentialsAreAPermanentAuthFailureThatDoesNotShowThePassword() {
        greenMail = GreenMailDouble.startGreenMail(0,
                GreenMailConfiguration.aConfig().withUser("shop@crmkit.test", "shop", "s3cret"));
        sender = sender(Map.of(SmtpSettings.SECURITY, "none", SmtpSettings.PORT, port(greenMail.getSmtp()),
                SmtpSettings.USERNAME, "shop", SmtpSettings.PASSWORD, "wrong-password"));

        SendOutcome outcome = sender.send(message("bad-auth"));

        assertThat(outcome).isInstanceOf(SendOutcome.PermanentFailure.class);
        SendOutcome.PermanentFailure failure = (SendOutcome.PermanentFailure) outcome;
        assertThat(failure.code()).isEqualTo("auth");
        assertThat(failure.reason()).contains("\"shop\"").doesNotContain("wrong-password");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    private void startSmtps() {
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        greenMail.start();
    }

    private static String port(com.icegreen.greenmail.smtp.SmtpServer server) {
        return Integer.toString(server.getPort());
    }

    private static SmtpEmailSender sender(Map<String, String> settings) {
        ProviderConfig config = ProviderConfig.of(settings).with(SmtpSettings.HOST, "127.0.0.1")
                .with(SmtpSettings.TIMEOUT, "PT10S");
        return new SmtpEmailSender(SmtpSettings.from(config));
    }

    private static EmailMessage message(String key) {
        return EmailMessage.builder().idempotencyKey(key)
                .from(Mailbox.of("shop@crmkit.test", "Магазин")).to(Mailbox.of("ivan@crmkit.test", "Иван"))
                .subject("Безопасность").text("Привет").build();
    }
}
