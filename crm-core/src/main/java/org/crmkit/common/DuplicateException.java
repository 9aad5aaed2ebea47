package org.crmkit.common;

/** A value that must be unique in the tenant (a client code, a property key) is already taken. */
public class DuplicateException extends ValidationException {
    private static final long serialVersionUID = 1L;

    public DuplicateException(String field, Object value) {
        super(field, value, "is already used by another record");
    }

    @Override
    protected ValidationException relocated(String newField) {
        return new DuplicateException(newField, rejectedValue());
    }
}
