package org.crmkit.survey;

import java.util.Optional;

import org.crmkit.common.ValidationException;

/**
 * What a store answers for a score report: {@code count} answers of value {@code score} in the
 * query's period number {@code period} (from 0), for the group {@code key} (the employee id or the
 * client id as text; empty when the query groups by period only).
 */
public record ScoreCount(int period, Optional<String> key, int score, long count) {
    public ScoreCount {
        ValidationException.required(key, "key");
        if (period < 0) {
            throw new ValidationException("period", period, "must not be negative");
        }
    }
}
