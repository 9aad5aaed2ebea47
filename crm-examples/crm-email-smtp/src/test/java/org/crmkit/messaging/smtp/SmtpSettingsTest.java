package org.crmkit.messaging.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.kit.CapturedLog;
import org.junit.jupiter.api.Test;

/** Reading the SMTP settings: defaults, and a clear error naming the key for every bad value. */
class SmtpSettingsTest {

    private static final ProviderConfig MINIMAL = ProviderConfig.of(Map.of(SmtpSettings.HOST, "smtp.crmkit.test"));

    @Test
    void defaultsAreRequiredStartTlsOnPort587WithoutCredentials() {
        SmtpSettings settings = SmtpSettings.from(MINIMAL);

        assertThat(settings.host()).isEqualTo("smtp.crmkit.test");
        assertThat(settings.security()).isEqualTo(SmtpSecurity.STARTTLS);
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.username()).isEmpty();
        assertThat(settings.connectionTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.writeTimeout()).isZero();
        assertThat(settings.reuseConnection()).isTrue();
        assertThat(settings.sslCheckServerIdentity()).isTrue();
        assertThat(settings.maxMessagesPerConnection()).isZero();
    }

    @Test
    void anUnknownKeyIsWarnedAboutWithTheKnownKeys() {
        try (CapturedLog log = CapturedLog.start()) {
            SmtpSettings.from(MINIMAL.with("provider", "smtp").with("securty", "ssl"));

            assertThat(log.linesContaining("WARN")).isEqualTo(1);
            assertThat(log.text()).contains("unknown configuration keys [securty]", "security").doesNotContain("[provider");
        }
        try (CapturedLog log = CapturedLog.start()) {
            SmtpSettings.from(MINIMAL);

            assertThat(log.text()).isEmpty();
        }
    }

    @Test
    void thePortDefaultsBySecurity() {
        assertThat(SmtpSettings.from(MINIMAL.with(SmtpSettings.SECURITY, "SSL")).port()).isEqualTo(465);
        assertThat(SmtpSettings.from(MINIMAL.with(SmtpSettings.SECURITY, "none")).port()).isEqualTo(25);
        assertThat(SmtpSettings.from(MINIMAL.with(SmtpSettings.SECURITY, "none").with(SmtpSettings.PORT, "2525")).port())
                .isEqualTo(2525);
    }

    @Test
    void everyKeyIsRead() {
        SmtpSettings settings = SmtpSettings.from(ProviderConfig.of(Map.ofEntries(
                Map.entry(SmtpSettings.HOST, "smtp.crmkit.test"),
                Map.entry(SmtpSettings.PORT, "2465"),
                Map.entry(SmtpSettings.SECURITY, "ssl"),
                Map.entry(SmtpSettings.USERNAME, "shop"),
                Map.entry(SmtpSettings.PASSWORD, "s3cret"),
                Map.entry(SmtpSettings.CONNECTION_TIMEOUT, "PT3S"),
                Map.entry(SmtpSettings.TIMEOUT, "4000"),
                Map.entry(SmtpSettings.WRITE_TIMEOUT, "PT5S"),
                Map.entry(SmtpSettings.MESSAGE_ID_DOMAIN, "mail.crmkit.test"),
                Map.entry(SmtpSettings.HELO_NAME, "app.crmkit.test"),
                Map.entry(SmtpSettings.ENVELOPE_FROM, "bounces@crmkit.test"),
                Map.entry(SmtpSettings.SSL_TRUST, "smtp.crmkit.test"),
                Map.entry(SmtpSettings.SSL_CHECK_SERVER_IDENTITY, "false"),
                Map.entry(SmtpSettings.REUSE_CONNECTION, "false"),
                Map.entry(SmtpSettings.MAX_MESSAGES_PER_CONNECTION, "100"))));

        assertThat(settings).isEqualTo(new SmtpSettings("smtp.crmkit.test", 2465, SmtpSecurity.SSL, Optional.of("shop"),
                Optional.of("s3cret"), Duration.ofSeconds(3), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Optional.of("mail.crmkit.test"), Optional.of("app.crmkit.test"), Optional.of("bounces@crmkit.test"),
                Optional.of("smtp.crmkit.test"), false, false, 100));
        assertThat(SmtpEmailSender.sessionProperties(settings))
                .containsEntry("mail.smtps.port", "2465")
                .containsEntry("mail.smtps.auth", "true")
                .containsEntry("mail.smtps.ssl.enable", "true")
                .containsEntry("mail.smtps.ssl.trust", "smtp.crmkit.test")
                .containsEntry("mail.smtps.ssl.checkserveridentity", "false")
                .containsEntry("mail.smtps.connectiontimeout", "3000")
                .containsEntry("mail.smtps.timeout", "4000")
                .containsEntry("mail.smtps.writetimeout", "5000")
                .containsEntry("mail.smtps.localhost", "app.crmkit.test")
                .containsEntry("mail.smtps.from", "bounces@crmkit.test");
    }

    @Test
    void startTlsIsEnabledAndRequired() {
        assertThat(SmtpEmailSender.sessionProperties(SmtpSettings.from(MINIMAL)))
                .containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true")
                .containsEntry("mail.smtp.ssl.checkserveridentity", "true")
                .containsEntry("mail.smtp.auth", "false");
    }

    @Test
    void aMissingHostNamesTheKey() {
        assertRejected(ProviderConfig.empty(), SmtpSettings.HOST, "\"host\" is required");
        assertRejected(ProviderConfig.of(Map.of(SmtpSettings.HOST, "  ")), SmtpSettings.HOST, "\"host\"");
        assertRejected(ProviderConfig.of(Map.of(SmtpSettings.HOST, "smtp crmkit")), SmtpSettings.HOST, "\"smtp crmkit\"");
    }

    @Test
    void badValuesNameTheKeyAndTheValue() {
        assertRejected(MINIMAL.with(SmtpSettings.PORT, "smtp"), SmtpSettings.PORT, "\"smtp\"");
        assertRejected(MINIMAL.with(SmtpSettings.PORT, "70000"), SmtpSettings.PORT, "\"70000\"");
        assertRejected(MINIMAL.with(SmtpSettings.PORT, "0"), SmtpSettings.PORT, "\"0\"");
        assertRejected(MINIMAL.with(SmtpSettings.SECURITY, "tls"), SmtpSettings.SECURITY, "\"tls\", expected one of none, starttls, ssl");
        assertRejected(MINIMAL.with(SmtpSettings.TIMEOUT, "soon"), SmtpSettings.TIMEOUT, "\"soon\"");
        assertRejected(MINIMAL.with(SmtpSettings.TIMEOUT, "0"), SmtpSettings.TIMEOUT, "positive");
        assertRejected(MINIMAL.with(SmtpSettings.CONNECTION_TIMEOUT, "P30D"), SmtpSettings.CONNECTION_TIMEOUT, "PT720H");
        assertRejected(MINIMAL.with(SmtpSettings.REUSE_CONNECTION, "yes"), SmtpSettings.REUSE_CONNECTION, "\"yes\"");
        assertRejected(MINIMAL.with(SmtpSettings.SSL_CHECK_SERVER_IDENTITY, "maybe"), SmtpSettings.SSL_CHECK_SERVER_IDENTITY,
                "\"maybe\"");
        assertRejected(MINIMAL.with(SmtpSettings.MAX_MESSAGES_PER_CONNECTION, "-1"), SmtpSettings.MAX_MESSAGES_PER_CONNECTION,
                "\"-1\"");
        assertRejected(MINIMAL.with(SmtpSettings.MESSAGE_ID_DOMAIN, "почта.рф"), SmtpSettings.MESSAGE_ID_DOMAIN,
                "\"почта.рф\"");
        assertRejected(MINIMAL.with(SmtpSettings.ENVELOPE_FROM, "bounces"), SmtpSettings.ENVELOPE_FROM, "\"bounces\"");
    }

    @Test
    void credentialsComeInPairsAndThePasswordIsNeverShown() {
        assertRejected(MINIMAL.with(SmtpSettings.USERNAME, "shop"), SmtpSettings.PASSWORD, "\"password\" is required");
        assertRejected(MINIMAL.with(SmtpSettings.PASSWORD, "s3cret"), SmtpSettings.USERNAME, "\"username\" is required");

        SmtpSettings settings = SmtpSettings.from(MINIMAL.with(SmtpSettings.USERNAME, "shop").with(SmtpSettings.PASSWORD, "s3cret"));

        assertThat(settings.toString()).contains("username=shop", "password=****").doesNotContain("s3cret");
    }

    @Test
    void theProviderRejectsBadConfigurationBeforeConnecting() {
        assertThatThrownBy(() -> new SmtpEmailSenderProvider().create(MINIMAL.with(SmtpSettings.PORT, "many")))
                .isInstanceOfSatisfying(InvalidConfigurationException.class,
                        e -> assertThat(e.key()).isEqualTo(SmtpSettings.PORT));
    }

    private static void assertRejected(ProviderConfig config, String key, String messagePart) {
        assertThatThrownBy(() -> SmtpSettings.from(config))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.key()).isEqualTo(key);
                    assertThat(e.getMessage()).contains(messagePart);
                });
    }
}
