package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Where Kannel is missing, its tests are skipped with the reason; under CI=true they fail instead. */
class RequiresKannelTest {

    @Test
    void installedKannelRunsTheTests() {
        assertThat(RequiresKannel.decide(List.of(), "true").isDisabled()).isFalse();
    }

    @Test
    void missingKannelSkipsWithTheReasonOutsideCi() {
        var result = RequiresKannel.decide(List.of("/usr/sbin/bearerbox"), null);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).get().asString().contains("/usr/sbin/bearerbox").contains("kannel kannel-extras");
        assertThat(RequiresKannel.decide(List.of("/usr/sbin/bearerbox"), "false").isDisabled()).isTrue();
    }

    @Test
    void missingKannelFailsUnderCi() {
        assertThatThrownBy(() -> RequiresKannel.decide(List.of("/usr/sbin/bearerbox"), "true"))
                .hasMessageContaining("CI=true").hasMessageContaining("kannel-extras");
    }
}
