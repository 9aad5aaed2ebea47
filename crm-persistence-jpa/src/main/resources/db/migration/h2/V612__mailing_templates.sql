-- A mailing's own templates (issue 18, block V611-V619): the sources of one template per mailing and channel
-- (EMAIL: subject, text body, optional HTML body; SMS: the text in body), checked again against the tenant's
-- vocabulary whenever they are loaded.
CREATE TABLE crm_mailing_template (
    tenant_id  VARCHAR(64)     NOT NULL,
    mailing_id UUID            NOT NULL,
    channel    VARCHAR(12)     NOT NULL,
    subject    VARCHAR(500),
    body       TEXT NOT NULL,
    html_body  TEXT,
    CONSTRAINT crm_mailing_template_pk PRIMARY KEY (tenant_id, mailing_id, channel),
    CONSTRAINT crm_mailing_template_mailing_fk FOREIGN KEY (tenant_id, mailing_id) REFERENCES crm_mailing (tenant_id, id)
);
