package org.crmkit.messaging.http;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import org.crmkit.messaging.DeliveryStatus;

/**
 * SMSC.ru as its documentation shows it, read 2026-12-05:
 * <ul>
 *   <li>{@code https://smsc.ru/api/http/} and the English mirror {@code https://smscentre.com/api/http/}:
 *       {@code /sys/send.php} with {@code login}, {@code psw}, {@code phones}, {@code mes}, GET or POST;</li>
 *   <li>the answer with {@code fmt=3}, as on {@code http://s1.sm-s.ru/api/http/send/sms/sms_answer/} (a copy of
 *       SMSC's page; the stored smsc.ru pages were cut before it): {@code {"error": "описание", "error_code": N}},
 *       with {@code "id"} as well for errors 3, 6, 7, 8; N 1 parameters, 2 wrong login or password, 3 not enough
 *       money, 4 IP temporarily blocked, 7 wrong phone format, 9 more than one identical request within a minute
 *       (too many requests). Success is {@code {"id": N, "cnt": parts}}: the page was cut before the success
 *       example, this shape is the one SMSC's own PHP client reads with {@code fmt=1} ({@code id,cnt}) and
 *       Bitrix's smsc.ua sender reads with {@code fmt=3} ({@code id});</li>
 *   <li>statuses ({@code https://smscentre.com/api/http/status_messages/}): 1 delivered, 3 expired, 20 cannot be
 *       delivered; the callback page ({@code https://smscentre.com/api/http/miscellaneous/callback/}) says the
 *       script set in the account is called after each status; its parameter table was not in the stored copy, so
 *       the double sends {@code id}, {@code phone}, {@code status}, the names SMSC's status answers use.</li>
 * </ul>
 * Throttling is answered with error 9.
 */
final class SmscDouble extends HttpProviderDouble {

    static final String LOGIN = "crmkit";
    static final String PASSWORD = "s3cret-psw";


    SmscDouble() {
        super("/sys/send.php");
    }

    @Override
    Reply answer(Call call) {
        if (!"3".equals(call.form().first("fmt").orElse(""))) {
            return new Reply(200, "text/plain", "ERROR = 1 (parameters error)", Map.of());
        }
        if (!LOGIN.equals(call.form().first("login").orElse("")) || !PASSWORD.equals(call.form().first("psw").orElse(""))) {
            return error(2, "Неверный логин или пароль.", 0);
        }
        if (throttled()) {
            return error(9, "Отправка более одного одинакового запроса на передачу SMS-сообщения в течение минуты.", 0);
        }
        long id = nextId();
        if (scenario() == Scenario.NO_BALANCE) {
            return error(3, "Недостаточно средств на счете Клиента.", id);
        }
        String phones = call.field("phones");
        if (invalid(phones)) {
            return error(7, "Неверный формат номера телефона.", id);
        }
        if (!"utf-8".equals(call.form().first("charset").orElse(""))) {
            return error(1, "Ошибка в параметрах.", 0); // the double reads UTF-8 only
        }
        String text = call.field("mes");
        accept(call.field("sender"), phones, text);
        return Reply.json(200, "{\"id\": " + id + ", \"cnt\": " + org.crmkit.messaging.sms.SmsParts.of(text).count() + "}");
    }

    private static Reply error(int code, String text, long id) {
        return Reply.json(200, "{\"error\": \"" + text + "\", \"error_code\": " + code + (id > 0 ? ", \"id\": " + id : "") + "}");
    }

    @Override
    public void sendReceipt(String providerMessageId, DeliveryStatus status) {
        int code = status == DeliveryStatus.DELIVERED ? 1 : status == DeliveryStatus.EXPIRED ? 3 : 20;
        sendStatus(providerMessageId, code);
    }

    CallbackReply sendStatus(String providerMessageId, int code) {
        return postToAccountCallback(FormData.encode(List.of(
                new SimpleImmutableEntry<>("id", providerMessageId),
                new SimpleImmutableEntry<>("phone", "447700900123"),
                new SimpleImmutableEntry<>("status", String.valueOf(code)))));
    }
}
