package org.crmkit.messaging.email;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.crmkit.messaging.InvalidMessageException;

/**
 * One e-mail as the caller wants it sent.
 *
 * <p>Invariants, checked on construction so that an invalid message cannot exist:
 * <ul>
 *   <li>{@code idempotencyKey} is chosen by the caller, non-blank, at most 200 characters, one line;
 *       it determines the Message-ID ({@link #messageId(String)}), so a resubmission is recognisable;</li>
 *   <li>there is at least one recipient in {@code to};</li>
 *   <li>at least one of {@code text} and {@code html} is present and non-blank;</li>
 *   <li>subject, display names, header names and header values contain no CR or LF (no header injection);</li>
 *   <li>extra {@code headers} have RFC 5322 field names, are unique ignoring case, and do not replace the
 *       headers the fields produce ({@code From}, {@code To}, {@code Subject}, {@code Message-ID}, ...).
 *       Typical extras: {@code List-Unsubscribe} and {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}
 *       (RFC 8058).</li>
 * </ul>
 * Collections are unmodifiable copies; headers keep their insertion order.
 */
public record EmailMessage(
        String idempotencyKey,
        Mailbox from,
        List<Mailbox> to,
        Optional<Mailbox> replyTo,
        String subject,
        Optional<String> text,
        Optional<String> html,
        Map<String, String> headers,
        List<Attachment> attachments) {

    private static final Set<String> RESERVED_HEADERS = Set.of(
            "from", "to", "cc", "bcc", "reply-to", "subject", "message-id", "date", "sender",
            "mime-version", "content-type", "content-transfer-encoding");

    public EmailMessage {
        HeaderText.noLineBreaks("idempotencyKey", idempotencyKey);
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new InvalidMessageException("idempotencyKey", idempotencyKey,
                    "idempotencyKey must be non-blank and at most 200 characters, got \"" + idempotencyKey + "\"");
        }
        if (from == null) {
            throw new InvalidMessageException("from", null, "from must be set");
        }
        Objects.requireNonNull(to, "to");
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new InvalidMessageException("to", "[]", "to must name at least one recipient");
        }
        Objects.requireNonNull(replyTo, "replyTo");
        HeaderText.noLineBreaks("subject", subject);
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        if (text.filter(t -> !t.isBlank()).isEmpty() && html.filter(h -> !h.isBlank()).isEmpty()) {
            throw new InvalidMessageException("text", text.orElse(null),
                    "an e-mail needs a body: set text or html (or both) to something non-blank");
        }
        Objects.requireNonNull(headers, "headers");
        LinkedHashMap<String, String> checked = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        headers.forEach((name, value) -> {
            checkHeaderName(name);
            HeaderText.noLineBreaks("header " + name, value);
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidMessageException("headers", name, "header \"" + name + "\" is given twice (names ignore case)");
            }
            checked.put(name, value);
        });
        headers = Collections.unmodifiableMap(checked);
        Objects.requireNonNull(attachments, "attachments");
        attachments = List.copyOf(attachments);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The deterministic Message-ID for this message: {@code <hash@domain>}, where hash is the first 128 bits
     * of the SHA-256 of the idempotency key in hex. Same key, same id; the domain is usually the sender's.
     */
    public String messageId(String domain) {
        if (domain == null || !domain.matches("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")) {
            throw new InvalidMessageException("domain", domain,
                    "Message-ID domain must be an ASCII host name such as mail.example.com, got \"" + domain + "\"");
        }
        return "<" + hash(idempotencyKey) + "@" + domain + ">";
    }

    /** The value of an extra header, ignoring the case of its name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static void checkHeaderName(String name) {
        if (name == null || name.isEmpty() || !name.chars().allMatch(c -> c >= 33 && c <= 126 && c != ':')) {
            throw new InvalidMessageException("headers", name,
                    "header name \"" + (name == null ? null : HeaderText.escape(name))
                            + "\" must be printable ASCII without spaces or ':' (RFC 5322)");
        }
        if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new InvalidMessageException("headers", name,
                    "header \"" + name + "\" is set from the message's own fields; use the builder's field instead");
        }
    }

    private static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (int i = 0; i < 16; i++) {
                hex.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Collects the fields of an {@link EmailMessage}; {@link #build()} checks them all. */
    public static final class Builder {
        private String idempotencyKey;
        private Mailbox from;
        private final List<Mailbox> to = new ArrayList<>();
        private Mailbox replyTo;
        private String subject = "";
        private String text;
        private String html;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<Attachment> attachments = new ArrayList<>();

        private Builder() {
        }

        public Builder idempotencyKey(String idempotencyKey) {
            this.idempotencyKey = idempotencyKey;
            return this;
        }

        public Builder from(Mailbox from) {
            this.from = from;
            return this;
        }

        /** Adds a recipient. */
        public Builder to(Mailbox recipient) {
            this.to.add(Objects.requireNonNull(recipient, "recipient"));
            return this;
        }

        public Builder replyTo(Mailbox replyTo) {
            this.replyTo = replyTo;
            return this;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder text(String text) {
            this.text = text;
            return this;
        }

        public Builder html(String html) {
            this.html = html;
            return this;
        }

        /** Adds an extra header such as {@code List-Unsubscribe}. */
        public Builder header(String name, String value) {
            if (name != null && headers.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
                throw new InvalidMessageException("headers", name, "header \"" + name + "\" is given twice (names ignore case)");
            }
            this.headers.put(name, value);
            return this;
        }

        public Builder attach(Attachment attachment) {
            this.attachments.add(Objects.requireNonNull(attachment, "attachment"));
            return this;
        }

        public EmailMessage build() {
            return new EmailMessage(idempotencyKey, from, to, Optional.ofNullable(replyTo), subject,
                    Optional.ofNullable(text), Optional.ofNullable(html), headers, attachments);
        }
    }
}
