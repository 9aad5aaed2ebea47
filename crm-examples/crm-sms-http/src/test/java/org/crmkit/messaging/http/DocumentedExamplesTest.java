package org.crmkit.messaging.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.crmkit.messaging.MessagingProviders;
import org.crmkit.messaging.ProviderConfig;
import org.crmkit.messaging.sms.SmsGateway;
import org.junit.jupiter.api.Test;

/** Every example configuration in {@code docs/plugins/sms-http.md} creates its gateway and uses only known keys. */
class DocumentedExamplesTest {

    private static final Path PAGE = Path.of("../../docs/plugins/sms-http.md");
    private static final Pattern PROPERTIES_BLOCK = Pattern.compile("```properties\\n(.*?)```", Pattern.DOTALL);
    private static final Map<String, Set<String>> PRESET_KEYS = Map.of(
            "sms.ru", Set.of("api-key", "callback-token"),
            "smsc.ru", Set.of("login", "password", "api-key", "callback-token"),
            "twilio", Set.of("account-sid", "auth-token", "messaging-service-sid", "status-callback-url"));

    @Test
    void eachPresetHasAWorkingExample() throws IOException {
        List<ProviderConfig> examples = examples();
        assertThat(examples).extracting(config -> config.get("provider").orElseThrow())
                .containsExactlyInAnyOrder("sms.ru", "smsc.ru", "twilio");

        for (ProviderConfig example : examples) {
            String provider = example.get("provider").orElseThrow();
            ProviderConfig local = example.get("callback-port").isPresent() ? example.with("callback-port", "0") : example;
            try (SmsGateway gateway = MessagingProviders.discover().createSmsGateway(local)) {
                assertThat(((HttpSmsGateway) gateway).providerName()).isEqualTo(provider);
                assertThat(gateway.capabilities().deliveryReceipts()).as("receipts in the %s example", provider).isTrue();
            }
            assertThat(GatewaySettings.checkKeys(example, provider, PRESET_KEYS.get(provider))).as("unknown keys in the %s example", provider)
                    .isEmpty();
        }
    }

    private static List<ProviderConfig> examples() throws IOException {
        Matcher blocks = PROPERTIES_BLOCK.matcher(Files.readString(PAGE, StandardCharsets.UTF_8));
        List<ProviderConfig> examples = new ArrayList<>();
        while (blocks.find()) {
            Properties properties = new Properties();
            properties.load(new StringReader(blocks.group(1)));
            Map<String, String> settings = new TreeMap<>();
            properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
            examples.add(ProviderConfig.of(settings));
        }
        return examples;
    }
}
