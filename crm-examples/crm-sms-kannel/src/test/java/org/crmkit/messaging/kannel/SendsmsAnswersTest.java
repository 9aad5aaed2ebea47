package org.crmkit.messaging.kannel;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.messaging.SendOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** smsbox's answers (texts from Kannel 1.4's gw/smsbox.c) and what each means for the caller. */
class SendsmsAnswersTest {

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "202 | 0: Accepted for delivery | ACCEPTED | 2",
            "202 | 3: Queued for later delivery | ACCEPTED | 2",
            "202 | Sent. | ACCEPTED | 2",
            "202 | Sent. Message splits: 3 | ACCEPTED | 3",
            "503 | Temporal failure, try again later. | TEMPORARY_FAILURE | temporary",
            "500 | Sending failed. | TEMPORARY_FAILURE | temporary",
            "403 | Authorization failed for sendsms | PERMANENT_FAILURE | auth",
            "401 | Unauthorized | PERMANENT_FAILURE | auth",
            "403 | Not routable. Do not try again. | PERMANENT_FAILURE | not_routable",
            "400 | Number(s) has/have been denied by white- and/or black-lists. | PERMANENT_FAILURE | destination_denied",
            "400 | Missing receiver number, rejected | PERMANENT_FAILURE | rejected",
            "400 | Charset or body misformed, rejected | PERMANENT_FAILURE | rejected",
            "502 | Bad Gateway | UNKNOWN | unknown",
            "504 | Gateway Timeout | UNKNOWN | unknown",
            "404 | Unknown request. | PERMANENT_FAILURE | http_404",
    })
    void mapsKannelsAnswer(int status, String body, SendOutcome.Kind kind, String detail) {
        SendOutcome outcome = SendsmsAnswers.outcome(status, body, "id-1", 2);

        assertThat(outcome.kind()).isEqualTo(kind);
        switch (kind) {
            case ACCEPTED:
                assertThat(((SendOutcome.Accepted) outcome).parts()).isEqualTo(Integer.parseInt(detail));
                assertThat(((SendOutcome.Accepted) outcome).providerMessageId()).isEqualTo("id-1");
                break;
            case PERMANENT_FAILURE:
                assertThat(((SendOutcome.PermanentFailure) outcome).code()).isEqualTo(detail);
                assertThat(((SendOutcome.PermanentFailure) outcome).reason()).contains(body);
                break;
            case TEMPORARY_FAILURE:
                assertThat(((SendOutcome.TemporaryFailure) outcome).reason()).contains(body);
                break;
            default:
                assertThat(((SendOutcome.Unknown) outcome).reason()).contains(String.valueOf(status));
        }
    }
}
