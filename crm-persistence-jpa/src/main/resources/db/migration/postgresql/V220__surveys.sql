-- Satisfaction surveys (issue 14). A template's current row holds its name, current revision and
-- optimistic-lock version; its questions are kept per revision (an answered revision is never
-- rewritten: a change becomes the next revision). Options of a choice are joined with U+0001,
-- which clean text cannot hold.
CREATE TABLE crm_survey_template (
    tenant_id  VARCHAR(64)  NOT NULL,
    id         UUID         NOT NULL,
    name       VARCHAR(800) NOT NULL,
    revision   INT          NOT NULL,
    version    BIGINT       NOT NULL,
    CONSTRAINT crm_survey_template_pk PRIMARY KEY (tenant_id, id)
);
CREATE TABLE crm_survey_question (
    tenant_id    VARCHAR(64)    NOT NULL,
    template_id  UUID           NOT NULL,
    revision     INT            NOT NULL,
    position     INT            NOT NULL,
    question_key VARCHAR(40) COLLATE "C"    NOT NULL,
    kind         VARCHAR(12)    NOT NULL,
    text         VARCHAR(2000)  NOT NULL,
    options      VARCHAR(48000) NOT NULL,
    required     BOOLEAN        NOT NULL,
    CONSTRAINT crm_survey_question_pk PRIMARY KEY (tenant_id, template_id, revision, position)
);
-- One row per response; the answers repeat the response's template, client, employee and instant
-- so that a report and the last-score filter read one table.
CREATE TABLE crm_survey_response (
    tenant_id      VARCHAR(64)              NOT NULL,
    id             UUID                     NOT NULL,
    template_id    UUID                     NOT NULL,
    revision       INT                      NOT NULL,
    client_id      UUID                     NOT NULL,
    deal_id        UUID,
    interaction_id UUID,
    employee_id    VARCHAR(64) COLLATE "C"  NOT NULL,
    answered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_survey_response_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX crm_survey_response_client_ix ON crm_survey_response (tenant_id, client_id, answered_at, id);
CREATE INDEX crm_survey_response_template_ix ON crm_survey_response (tenant_id, template_id, revision);
-- score is the answer as a number when the question is a scale, else NULL.
CREATE TABLE crm_survey_answer (
    tenant_id    VARCHAR(64)              NOT NULL,
    response_id  UUID                     NOT NULL,
    position     INT                      NOT NULL,
    question_key VARCHAR(40) COLLATE "C"  NOT NULL,
    answer_value VARCHAR(8000)            NOT NULL,
    score        INT,
    template_id  UUID                     NOT NULL,
    client_id    UUID                     NOT NULL,
    employee_id  VARCHAR(64) COLLATE "C"  NOT NULL,
    answered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_survey_answer_pk PRIMARY KEY (tenant_id, response_id, position)
);
-- the reports: one question's scores in a period
CREATE INDEX crm_survey_answer_report_ix ON crm_survey_answer (tenant_id, template_id, question_key, answered_at);
-- the last-score filter and a merge of duplicate clients
CREATE INDEX crm_survey_answer_client_ix ON crm_survey_answer (tenant_id, client_id, template_id, question_key, answered_at, response_id);
