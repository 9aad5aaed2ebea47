package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.crmkit.messaging.InvalidConfigurationException;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reading the configuration: defaults, what a host may write, and clear errors for what it must not. */
class KannelSettingsTest {

    private static final ProviderConfig MINIMAL = ProviderConfig.of(Map.of(
            "sendsms-url", "http://127.0.0.1:13013/cgi-bin/sendsms",
            "username", "crm",
            "password", "top-secret"));

    @Test
    void defaultsAreConservative() {
        KannelSettings settings = KannelSettings.from(MINIMAL);

        assertThat(settings.maxParts()).isEqualTo(1);
        assertThat(settings.dlrMask()).isEqualTo(19);
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.dlrTokenLifetime()).isEqualTo(Duration.ofDays(3));
        assertThat(settings.reportsWanted()).isFalse();
        assertThat(settings.toString()).doesNotContain("top-secret");
    }

    @Test
    void aSendsmsUrlWithAQueryStringIsAcceptedAndCarriesTheCredentials() {
        KannelSettings settings = KannelSettings.from(ProviderConfig.of(Map.of(
                "sendsms-url", "http://kannel.example.com:13013/cgi-bin/sendsms?username=crm&password=top-secret&smsc=operator-a")));

        assertThat(settings.username()).isEmpty();
        assertThat(settings.sendsmsUrl().getRawQuery()).isEqualTo("username=crm&password=top-secret&smsc=operator-a");
        assertThat(settings.toString()).doesNotContain("top-secret").contains("?****");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "sendsms-url | ftp://127.0.0.1/cgi-bin/sendsms | ftp://127.0.0.1/cgi-bin/sendsms",
            "sendsms-url | /cgi-bin/sendsms | /cgi-bin/sendsms",
            "sendsms-url | http://127.0.0.1:13013/cgi-bin/sendsms#top | #top",
            "sendsms-url | http://127.0.0.1:13013/cgi bin | http://127.0.0.1:13013/cgi bin",
            "dlr-url-base | http://crm.example.com/dlr?x=a%20b | a%20b",
            "dlr-url-base | http://crm.example.com/dlr?token=mine | token",
            "dlr-url-base | mailto:dlr@example.com | mailto:dlr@example.com",
            "dlr-mask | 0 | \"0\"",
            "dlr-mask | 32 | \"32\"",
            "dlr-mask | all | \"all\"",
            "dlr-server-port | 70000 | \"70000\"",
            "dlr-server-host | crm host | crm host",
            "dlr-token-lifetime | PT0S | PT0S",
            "timeout | soon | \"soon\"",
            "connect-timeout | -5 | \"-5\"",
            "max-parts | 0 | \"0\"",
            "max-parts | 256 | \"256\"",
            "max-messages-per-second | -1 | \"-1\"",
    })
    void aBadValueIsAnErrorNamingTheKeyAndTheValue(String key, String value, String shown) {
        ProviderConfig config = MINIMAL.with(key, value);

        assertThatThrownBy(() -> KannelSettings.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining(key)
                .hasMessageContaining(shown)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo(key));
    }

    @Test
    void theSendsmsUrlMustNotSetWhatTheGatewaySetsPerMessage() {
        ProviderConfig config = MINIMAL.with("sendsms-url", "http://127.0.0.1:13013/cgi-bin/sendsms?to=%2B79161234567");

        assertThatThrownBy(() -> KannelSettings.from(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("sendsms-url").hasMessageContaining("\"to\"");
    }

    @Test
    void credentialsAreRequiredOnceAndTheirValuesAreNeverShown() {
        ProviderConfig noPassword = ProviderConfig.of(Map.of("sendsms-url", "http://127.0.0.1:13013/cgi-bin/sendsms", "username", "crm"));
        ProviderConfig noUser = ProviderConfig.of(Map.of("sendsms-url", "http://127.0.0.1:13013/cgi-bin/sendsms", "password", "top-secret"));
        ProviderConfig twice = MINIMAL.with("sendsms-url", "http://127.0.0.1:13013/cgi-bin/sendsms?user=crm&pass=top-secret");
        ProviderConfig badUrlWithSecret = MINIMAL.with("sendsms-url", "http://127.0.0.1:13013/cgi bin?password=top-secret");

        assertThatThrownBy(() -> KannelSettings.from(noPassword)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("\"password\" is required");
        assertThatThrownBy(() -> KannelSettings.from(noUser)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("\"username\" is required").hasMessageNotContaining("top-secret");
        assertThatThrownBy(() -> KannelSettings.from(twice)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("give it once").hasMessageNotContaining("top-secret");
        assertThatThrownBy(() -> KannelSettings.from(badUrlWithSecret)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("sendsms-url").hasMessageNotContaining("top-secret");
    }

    @Test
    void aReportServerOnEveryInterfaceNeedsTheAddressKannelReachesItBy() {
        ProviderConfig config = MINIMAL.with("dlr-server-host", "0.0.0.0").with("dlr-server-port", "0");

        assertThatThrownBy(() -> new KannelGatewayProvider().create(config))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("dlr-url-base").hasMessageContaining("0.0.0.0");
    }

    @Test
    void unknownKeysAreWarnedAbout() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            KannelSettings.from(MINIMAL.with("dlr_mask", "31").with("provider", "kannel"));
        } finally {
            System.setErr(original);
        }

        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("WARN").contains("[dlr_mask]").contains("dlr-mask").doesNotContain("[provider");
    }

    @Test
    void theProviderIsDiscoveredAsKannel() {
        assertThat(MessagingProviders.discover().smsGatewayProvider("kannel")).isInstanceOf(KannelGatewayProvider.class);
    }
}
