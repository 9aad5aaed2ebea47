package org.crmkit.messaging.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.email.EmailSender;
import org.crmkit.messaging.email.EmailSenderProvider;
import org.junit.jupiter.api.Test;

/** The plugin is found the way a host finds it: through {@code META-INF/services} and by its name. */
class SmtpEmailSenderProviderTest {

    @Test
    void theJarRegistersTheProviderForServiceLoader() {
        assertThat(ServiceLoader.load(EmailSenderProvider.class).stream()
                .map(ServiceLoader.Provider::type).collect(Collectors.toList()))
                .contains(SmtpEmailSenderProvider.class);
    }

    @Test
    void aHostSelectsItByNameAndCreatesASenderWithoutConnecting() {
        MessagingProviders providers = MessagingProviders.discover();

        assertThat(providers.emailSenderProvider("smtp")).isInstanceOf(SmtpEmailSenderProvider.class);
        assertThat(providers.loadFailures()).isEmpty();
        // nothing listens on 127.0.0.1:1; creating the sender must not try
        try (EmailSender sender = providers.createEmailSender(ProviderConfig.of(Map.of(
                MessagingProviders.PROVIDER_KEY, "smtp", SmtpSettings.HOST, "127.0.0.1", SmtpSettings.PORT, "1")))) {
            assertThat(sender).isInstanceOf(SmtpEmailSender.class);
            assertThat(((SmtpEmailSender) sender).settings().port()).isEqualTo(1);
        }
    }
}
