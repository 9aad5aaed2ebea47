package org.crmkit.messaging.email;

import java.util.Arrays;
import java.util.Objects;
import org.crmkit.messaging.InvalidMessageException;

/**
 * A file attached to an e-mail. Invariants: the file name is non-blank without line breaks or path
 * separators (it may be non-ASCII), the content type looks like {@code type/subtype}, and the content is
 * a defensive copy (the record is immutable and compares by content).
 */
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        HeaderText.noLineBreaks("fileName", fileName);
        if (fileName.isBlank() || fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) {
            throw new InvalidMessageException("fileName", fileName,
                    "fileName must be a non-blank name without / or \\, got \"" + fileName + "\"");
        }
        HeaderText.noLineBreaks("contentType", contentType);
        if (!contentType.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;.*)?")) {
            throw new InvalidMessageException("contentType", contentType,
                    "contentType must look like type/subtype, got \"" + contentType + "\"");
        }
        Objects.requireNonNull(content, "content");
        content = content.clone();
    }

    /** A copy of the content. */
    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attachment
                && ((Attachment) other).fileName.equals(fileName)
                && ((Attachment) other).contentType.equals(contentType)
                && Arrays.equals(((Attachment) other).content, content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, contentType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "Attachment[fileName=" + fileName + ", contentType=" + contentType + ", " + content.length + " bytes]";
    }
}
