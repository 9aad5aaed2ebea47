package org.crmkit.messaging.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small JSON reader reads what the three providers answer, and refuses what is not JSON. */
class JsonTest {

    @Test
    void readsNestedObjectsArraysAndScalarsInOrder() {
        Object value = Json.parse(" {\"status\": \"OK\", \"status_code\": 100, \"sms\": {\"79255070602\": {\"sms_id\": \"000000-10000000\"}},"
                + " \"balance\": 4122.56, \"list\": [true, false, null, -1.5e2], \"empty\": {}, \"none\": []} ");

        Map<String, Object> top = Json.object(value).orElseThrow();
        assertThat(top.keySet()).containsExactly("status", "status_code", "sms", "balance", "list", "empty", "none");
        assertThat(Json.integer(top, "status_code")).contains(100);
        assertThat(Json.text(top, "balance")).contains("4122.56");
        assertThat(top.get("list")).isEqualTo(List.of(true, false, Json.NULL, new BigDecimal("-1.5e2")));
        assertThat(Json.object(top.get("sms")).flatMap(sms -> Json.object(sms.get("79255070602")))
                .flatMap(entry -> Json.text(entry, "sms_id"))).contains("000000-10000000");
    }

    @Test
    void decodesEscapesAndCyrillic() {
        Map<String, Object> top = Json.object(Json.parse("{\"error\": \"\\u041d\\u0435\\u0432\\u0435\\u0440\\u043d\\u044b\\u0439 \\\"\\/\\\\\\n\", \"t\": \"Ёлка\"}")).orElseThrow();

        assertThat(top.get("error")).isEqualTo("Неверный \"/\\\n");
        assertThat(top.get("t")).isEqualTo("Ёлка");
    }

    @Test
    void numbersWrittenAsStringsCountAsIntegers() {
        Map<String, Object> twilio = Json.object(Json.parse("{\"num_segments\": \"2\", \"error_code\": null, \"price\": \"x\"}")).orElseThrow();

        assertThat(Json.integer(twilio, "num_segments")).contains(2);
        assertThat(Json.integer(twilio, "error_code")).isEmpty();
        assertThat(Json.integer(twilio, "price")).isEmpty();
        assertThat(Json.text(twilio, "missing")).isEmpty();
    }

    @Test
    void refusesWhatIsNotJson() {
        for (String bad : new String[] {"", "100\n000000-1\nbalance=1", "{\"a\": }", "{\"a\": 1,}", "[1 2]", "\"open", "{\"a\": tru}",
                "{} extra", "{\"a\": \"\\x\"}", "[".repeat(100) + "]".repeat(100)}) {
            assertThatThrownBy(() -> Json.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        }
    }
}
