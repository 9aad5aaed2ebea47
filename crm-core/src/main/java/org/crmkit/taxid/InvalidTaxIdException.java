package org.crmkit.taxid;

import org.crmkit.common.ValidationException;

/**
 * A tax or registration identifier that is malformed or fails its check digits. The message names
 * the field and the value and, for a checksum failure, the digit that would have been right:
 * {@code inn: "7707083894" fails its checksum (expected last digit 3)}. A checksum failure is
 * almost always a typing error: compare the number with the document it was copied from.
 */
public class InvalidTaxIdException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public InvalidTaxIdException(String field, String value, String problem) {
        super(field, value, problem);
    }

    @Override
    protected ValidationException relocated(String newField) {
        return new InvalidTaxIdException(newField, rejectedValue(), problem());
    }

    static InvalidTaxIdException checksum(String field, String value, String expected) {
        return new InvalidTaxIdException(field, value, "fails its checksum (expected " + expected + ")");
    }
}
