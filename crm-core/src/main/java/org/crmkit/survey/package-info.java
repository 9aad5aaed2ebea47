/**
 * Satisfaction surveys: questionnaire {@link org.crmkit.survey.Template}s (scales 1–5 and 0–10,
 * yes/no, choice, free text), {@link org.crmkit.survey.Response}s recorded for a client by an
 * employee, the CSAT and NPS {@link org.crmkit.survey.ScoreReport} counted by the store, and the
 * client filter on a client's last score ({@link org.crmkit.survey.SurveyCriterion#LAST_SCORES}).
 */
package org.crmkit.survey;
