package org.crmkit.messaging.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.SendOutcome;
import org.crmkit.messaging.email.EmailMessage;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.Mailbox;
import org.crmkit.messaging.kit.CapturedLog;
import org.crmkit.messaging.kit.DocumentedConfiguration;
import org.junit.jupiter.api.Test;

/** The plugin page docs/plugins/email-smtp.md: its example works as written, and its key table is complete. */
class SmtpDocumentationTest {

    private static final DocumentedConfiguration PAGE = DocumentedConfiguration.of(Path.of("../../docs/plugins/email-smtp.md"));

    @Test
    void theExampleReadsAsDocumentedWithoutWarnings() {
        try (CapturedLog log = CapturedLog.start()) {
            SmtpSettings settings = SmtpSettings.from(PAGE.properties());

            assertThat(settings.host()).isEqualTo("smtp.example.org");
            assertThat(settings.port()).isEqualTo(587);
            assertThat(settings.security()).isEqualTo(SmtpSecurity.STARTTLS);
            assertThat(settings.username()).contains("shop@example.org");
            assertThat(settings.password()).contains("app-password");
            assertThat(settings.envelopeFrom()).contains("bounces@example.org");
            assertThat(settings.messageIdDomain()).contains("example.org");
            assertThat(settings.heloName()).contains("crm.example.org");
            assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(log.text()).isEmpty();
        }
    }

    @Test
    void securityDefaultsToStartTlsOnPort587() {
        ProviderConfig withoutSecurity = ProviderConfig.of(PAGE.properties().asMap().entrySet().stream()
                .filter(entry -> !entry.getKey().equals("security") && !entry.getKey().equals("port"))
                .collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));

        SmtpSettings settings = SmtpSettings.from(withoutSecurity);

        assertThat(settings.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(settings.port()).isEqualTo(587);
    }

    @Test
    void theExampleSendsToGreenMailWithItsCredentials() throws Exception {
        GreenMail greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser("shop@example.org", "shop@example.org", "app-password"));
        greenMail.start();
        // GreenMail has no STARTTLS and a self-signed certificate: implicit TLS to it, trusted explicitly
        ProviderConfig config = PAGE.properties()
                .with("host", "127.0.0.1")
                .with("port", String.valueOf(greenMail.getSmtps().getPort()))
                .with("security", "ssl")
                .with("ssl-trust", "127.0.0.1")
                .with("ssl-check-server-identity", "false");
        try (EmailSender sender = MessagingProviders.discover().createEmailSender(config)) {
            SendOutcome outcome = sender.send(EmailMessage.builder().idempotencyKey("order-42")
                    .from(Mailbox.of("shop@example.org", "Магазин")).to(Mailbox.of("ivan@example.org", "Иван"))
                    .subject("Заказ готов").text("Ваш заказ готов.").build());

            assertThat(outcome).isInstanceOf(SendOutcome.Accepted.class);
            MimeMessage received = greenMail.getReceivedMessages()[0];
            assertThat(received.getSubject()).isEqualTo("Заказ готов");
            assertThat(received.getMessageID()).endsWith("@example.org>");
            assertThat(Optional.ofNullable(received.getHeader("Return-Path")).map(values -> values[0]))
                    .contains("<bounces@example.org>");
        } finally {
            greenMail.stop();
        }
    }

    @Test
    void theJavaAndPropertiesExamplesAgreeAndTheKeyTableListsWhatThePluginReads() {
        PAGE.assertExamplesAgreeAndKeyTableLists(SmtpSettings.KEYS);
    }
}
