package org.crmkit.survey;

import java.time.Instant;

import org.crmkit.common.ClientId;
import org.crmkit.common.DomainEvent;
import org.crmkit.common.TenantId;
import org.crmkit.common.ValidationException;

/** What happened to surveys; published to the host's listeners after the change is committed. */
public sealed interface SurveyEvent extends DomainEvent {

    /** A template was added or changed; {@code revision} is its current one (a new one when the former had answers). */
    record TemplateChanged(TenantId tenant, TemplateId template, int revision, Instant at, String actor) implements SurveyEvent {
        public TemplateChanged {
            ValidationException.required(template, "template");
        }
    }

    /** A client's response was recorded. */
    record ResponseRecorded(TenantId tenant, ResponseId response, ClientId client, TemplateId template, int revision, Instant at, String actor)
            implements SurveyEvent {
        public ResponseRecorded {
            ValidationException.required(response, "response");
        }
    }
}
