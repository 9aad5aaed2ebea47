package org.crmkit.common;

import java.util.Objects;

/**
 * Input that breaks a rule. Always names the field (a path such as {@code contacts[2].value}) and
 * the rejected value, so a host can show it next to the right input.
 */
public class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    private final String field;
    private final String rejectedValue;
    private final String problem;

    public ValidationException(String field, Object rejectedValue, String problem) {
        super(format(field, rejectedValue, problem));
        this.field = Objects.requireNonNull(field, "field");
        this.rejectedValue = rejectedValue == null ? null : String.valueOf(rejectedValue);
        this.problem = problem;
    }

    /**
     * The value, or a {@code ValidationException} naming the field when it is {@code null}: every
     * argument of the API a host calls is checked this way, so a missing one is reported like any
     * other bad input, never as a {@link NullPointerException}.
     */
    public static <T> T required(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, null, "is required");
        }
        return value;
    }

    /**
     * The values as an unmodifiable list, or a {@code ValidationException} naming the field when
     * the collection is {@code null} or naming {@code field[i]} for a {@code null} element.
     */
    public static <T> java.util.List<T> requiredElements(java.util.Collection<? extends T> values, String field) {
        required(values, field);
        int i = 0;
        for (T value : values) {
            required(value, field + "[" + i++ + "]");
        }
        return java.util.List.copyOf(values);
    }

    /** The same for an array (varargs). */
    @SafeVarargs
    public static <T> java.util.List<T> requiredElements(String field, T... values) {
        return requiredElements(java.util.Arrays.asList(required(values, field)), field);
    }

    private static String format(String field, Object value, String problem) {
        String shown = value == null ? "null" : "\"" + printable(String.valueOf(value)) + "\"";
        return field + ": " + shown + " " + problem;
    }

    /** Renders control characters visibly, so a message never carries a raw CR/LF or bidi override. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        String shown = out.toString();
        return shown.length() > 300 ? shown.substring(0, 300) + "…" : shown;
    }

    /** The field that was rejected, e.g. {@code inn} or {@code contacts[1].value}. */
    public String field() {
        return field;
    }

    /** The rejected value as given, or {@code null} when it was missing. */
    public String rejectedValue() {
        return rejectedValue;
    }

    /** What is wrong with the value, e.g. {@code fails its checksum (expected last digit 3)}. */
    public String problem() {
        return problem;
    }

    /** The same problem reported under an outer path: {@code contacts[2]} + {@code value}. */
    public ValidationException under(String outerField) {
        ValidationException moved = relocated(outerField + "." + field);
        moved.setStackTrace(getStackTrace());
        return moved;
    }

    /** This error under another field name; subclasses return their own type so callers can still tell them apart. */
    protected ValidationException relocated(String newField) {
        return new ValidationException(newField, rejectedValue, problem);
    }
}
