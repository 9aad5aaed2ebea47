-- crmkit client base, H2 2.x. Every table leads its keys with tenant_id (see docs/architecture.md).
-- H2 measures VARCHAR in UTF-16 units while crmkit limits text in code points, so user-text columns are
-- twice the domain's limit; folded search keys (short_key, full_key, search_value) can grow when lower-cased.

CREATE TABLE crm_code_counter (
    tenant_id   VARCHAR(64) NOT NULL,
    last_value  BIGINT      NOT NULL,
    CONSTRAINT crm_code_counter_pk PRIMARY KEY (tenant_id)
);

CREATE TABLE crm_client (
    tenant_id     VARCHAR(64)    NOT NULL,
    id            UUID           NOT NULL,
    code          VARCHAR(20)    NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    short_name    VARCHAR(300)   NOT NULL,
    short_key     VARCHAR(1200)   NOT NULL,
    full_name     VARCHAR(1000),
    full_key      VARCHAR(4000),
    group_id      UUID,
    relationship  VARCHAR(40),
    manager       VARCHAR(64),
    registered_on DATE           NOT NULL,
    region        VARCHAR(200),
    city          VARCHAR(200),
    industry      VARCHAR(200),
    inn           VARCHAR(12),
    kpp           VARCHAR(9),
    ogrn          VARCHAR(15),
    okpo          VARCHAR(10),
    notes         VARCHAR(30000),
    archived      BOOLEAN        NOT NULL,
    version       BIGINT         NOT NULL,
    CONSTRAINT crm_client_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_client_code_uq UNIQUE (tenant_id, code)
);
CREATE INDEX crm_client_short_key_ix ON crm_client (tenant_id, short_key);
CREATE INDEX crm_client_inn_ix ON crm_client (tenant_id, inn);
CREATE INDEX crm_client_manager_ix ON crm_client (tenant_id, manager);
CREATE INDEX crm_client_group_ix ON crm_client (tenant_id, group_id);

CREATE TABLE crm_client_contact (
    tenant_id    VARCHAR(64)  NOT NULL,
    client_id    UUID         NOT NULL,
    position     INT          NOT NULL,
    type         VARCHAR(20)  NOT NULL,
    contact_value VARCHAR(1000) NOT NULL,
    search_value VARCHAR(1200),
    label        VARCHAR(200),
    is_primary   BOOLEAN      NOT NULL,
    CONSTRAINT crm_client_contact_pk PRIMARY KEY (tenant_id, client_id, position),
    CONSTRAINT crm_client_contact_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES crm_client (tenant_id, id)
);
CREATE INDEX crm_client_contact_search_ix ON crm_client_contact (tenant_id, search_value);

CREATE TABLE crm_client_property (
    tenant_id    VARCHAR(64)    NOT NULL,
    client_id    UUID           NOT NULL,
    property_key VARCHAR(63)    NOT NULL,
    seq          INT            NOT NULL,
    value_text   VARCHAR(8000),
    value_number NUMERIC(24, 6),
    value_date   DATE,
    value_bool   BOOLEAN,
    value_ref    VARCHAR(64),
    currency     CHAR(3),
    CONSTRAINT crm_client_property_pk PRIMARY KEY (tenant_id, client_id, property_key, seq),
    CONSTRAINT crm_client_property_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES crm_client (tenant_id, id)
);
CREATE INDEX crm_client_property_text_ix ON crm_client_property (tenant_id, property_key, value_text);
CREATE INDEX crm_client_property_number_ix ON crm_client_property (tenant_id, property_key, value_number);
CREATE INDEX crm_client_property_date_ix ON crm_client_property (tenant_id, property_key, value_date);
CREATE INDEX crm_client_property_ref_ix ON crm_client_property (tenant_id, property_key, value_ref);

CREATE TABLE crm_contact_person (
    tenant_id      VARCHAR(64)    NOT NULL,
    id             UUID           NOT NULL,
    client_id      UUID           NOT NULL,
    surname        VARCHAR(200)   NOT NULL,
    first_name     VARCHAR(200),
    patronymic     VARCHAR(200),
    position_title VARCHAR(300),
    responsible    VARCHAR(64),
    relation_start DATE,
    relation_end   DATE,
    birthday       DATE,
    notes          VARCHAR(30000),
    version        BIGINT         NOT NULL,
    CONSTRAINT crm_contact_person_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_contact_person_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES crm_client (tenant_id, id)
);
CREATE INDEX crm_contact_person_client_ix ON crm_contact_person (tenant_id, client_id);

CREATE TABLE crm_person_contact (
    tenant_id     VARCHAR(64)  NOT NULL,
    person_id     UUID         NOT NULL,
    position      INT          NOT NULL,
    type          VARCHAR(20)  NOT NULL,
    contact_value VARCHAR(1000) NOT NULL,
    search_value  VARCHAR(1200),
    label         VARCHAR(200),
    is_primary    BOOLEAN      NOT NULL,
    CONSTRAINT crm_person_contact_pk PRIMARY KEY (tenant_id, person_id, position),
    CONSTRAINT crm_person_contact_person_fk FOREIGN KEY (tenant_id, person_id) REFERENCES crm_contact_person (tenant_id, id)
);
CREATE INDEX crm_person_contact_search_ix ON crm_person_contact (tenant_id, search_value);

CREATE TABLE crm_client_group (
    tenant_id VARCHAR(64)  NOT NULL,
    id        UUID         NOT NULL,
    name      VARCHAR(300) NOT NULL,
    parent_id UUID,
    version   BIGINT       NOT NULL,
    CONSTRAINT crm_client_group_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_relationship_type (
    tenant_id VARCHAR(64)  NOT NULL,
    id        VARCHAR(40)  NOT NULL,
    name      VARCHAR(200) NOT NULL,
    retired   BOOLEAN      NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT crm_relationship_type_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_property (
    tenant_id      VARCHAR(64)    NOT NULL,
    property_key   VARCHAR(63)    NOT NULL,
    label          VARCHAR(400)   NOT NULL,
    kind           VARCHAR(20)    NOT NULL,
    max_length     INT,
    scale          INT,
    min_number     NUMERIC(24, 6),
    max_number     NUMERIC(24, 6),
    currency       CHAR(3),
    min_date       DATE,
    max_date       DATE,
    applies_kinds  VARCHAR(100)   NOT NULL,
    applies_groups VARCHAR(4000)  NOT NULL,
    required       BOOLEAN        NOT NULL,
    archived       BOOLEAN        NOT NULL,
    version        BIGINT         NOT NULL,
    CONSTRAINT crm_property_pk PRIMARY KEY (tenant_id, property_key)
);

CREATE TABLE crm_property_choice (
    tenant_id    VARCHAR(64)  NOT NULL,
    property_key VARCHAR(63)  NOT NULL,
    position     INT          NOT NULL,
    choice_id    UUID         NOT NULL,
    label        VARCHAR(400) NOT NULL,
    retired      BOOLEAN      NOT NULL,
    CONSTRAINT crm_property_choice_pk PRIMARY KEY (tenant_id, property_key, position),
    CONSTRAINT crm_property_choice_property_fk FOREIGN KEY (tenant_id, property_key) REFERENCES crm_property (tenant_id, property_key)
);

CREATE TABLE crm_audit (
    tenant_id  VARCHAR(64)              NOT NULL,
    id         UUID                     NOT NULL,
    client_id  UUID                     NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    field      VARCHAR(400)             NOT NULL,
    old_value  VARCHAR(30000),
    new_value  VARCHAR(30000),
    actor      VARCHAR(256)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_audit_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX crm_audit_client_ix ON crm_audit (tenant_id, client_id, at);
