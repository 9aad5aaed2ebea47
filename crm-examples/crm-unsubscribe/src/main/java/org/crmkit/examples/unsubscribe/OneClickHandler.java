package org.crmkit.examples.unsubscribe;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;
import org.crmkit.consent.Channel;
import org.crmkit.consent.UnsubscribeHeaders;
import org.crmkit.consent.UnsubscribeToken;
import org.crmkit.consent.UnsubscribeTokens;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

/**
 * {@code /u/{token}}: a {@code POST} whose form (URL-encoded or multipart, RFC 8058 §3.1) carries
 * {@code List-Unsubscribe=One-Click} verifies the token and withdraws through the
 * {@link Unsubscriber} (200, saying whether it was done now or before); a {@code GET} or
 * {@code HEAD} verifies the token and shows a page whose button makes that POST, and never
 * withdraws. A token that does not verify answers 400 with a short reason; another method 405; a
 * body over {@value #MAX_BODY_BYTES} bytes 413; another path 404. No answer carries a stack trace.
 */
final class OneClickHandler implements HttpHandler {
    static final String PREFIX = "/u/";
    static final int MAX_BODY_BYTES = 2048;
    private static final Logger LOG = LoggerFactory.getLogger(OneClickHandler.class);
    private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(\"([^\"]+)\"|[^;\\s]+)");

    private final TenantId tenant;
    private final UnsubscribeTokens tokens;
    private final Unsubscriber unsubscriber;

    OneClickHandler(TenantId tenant, UnsubscribeTokens tokens, Unsubscriber unsubscriber) {
        this.tenant = tenant;
        this.tokens = tokens;
        this.unsubscriber = unsubscriber;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getRawPath();
            String token = path.startsWith(PREFIX) ? path.substring(PREFIX.length()) : "";
            if (token.isEmpty() || token.contains("/")) {
                answer(exchange, 404, "text/plain", "Not found.\n");
                return;
            }
            switch (exchange.getRequestMethod()) {
                case "POST":
                    post(exchange, token);
                    break;
                case "GET":
                case "HEAD":
                    page(exchange, token);
                    break;
                default:
                    exchange.getResponseHeaders().set("Allow", "GET, HEAD, POST");
                    answer(exchange, 405, "text/plain", "Use POST to unsubscribe (GET shows the page).\n");
            }
        } catch (IOException | RuntimeException failed) {
            LOG.warn("unsubscribe request {} {} failed", exchange.getRequestMethod(), shortened(exchange.getRequestURI().getRawPath()), failed);
            try {
                answer(exchange, 500, "text/plain", "Something went wrong; please try again later.\n");
            } catch (IOException | RuntimeException alreadyAnswered) {
                // the response had begun: nothing more can be said
            }
        } finally {
            exchange.close();
        }
    }

    private void post(HttpExchange exchange, String token) throws IOException {
        Optional<byte[]> body = boundedBody(exchange);
        if (body.isEmpty()) {
            exchange.getResponseHeaders().set("Connection", "close");
            answer(exchange, 413, "text/plain", "The request body is too large.\n");
            return;
        }
        if (!isOneClick(exchange.getRequestHeaders().getFirst("Content-Type"), body.get())) {
            answer(exchange, 400, "text/plain", "Expected the form field " + UnsubscribeHeaders.ONE_CLICK + ".\n");
            return;
        }
        UnsubscribeToken verified;
        try {
            verified = tokens.verify(tenant, token);
        } catch (ValidationException refused) {
            answer(exchange, 400, "text/plain", "This unsubscribe link " + refused.problem() + ".\n");
            return;
        }
        Unsubscriber.Outcome outcome;
        try {
            outcome = unsubscriber.unsubscribe(verified);
        } catch (ValidationException refused) {
            // the field and the problem, not the value: a forwarded link must not show the address
            answer(exchange, 400, "text/plain", "Cannot unsubscribe with this link: " + refused.field() + " " + refused.problem() + ".\n");
            return;
        }
        String what = what(verified);
        String said = outcome == Unsubscriber.Outcome.WITHDRAWN ? "You are unsubscribed: you will receive no more " + what + "."
                : "You were already unsubscribed from " + what + "; nothing has changed.";
        answer(exchange, 200, "text/html", html("Unsubscribed", "<p>" + escape(said) + "</p>"));
    }

    private void page(HttpExchange exchange, String token) throws IOException {
        UnsubscribeToken verified;
        try {
            verified = tokens.verify(tenant, token);
        } catch (ValidationException refused) {
            answer(exchange, 400, "text/plain", "This unsubscribe link " + refused.problem() + ".\n");
            return;
        }
        String form = "<p>Stop " + escape(what(verified)) + " to " + escape(masked(verified)) + "?</p>\n"
                + "<form method=\"post\" action=\"" + escape(PREFIX + token) + "\">\n"
                + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
                + "<button type=\"submit\">Unsubscribe</button>\n</form>";
        answer(exchange, 200, "text/html", html("Unsubscribe", form));
    }

    /** The body, or empty when it is longer than {@link #MAX_BODY_BYTES} (refused before reading where its length is declared). */
    private static Optional<byte[]> boundedBody(HttpExchange exchange) throws IOException {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        if (declared != null) {
            try {
                if (Long.parseLong(declared.trim()) > MAX_BODY_BYTES) {
                    return Optional.empty();
                }
            } catch (NumberFormatException garbled) {
                return Optional.empty();
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[512];
        try (InputStream in = exchange.getRequestBody()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                body.write(buffer, 0, n);
                if (body.size() > MAX_BODY_BYTES) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(body.toByteArray());
    }

    /** Whether the form carries {@code List-Unsubscribe=One-Click}: URL-encoded (or without a type), or multipart. */
    static boolean isOneClick(String contentType, byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        String type = contentType == null ? "application/x-www-form-urlencoded" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("application/x-www-form-urlencoded")) {
            for (String pair : text.strip().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && decode(pair.substring(0, eq)).equals("List-Unsubscribe") && decode(pair.substring(eq + 1)).equals("One-Click")) {
                    return true;
                }
            }
            return false;
        }
        if (type.startsWith("multipart/form-data")) {
            Matcher boundary = BOUNDARY.matcher(contentType);
            if (!boundary.find()) {
                return false;
            }
            String delimiter = "--" + (boundary.group(2) != null ? boundary.group(2) : boundary.group(1));
            for (String part : text.split(Pattern.quote(delimiter))) {
                int blank = part.indexOf("\r\n\r\n");
                if (blank < 0) {
                    continue;
                }
                String headers = part.substring(0, blank).toLowerCase(Locale.ROOT);
                String value = part.substring(blank + 4);
                value = value.endsWith("\r\n") ? value.substring(0, value.length() - 2) : value;
                if (headers.matches("(?s).*content-disposition:\\s*form-data;\\s*name=\"list-unsubscribe\".*") && value.equals("One-Click")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException garbled) {
            return "";
        }
    }

    private static String what(UnsubscribeToken token) {
        String channel = token.channel() == Channel.EMAIL ? "e-mail" : token.channel() == Channel.SMS ? "SMS" : "calls";
        return token.purpose().key() + " " + channel;
    }

    /** The address as far as the person recognises it, not further: {@code s…@example.ru}, {@code +7…67}. */
    static String masked(UnsubscribeToken token) {
        String address = token.address();
        int at = address.lastIndexOf('@');
        if (at > 0) {
            return address.substring(0, address.offsetByCodePoints(0, 1)) + "…" + address.substring(at);
        }
        return address.length() > 4 ? address.substring(0, 2) + "…" + address.substring(address.length() - 2) : "…";
    }

    private static String html(String title, String content) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><meta name=\"robots\" content=\"noindex\"><title>" + escape(title)
                + "</title></head>\n<body>\n" + content + "\n</body></html>\n";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    private static String shortened(String path) {
        return path.length() > 20 ? path.substring(0, 16) + "…" : path;
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'none'; form-action 'self'");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
