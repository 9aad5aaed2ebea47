package org.crmkit.survey;

import java.util.UUID;

import org.crmkit.common.ValidationException;

/** Identifies a questionnaire template across its revisions. */
public record TemplateId(UUID value) {
    public TemplateId {
        ValidationException.required(value, "template id");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
