package org.crmkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderConfigTest {

    private final ProviderConfig config = ProviderConfig.of(Map.of(
            "host", " smsc.example.com ", "port", "2775", "window", "ten", "tls", "TRUE",
            "timeout", "PT5S", "timeout-ms", "1500", "bad-timeout", "5 sec", "blank", "  ", "api-key", "s3cr3t"));

    @Test
    void requireReturnsTheStrippedValue() {
        assertThat(config.require("host")).isEqualTo("smsc.example.com");
    }

    @Test
    void requireNamesAMissingKey() {
        assertThatThrownBy(() -> config.require("system-id"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("system-id"))
                .hasMessage("configuration key \"system-id\" is required but missing");
    }

    @Test
    void requireNamesABlankKey() {
        assertThatThrownBy(() -> config.require("blank"))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("blank"))
                .hasMessageContaining("\"blank\" is required but blank");
    }

    @Test
    void getTreatsBlankAsAbsent() {
        assertThat(config.get("blank")).isEmpty();
        assertThat(config.get("nope")).isEmpty();
        assertThat(config.get("port")).isEqualTo(Optional.of("2775"));
    }

    @Test
    void numbersParseOrNameKeyAndValue() {
        assertThat(config.intValue("port", 1)).isEqualTo(2775);
        assertThat(config.intValue("nope", 7)).isEqualTo(7);
        assertThat(config.longValue("port", 1L)).isEqualTo(2775L);
        assertThatThrownBy(() -> config.intValue("window", 10))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("window"))
                .hasMessage("configuration key \"window\" has value \"ten\", expected an integer");
        assertThatThrownBy(() -> config.longValue("window", 10L)).hasMessageContaining("\"window\"").hasMessageContaining("\"ten\"");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertThat(config.booleanValue("tls", false)).isTrue();
        assertThat(config.booleanValue("nope", true)).isTrue();
        assertThatThrownBy(() -> ProviderConfig.empty().with("tls", "yes").booleanValue("tls", false))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("configuration key \"tls\" has value \"yes\", expected true or false");
    }

    @Test
    void durationsAreIso8601OrMilliseconds() {
        assertThat(config.duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.duration("timeout-ms", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.duration("nope", Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
        assertThat(ProviderConfig.empty().with("t", "pt0.25s").duration("t", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> config.duration("bad-timeout", Duration.ZERO))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("bad-timeout"))
                .hasMessageContaining("\"bad-timeout\" has value \"5 sec\"")
                .hasMessageContaining("PT5S");
        assertThatThrownBy(() -> ProviderConfig.empty().with("t", "-PT1S").duration("t", Duration.ZERO))
                .hasMessageContaining("\"t\" has value \"-PT1S\"");
    }

    @Test
    void secretsAreNotEchoed() {
        assertThat(config.toString()).contains("api-key=****").doesNotContain("s3cr3t").contains("port=2775");
        assertThatThrownBy(() -> config.intValue("api-key", 0))
                .hasMessageContaining("\"api-key\"")
                .hasMessageNotContaining("s3cr3t");
    }

    @Test
    void withCopiesAndLeavesTheOriginalAlone() {
        ProviderConfig changed = config.with("port", "2776");

        assertThat(changed.intValue("port", 0)).isEqualTo(2776);
        assertThat(config.intValue("port", 0)).isEqualTo(2775);
        assertThat(changed).isNotEqualTo(config);
        assertThat(config.with("port", "2775")).isEqualTo(config);
    }

    @Test
    void ofCopiesAndRejectsNullValuesAndBlankKeys() {
        Map<String, String> settings = new HashMap<>(Map.of("a", "1"));
        ProviderConfig copy = ProviderConfig.of(settings);
        settings.put("a", "2");

        assertThat(copy.require("a")).isEqualTo("1");
        assertThatThrownBy(() -> copy.asMap().put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
        settings.put("b", null);
        assertThatThrownBy(() -> ProviderConfig.of(settings))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> assertThat(e.key()).isEqualTo("b"));
        assertThatThrownBy(() -> ProviderConfig.empty().with(" ", "x")).isInstanceOf(InvalidConfigurationException.class);
    }
}
