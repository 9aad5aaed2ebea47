package org.crmkit.messaging.http;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import org.crmkit.messaging.DeliveryStatus;

/**
 * SMS.ru as its documentation shows it, read 2026-12-05:
 * <ul>
 *   <li>{@code https://sms.ru/api/send}: {@code /sms/send} with {@code api_id}, {@code to}, {@code msg},
 *       {@code json=1}; the JSON answer {@code {"status": "OK", "status_code": 100, "sms": {"<number>":
 *       {"status": "OK", "status_code": 100, "sms_id": "000000-10000000"}}, "balance": 4122.56}}, a refused number
 *       as {@code {"status": "ERROR", "status_code": 207, "status_text": "…"}} inside {@code sms};</li>
 *   <li>the status codes (200 wrong api_id, 201 no money, 202 wrong recipient, 220 service temporarily
 *       unavailable, 103/104/107 delivered/expired/not delivered): the stored pages were cut before their code
 *       tables, so these come from SMS.ru client libraries that copy the table (a Go client's status list,
 *       Piwik's sms.ru translations), read the same day. A request-level refusal (wrong api_id, no money) is
 *       answered as {@code {"status": "ERROR", "status_code": N, "status_text": "…"}}, the shape the documented
 *       per-number refusal has; the stored page does not show a request-level example;</li>
 *   <li>{@code https://sms.ru/?panel=api&subpanel=cb} (via {@code online.sms.ru}): the callback handler "must answer
 *       100 to any request"; the callback fields {@code data[N]} with lines {@code sms_status}, id, status code
 *       follow SMS.ru's own C# sample and Bitrix's handler (the page was cut before its example); the fourth
 *       line, a Unix time, is sent here and read when present.</li>
 * </ul>
 * Throttling is answered with 220, "service temporarily unavailable, try a bit later".
 */
final class SmsRuDouble extends HttpProviderDouble {

    static final String API_ID = "6F9619FF-8B86-D011-B42D-00CF4FC964FF";


    SmsRuDouble() {
        super("/sms/send");
    }

    @Override
    Reply answer(Call call) {
        if (!call.method().equals("POST") || !"1".equals(call.form().first("json").orElse(""))) {
            return new Reply(200, "text/plain", "210", Map.of()); // "GET where POST is needed"
        }
        if (!API_ID.equals(call.form().first("api_id").orElse(""))) {
            return refusal(200, "Неправильный api_id");
        }
        if (scenario() == Scenario.NO_BALANCE) {
            return refusal(201, "Не хватает средств на лицевом счету");
        }
        if (throttled()) {
            return refusal(220, "Сервис временно недоступен, попробуйте чуть позже");
        }
        String to = call.field("to");
        String entry;
        if (invalid("+" + to)) {
            entry = "{\"status\": \"ERROR\", \"status_code\": 202, \"status_text\": "
                    + "\"Неправильно указан номер телефона получателя, либо на него нет маршрута\"}";
        } else {
            accept(call.field("from"), "+" + to, call.field("msg"));
            entry = "{\"status\": \"OK\", \"status_code\": 100, \"sms_id\": \"000000-" + (10000000 + nextId()) + "\"}";
        }
        return Reply.json(200, "{\n  \"status\": \"OK\",\n  \"status_code\": 100,\n  \"sms\": {\n    \"" + to + "\": " + entry
                + "\n  },\n  \"balance\": 4122.56\n}");
    }

    private static Reply refusal(int code, String text) {
        return Reply.json(200, "{\"status\": \"ERROR\", \"status_code\": " + code + ", \"status_text\": \"" + text + "\"}");
    }

    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        int code = status == DeliveryStatus.DELIVERED ? 103 : status == DeliveryStatus.EXPIRED ? 104 : 107;
        sendStatus(providerMessageId, code);
    }

    /** Sends {@code data[0]} = {@code sms_status}, the id, the code and the time, as SMS.ru does. */
    CallbackReply sendStatus(String providerMessageId, int code) {
        return postToAccountCallback(FormData.encode(List.of(
                new SimpleImmutableEntry<>("data[0]", "sms_status\n" + providerMessageId + "\n" + code + "\n1764931200"))));
    }
}
