package org.crmkit.survey;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * One question of a template: a {@code key} that stays the same across revisions (answers and the
 * last-score filter refer to it), the text people read, its kind, the options of a choice (only a
 * choice has options, at least two, distinct) and whether an answer is required.
 */
public record Question(String key, String text, QuestionKind kind, List<String> options, boolean required) {
    public static final int MAX_TEXT = 500;
    public static final int MAX_OPTION = 200;
    public static final int MAX_OPTIONS = 50;
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public Question {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ValidationException("key", key, "must be a lower-case word of at most 40 characters such as satisfaction");
        }
        text = CleanText.require("text", text, MAX_TEXT);
        ValidationException.required(kind, "kind");
        List<String> cleaned = new ArrayList<>();
        for (String option : ValidationException.requiredElements(options, "options")) {
            cleaned.add(CleanText.require("options", option, MAX_OPTION));
        }
        if (kind == QuestionKind.CHOICE) {
            if (cleaned.size() < 2 || cleaned.size() > MAX_OPTIONS) {
                throw new ValidationException("options", cleaned, "a choice needs 2 to " + MAX_OPTIONS + " options");
            }
            if (new LinkedHashSet<>(cleaned).size() != cleaned.size()) {
                throw new ValidationException("options", cleaned, "are not distinct");
            }
        } else if (!cleaned.isEmpty()) {
            throw new ValidationException("options", cleaned, "only a choice question has options, not " + kind);
        }
        options = List.copyOf(cleaned);
    }

    public static Question scale5(String key, String text, boolean required) {
        return new Question(key, text, QuestionKind.SCALE_1_5, List.of(), required);
    }

    public static Question scale10(String key, String text, boolean required) {
        return new Question(key, text, QuestionKind.SCALE_0_10, List.of(), required);
    }

    public static Question yesNo(String key, String text, boolean required) {
        return new Question(key, text, QuestionKind.YES_NO, List.of(), required);
    }

    public static Question choice(String key, String text, boolean required, List<String> options) {
        return new Question(key, text, QuestionKind.CHOICE, options, required);
    }

    public static Question freeText(String key, String text, boolean required) {
        return new Question(key, text, QuestionKind.TEXT, List.of(), required);
    }

    /** How the journal shows the question. */
    String describe() {
        return key + " " + kind + (required ? " required" : "") + (options.isEmpty() ? "" : " " + options) + ": " + text;
    }
}
