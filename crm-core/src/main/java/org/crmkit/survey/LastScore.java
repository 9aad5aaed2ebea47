package org.crmkit.survey;

import org.crmkit.common.ClientId;
import org.crmkit.common.ValidationException;

/**
 * A client's last scored answer to one question of a template (any revision): the answer of the
 * client's latest response that scored the question (latest by the response's instant, ties by
 * the greater response id in {@link org.crmkit.common.SortOrder#UUIDS} order). These are the
 * records that {@link SurveyCriterion#LAST_SCORES} relates to a client.
 */
public record LastScore(ClientId client, TemplateId template, String question, int score) {
    public LastScore {
        ValidationException.required(client, "client");
        ValidationException.required(template, "template");
        ValidationException.required(question, "question");
    }
}
