package org.crmkit.messaging.kit;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.messaging.email.Attachment;
import org.crmkit.messaging.email.Mailbox;

/**
 * What an e-mail server double received, decoded: the From mailbox with its display name, the recipient
 * addresses, Reply-To, the subject, the text and HTML bodies, every header (unfolded, decoded, names as
 * sent) and the attachments with their decoded file names.
 */
public record ReceivedEmail(
        Mailbox from,
        List<String> to,
        Optional<Mailbox> replyTo,
        String subject,
        Optional<String> text,
        Optional<String> html,
        Map<String, String> headers,
        List<Attachment> attachments) {

    public ReceivedEmail {
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        headers = Map.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    /** A header's value, ignoring the case of its name. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .findFirst();
    }
}
