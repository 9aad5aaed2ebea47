package org.crmkit.property;

import java.util.Objects;

import org.crmkit.common.CleanText;

/** One entry of a value list. A retired entry stays readable on stored values but cannot be chosen anew. */
public record Choice(ChoiceId id, String label, boolean retired) {
    public Choice {
        Objects.requireNonNull(id, "id");
        label = CleanText.require("choice.label", label, 200);
    }
}
