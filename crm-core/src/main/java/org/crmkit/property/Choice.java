package org.crmkit.property;

import org.crmkit.common.ValidationException;

import org.crmkit.common.CleanText;

/** One entry of a value list. A retired entry stays readable on stored values but cannot be chosen anew. */
public record Choice(ChoiceId id, String label, boolean retired) {
    public Choice {
        ValidationException.required(id, "id");
        label = CleanText.require("choice.label", label, 200);
    }
}
