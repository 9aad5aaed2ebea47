package org.crmkit.survey;

import org.crmkit.common.ValidationException;

/**
 * The answer to one question, by the question's key, as text: a scale value ({@code "4"}),
 * {@code yes}/{@code no}, an option, or free text. The template's question checks it when the
 * response is recorded.
 */
public record Answer(String question, String value) {
    public static final int MAX_VALUE = 2000;

    public Answer {
        ValidationException.required(question, "question");
        ValidationException.required(value, "value");
    }

    public static Answer score(String question, int score) {
        return new Answer(question, Integer.toString(score));
    }

    public static Answer yesNo(String question, boolean yes) {
        return new Answer(question, yes ? "yes" : "no");
    }

    public static Answer text(String question, String text) {
        return new Answer(question, text);
    }
}
