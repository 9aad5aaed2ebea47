package org.crmkit.segment;

import org.crmkit.common.ValidationException;

/**
 * Rule text that cannot be read: where (line and column, both from 1), what was expected there
 * and what was found ({@code line 1, column 17: expected ")" but found "and"}). Unknown names and
 * values of the wrong type for a property are reported the same way, at the name or value.
 */
public class RuleSyntaxException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    public RuleSyntaxException(int line, int column, String expected, String found) {
        super("rule", found, "expected " + expected + " at line " + line + ", column " + column);
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What the reader expected, e.g. {@code ")"} or {@code the name of a client group}. */
    public String expected() {
        return expected;
    }

    /** What it found, as it appears in the text ({@code "and"}), or {@code the end of the text}. */
    public String found() {
        return found;
    }

    @Override
    public String getMessage() {
        return "line " + line + ", column " + column + ": expected " + expected + " but found " + found;
    }

    @Override
    protected ValidationException relocated(String newField) {
        return this;
    }
}
