package org.crmkit.messaging.email;

import org.crmkit.messaging.InvalidMessageException;

/** Checks shared by the e-mail values: no line breaks in anything that becomes a header. */
final class HeaderText {

    private HeaderText() {
    }

    static String noLineBreaks(String field, String value) {
        if (value == null) {
            throw new InvalidMessageException(field, null, field + " must not be null");
        }
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
            throw new InvalidMessageException(field, value,
                    field + " must not contain CR, LF or NUL (header injection), got \"" + escape(value) + "\"");
        }
        return value;
    }

    static String escape(String value) {
        return value.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0");
    }
}
