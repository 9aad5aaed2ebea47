package org.crmkit.consent;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.crmkit.common.ValidationException;

/**
 * The headers that give a message one-click unsubscribe (RFC 8058 with RFC 2369's
 * {@code List-Unsubscribe}), built from the host's one-click base URL and unsubscribe mailbox:
 * <pre>
 * List-Unsubscribe: &lt;https://crm.example.ru/u/TOKEN&gt;, &lt;mailto:unsubscribe@crm.example.ru?subject=TOKEN&gt;
 * List-Unsubscribe-Post: List-Unsubscribe=One-Click
 * </pre>
 * The base URL is {@code https} (RFC 8058 requires it), absolute, with a host and without user
 * info, query or fragment; a missing trailing {@code /} is added. The mailbox is a plain ASCII
 * address ({@code A-Z a-z 0-9 . _ + -} before the {@code @}), so that it needs no escaping in a
 * {@code mailto:} URI. A token is the text {@link UnsubscribeTokens#issue issued} for the
 * recipient; being URL-safe Base64 it goes into both URIs as it is. The
 * {@code List-Unsubscribe} value has a space after its comma where a mailer folds a long line.
 */
public record UnsubscribeHeaders(URI oneClickBase, String mailbox) {
    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    /** The one value of {@code List-Unsubscribe-Post}, and the form body a one-click POST carries. */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final Pattern MAILBOX = Pattern.compile(
            "[A-Za-z0-9_+-]+(\\.[A-Za-z0-9_+-]+)*@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+");
    private static final int MAX_BASE_LENGTH = 200;

    public UnsubscribeHeaders {
        ValidationException.required(oneClickBase, "oneClickBase");
        ValidationException.required(mailbox, "mailbox");
        checkBase(oneClickBase);
        if (!oneClickBase.getRawPath().endsWith("/")) {
            oneClickBase = URI.create(oneClickBase.toString() + "/");
        }
        if (mailbox.length() > 254 || !MAILBOX.matcher(mailbox).matches()) {
            throw new ValidationException("mailbox", mailbox, "is not a plain ASCII mailbox such as unsubscribe@crm.example.ru");
        }
    }

    /** The headers for the host's one-click base URL (e.g. {@code https://crm.example.ru/u/}) and mailbox. */
    public static UnsubscribeHeaders of(String oneClickBase, String mailbox) {
        ValidationException.required(oneClickBase, "oneClickBase");
        if (oneClickBase.length() > MAX_BASE_LENGTH) {
            throw new ValidationException("oneClickBase", oneClickBase, "is longer than " + MAX_BASE_LENGTH + " characters");
        }
        try {
            return new UnsubscribeHeaders(new URI(oneClickBase), mailbox);
        } catch (URISyntaxException notAUri) {
            throw new ValidationException("oneClickBase", oneClickBase, "is not a URL (" + notAUri.getReason() + ")");
        }
    }

    private static void checkBase(URI base) {
        String shown = base.toString();
        if (shown.length() > MAX_BASE_LENGTH) {
            throw new ValidationException("oneClickBase", shown, "is longer than " + MAX_BASE_LENGTH + " characters");
        }
        if (!base.isAbsolute() || base.isOpaque() || !"https".equals(base.getScheme().toLowerCase(Locale.ROOT))) {
            throw new ValidationException("oneClickBase", shown, "is not an https URL (RFC 8058 one-click needs https)");
        }
        if (base.getHost() == null || base.getRawUserInfo() != null || base.getRawQuery() != null || base.getRawFragment() != null) {
            throw new ValidationException("oneClickBase", shown, "must have a host and no user info, query or fragment");
        }
        if (!shown.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new ValidationException("oneClickBase", shown, "must be ASCII (write an international host name in its xn-- form)");
        }
    }

    /** The URL a one-click POST (and a person's click) goes to: the base URL followed by the token. */
    public URI oneClickUrl(String token) {
        return URI.create(oneClickBase + checked(token));
    }

    /** The {@code mailto:} URI a mail client without one-click writes to: the mailbox, the token as subject. */
    public URI mailto(String token) {
        return URI.create("mailto:" + mailbox + "?subject=" + checked(token));
    }

    /** The value of {@code List-Unsubscribe}: both URIs, the https one first. */
    public String listUnsubscribe(String token) {
        return "<" + oneClickUrl(token) + ">, <" + mailto(token) + ">";
    }

    /** Both headers, {@code List-Unsubscribe} first, ready to be added to a message. */
    public Map<String, String> forToken(String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIST_UNSUBSCRIBE, listUnsubscribe(token));
        headers.put(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
        return java.util.Collections.unmodifiableMap(headers);
    }

    private static String checked(String token) {
        ValidationException.required(token, "token");
        if (token.length() > UnsubscribeTokens.MAX_LENGTH || !TOKEN.matcher(token).matches()) {
            throw new ValidationException("token", token.length() > 16 ? token.substring(0, 12) + "…" : token,
                    "is not an issued unsubscribe token (1-" + UnsubscribeTokens.MAX_LENGTH + " of A-Z a-z 0-9 _ -)");
        }
        return token;
    }
}
