package org.crmkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SendOutcomeTest {

    @Test
    void eachOutcomeTellsItsKind() {
        assertThat(SendOutcome.accepted("id-1", 2).kind()).isEqualTo(SendOutcome.Kind.ACCEPTED);
        assertThat(SendOutcome.temporary("throttled", Duration.ofSeconds(3)).kind()).isEqualTo(SendOutcome.Kind.TEMPORARY_FAILURE);
        assertThat(SendOutcome.permanent("invalid_destination", "no such number").kind()).isEqualTo(SendOutcome.Kind.PERMANENT_FAILURE);
        assertThat(SendOutcome.unknown("timeout after submit").kind()).isEqualTo(SendOutcome.Kind.UNKNOWN);
        assertThat(SendOutcome.accepted("id-1", 1).isAccepted()).isTrue();
        assertThat(SendOutcome.unknown("timeout").isAccepted()).isFalse();
    }

    @Test
    void outcomesAreValuesThatCannotBeInvalid() {
        assertThat(SendOutcome.accepted("id-1", 2)).isEqualTo(new SendOutcome.Accepted("id-1", 2));
        assertThatThrownBy(() -> SendOutcome.accepted(" ", 1)).hasMessageContaining("providerMessageId");
        assertThatThrownBy(() -> SendOutcome.accepted("id", 0)).hasMessageContaining("parts must be at least 1, got 0");
        assertThatThrownBy(() -> SendOutcome.temporary("x", Duration.ofSeconds(-1))).hasMessageContaining("retryAfter");
    }
}
