package org.crmkit.survey;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.common.ClientId;
import org.crmkit.common.EmployeeId;
import org.crmkit.common.ValidationException;
import org.crmkit.deal.DealId;
import org.crmkit.interaction.InteractionId;

/**
 * What a client answered to one revision of a template, asked by an employee at an instant
 * (kept to the microsecond, as the databases keep it), optionally after a deal and/or an
 * interaction. A recorded response is never changed: it is the client's word at the time.
 * {@code answers} are in the template's question order, checked by {@link Surveys#record}.
 */
public record Response(ResponseId id, TemplateId template, int revision, ClientId client, Optional<DealId> deal,
                       Optional<InteractionId> interaction, EmployeeId employee, Instant at, List<Answer> answers) {
    public Response {
        ValidationException.required(id, "id");
        ValidationException.required(template, "template");
        if (revision < 1) {
            throw new ValidationException("revision", revision, "must be 1 or more");
        }
        ValidationException.required(client, "client");
        ValidationException.required(deal, "deal");
        ValidationException.required(interaction, "interaction");
        ValidationException.required(employee, "employee");
        at = ValidationException.required(at, "at").truncatedTo(ChronoUnit.MICROS);
        answers = ValidationException.requiredElements(answers, "answers");
        Set<String> keys = new HashSet<>();
        answers.forEach(a -> {
            if (!keys.add(a.question())) {
                throw new ValidationException("answers.question", a.question(), "is answered twice");
            }
        });
    }

    public Optional<Answer> answer(String question) {
        ValidationException.required(question, "question");
        return answers.stream().filter(a -> a.question().equals(question)).findFirst();
    }

    /** How the journal shows it. */
    String describe() {
        StringBuilder text = new StringBuilder("template " + template + " revision " + revision + " by " + employee + " at " + at);
        deal.ifPresent(d -> text.append(" after deal ").append(d));
        interaction.ifPresent(i -> text.append(" after interaction ").append(i));
        answers.forEach(a -> text.append("; ").append(a.question()).append(" = ").append(a.value()));
        return text.toString();
    }
}
