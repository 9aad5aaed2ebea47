package org.crmkit.messaging.http;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code application/x-www-form-urlencoded} (UTF-8), the way the three providers take requests and send their
 * callbacks. Names keep their order and may repeat (SMS.ru sends {@code data[]} fields).
 */
final class FormData {

    private final Map<String, List<String>> fields;

    private FormData(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /** Encodes name/value pairs in the given order. */
    static String encode(List<Map.Entry<String, String>> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(pair.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** Decodes a body or query string; an empty or absent text gives no fields. Bad escapes are an error. */
    static FormData decode(String encoded) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        return new FormData(fields);
    }

    /** The first value of {@code name}. */
    Optional<String> first(String name) {
        List<String> values = fields.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** All fields, in order of first appearance. */
    Map<String, List<String>> fields() {
        return fields;
    }

    /** Values of every field whose name is {@code name} or starts with {@code name + "["}, in order. */
    List<String> indexed(String name) {
        List<String> values = new ArrayList<>();
        fields.forEach((field, list) -> {
            if (field.equals(name) || field.startsWith(name + "[")) {
                values.addAll(list);
            }
        });
        return values;
    }
}
