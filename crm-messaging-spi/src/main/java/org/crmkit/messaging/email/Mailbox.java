package org.crmkit.messaging.email;

import java.util.Objects;
import java.util.Optional;
import org.crmkit.messaging.InvalidMessageException;

/**
 * An e-mail address with an optional display name ({@code "Иван Петров" <ivan@example.ru>}).
 * Invariants: the address has one {@code @} with a non-empty local part and domain and no spaces,
 * angle brackets or line breaks; the display name, when present, is non-blank and has no line breaks.
 * Non-ASCII display names are allowed: the sender encodes them (RFC 2047).
 */
public record Mailbox(String address, Optional<String> displayName) {

    public Mailbox {
        Objects.requireNonNull(displayName, "displayName");
        HeaderText.noLineBreaks("address", address);
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at
                || address.chars().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '>' || c == ',')) {
            throw new InvalidMessageException("address", address,
                    "address \"" + address + "\" is not an e-mail address (expected local@domain without spaces)");
        }
        displayName.ifPresent(name -> {
            HeaderText.noLineBreaks("displayName", name);
            if (name.isBlank()) {
                throw new InvalidMessageException("displayName", name, "displayName must not be blank when present");
            }
        });
    }

    public static Mailbox of(String address) {
        return new Mailbox(address, Optional.empty());
    }

    public static Mailbox of(String address, String displayName) {
        return new Mailbox(address, Optional.of(Objects.requireNonNull(displayName, "displayName")));
    }
}
