package org.crmkit.property;

import org.crmkit.common.ValidationException;
import java.util.UUID;

/** The identity of one entry of a value list; stored values refer to it, never to its label. */
public record ChoiceId(UUID value) {
    public ChoiceId {
        ValidationException.required(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
