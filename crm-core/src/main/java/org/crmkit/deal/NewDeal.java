package org.crmkit.deal;

import java.time.LocalDate;
import java.util.Optional;

import org.crmkit.client.ContactPersonId;
import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.Money;
import org.crmkit.common.ValidationException;

/**
 * A deal to open: client, title, amount and pipeline, and optionally the stage to start in (the
 * pipeline's first open stage otherwise), the contact person, the expected close date, the
 * responsible employee (the acting employee otherwise) and the source. Immutable; each option
 * returns a changed copy.
 */
public record NewDeal(ClientId client, String title, Money amount, PipelineId pipeline, Optional<StageId> stage,
                      Optional<ContactPersonId> contactPerson, Optional<LocalDate> expectedClose, Optional<EmployeeId> responsible,
                      Optional<String> source) {
    public NewDeal {
        ValidationException.required(client, "client");
        ValidationException.required(title, "title");
        ValidationException.required(amount, "amount");
        ValidationException.required(pipeline, "pipeline");
        ValidationException.required(stage, "stage");
        ValidationException.required(contactPerson, "contactPerson");
        ValidationException.required(expectedClose, "expectedClose");
        ValidationException.required(responsible, "responsible");
        ValidationException.required(source, "source");
    }

    public static NewDeal of(ClientId client, String title, Money amount, PipelineId pipeline) {
        return new NewDeal(client, title, amount, pipeline, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public NewDeal stage(StageId value) {
        return new NewDeal(client, title, amount, pipeline, Optional.of(ValidationException.required(value, "stage")), contactPerson,
                expectedClose, responsible, source);
    }

    public NewDeal contactPerson(ContactPersonId value) {
        return new NewDeal(client, title, amount, pipeline, stage, Optional.of(ValidationException.required(value, "contactPerson")),
                expectedClose, responsible, source);
    }

    public NewDeal expectedClose(LocalDate value) {
        return new NewDeal(client, title, amount, pipeline, stage, contactPerson,
                Optional.of(ValidationException.required(value, "expectedClose")), responsible, source);
    }

    public NewDeal responsible(EmployeeId value) {
        return new NewDeal(client, title, amount, pipeline, stage, contactPerson, expectedClose,
                Optional.of(ValidationException.required(value, "responsible")), source);
    }

    public NewDeal source(String value) {
        return new NewDeal(client, title, amount, pipeline, stage, contactPerson, expectedClose, responsible,
                Optional.of(ValidationException.required(value, "source")));
    }
}
