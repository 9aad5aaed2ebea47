package org.crmkit.survey;

import java.util.List;
import java.util.Optional;

import org.crmkit.common.CleanText;
import org.crmkit.common.ValidationException;

/**
 * What a question asks for, and which answers it takes. Scale answers are whole numbers within
 * the scale and are the only ones scored (the reports and the last-score filter read them); a
 * yes/no answer is {@code yes} or {@code no}; a choice answer is one of the question's options
 * exactly; a free text is clean text of at most {@value Answer#MAX_VALUE} code points.
 */
public enum QuestionKind {
    /** 1 to 5; CSAT counts 4 and 5 as satisfied. */
    SCALE_1_5(1, 5),
    /** 0 to 10; NPS counts 9–10 as promoters and 0–6 as detractors. */
    SCALE_0_10(0, 10),
    YES_NO(0, 0),
    CHOICE(0, 0),
    TEXT(0, 0);

    private final int min;
    private final int max;

    QuestionKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public boolean scored() {
        return this == SCALE_1_5 || this == SCALE_0_10;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /**
     * The answer's value as stored, checked against this kind and the options: a scale value
     * without leading zeros, {@code yes}/{@code no}, an option, or cleaned text.
     *
     * @throws ValidationException naming {@code field} and the value
     */
    String check(String field, String value, List<String> options) {
        ValidationException.required(value, field);
        switch (this) {
            case SCALE_1_5:
            case SCALE_0_10:
                int score;
                try {
                    score = Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new ValidationException(field, value, "is not a whole number on the scale " + min + "–" + max);
                }
                if (score < min || score > max) {
                    throw new ValidationException(field, value, "is outside the scale " + min + "–" + max);
                }
                return Integer.toString(score);
            case YES_NO:
                if (!value.equals("yes") && !value.equals("no")) {
                    throw new ValidationException(field, value, "must be yes or no");
                }
                return value;
            case CHOICE:
                if (!options.contains(value)) {
                    throw new ValidationException(field, value, "is not one of the options " + options);
                }
                return value;
            default:
                return CleanText.require(field, value, Answer.MAX_VALUE);
        }
    }

    /** The score of a checked value; empty for kinds that are not scales. */
    Optional<Integer> score(String checked) {
        return scored() ? Optional.of(Integer.parseInt(checked)) : Optional.empty();
    }
}
