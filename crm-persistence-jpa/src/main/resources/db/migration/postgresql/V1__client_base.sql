-- crmkit client base, PostgreSQL 12+. code and short_key sort by code point (COLLATE "C"), as crmkit's
-- in-memory store does, and so their indexes serve ORDER BY and LIKE 'prefix%'. Every table leads its keys with tenant_id (see docs/architecture.md).

CREATE TABLE crm_code_counter (
    tenant_id   VARCHAR(64) NOT NULL,
    last_value  BIGINT      NOT NULL,
    CONSTRAINT crm_code_counter_pk PRIMARY KEY (tenant_id)
);

CREATE TABLE crm_client (
    tenant_id     VARCHAR(64)    NOT NULL,
    id            UUID           NOT NULL,
    code          VARCHAR(20) COLLATE "C"    NOT NULL,
    kind          VARCHAR(20)    NOT NULL,
    short_name    VARCHAR(150)   NOT NULL,
    short_key     VARCHAR(600) COLLATE "C" NOT NULL,
    full_name     VARCHAR(500),
    full_key      VARCHAR(2000),
    group_id      UUID,
    relationship  VARCHAR(40),
    manager       VARCHAR(64),
    registered_on DATE           NOT NULL,
    region        VARCHAR(100),
    city          VARCHAR(100),
    industry      VARCHAR(100),
    inn           VARCHAR(12),
    kpp           VARCHAR(9),
    ogrn          VARCHAR(15),
    okpo          VARCHAR(10),
    notes         TEXT,
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
    contact_value VARCHAR(500) NOT NULL,
    search_value VARCHAR(600),
    label        VARCHAR(100),
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
    value_text   VARCHAR(4000),
    value_number NUMERIC(24, 6),
    value_date   DATE,
    value_bool   BOOLEAN,
    value_ref    VARCHAR(64),
    currency     CHAR(3),
    CONSTRAINT crm_client_property_pk PRIMARY KEY (tenant_id, client_id, property_key, seq),
    CONSTRAINT crm_client_property_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES crm_client (tenant_id, id)
);
-- a B-tree entry holds at most about 2.7 kB, so long texts are indexed by their first 200 characters
CREATE INDEX crm_client_property_text_ix ON crm_client_property (tenant_id, property_key, left(value_text, 200));
CREATE INDEX crm_client_property_number_ix ON crm_client_property (tenant_id, property_key, value_number);
CREATE INDEX crm_client_property_date_ix ON crm_client_property (tenant_id, property_key, value_date);
CREATE INDEX crm_client_property_ref_ix ON crm_client_property (tenant_id, property_key, value_ref);

CREATE TABLE crm_contact_person (
    tenant_id      VARCHAR(64)    NOT NULL,
    id             UUID           NOT NULL,
    client_id      UUID           NOT NULL,
    surname        VARCHAR(100)   NOT NULL,
    first_name     VARCHAR(100),
    patronymic     VARCHAR(100),
    position_title VARCHAR(150),
    responsible    VARCHAR(64),
    relation_start DATE,
    relation_end   DATE,
    birthday       DATE,
    notes          TEXT,
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
    contact_value VARCHAR(500) NOT NULL,
    search_value  VARCHAR(600),
    label         VARCHAR(100),
    is_primary    BOOLEAN      NOT NULL,
    CONSTRAINT crm_person_contact_pk PRIMARY KEY (tenant_id, person_id, position),
    CONSTRAINT crm_person_contact_person_fk FOREIGN KEY (tenant_id, person_id) REFERENCES crm_contact_person (tenant_id, id)
);
CREATE INDEX crm_person_contact_search_ix ON crm_person_contact (tenant_id, search_value);

CREATE TABLE crm_client_group (
    tenant_id VARCHAR(64)  NOT NULL,
    id        UUID         NOT NULL,
    name      VARCHAR(150) NOT NULL,
    parent_id UUID,
    version   BIGINT       NOT NULL,
    CONSTRAINT crm_client_group_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_relationship_type (
    tenant_id VARCHAR(64)  NOT NULL,
    id        VARCHAR(40)  NOT NULL,
    name      VARCHAR(100) NOT NULL,
    retired   BOOLEAN      NOT NULL,
    version   BIGINT       NOT NULL,
    CONSTRAINT crm_relationship_type_pk PRIMARY KEY (tenant_id, id)
);

CREATE TABLE crm_property (
    tenant_id      VARCHAR(64)    NOT NULL,
    property_key   VARCHAR(63)    NOT NULL,
    label          VARCHAR(200)   NOT NULL,
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
    label        VARCHAR(200) NOT NULL,
    retired      BOOLEAN      NOT NULL,
    CONSTRAINT crm_property_choice_pk PRIMARY KEY (tenant_id, property_key, position),
    CONSTRAINT crm_property_choice_property_fk FOREIGN KEY (tenant_id, property_key) REFERENCES crm_property (tenant_id, property_key)
);

CREATE TABLE crm_audit (
    tenant_id  VARCHAR(64)              NOT NULL,
    id         UUID                     NOT NULL,
    client_id  UUID                     NOT NULL,
    subject    VARCHAR(100)             NOT NULL,
    field      VARCHAR(200)             NOT NULL,
    old_value  TEXT,
    new_value  TEXT,
    actor      VARCHAR(128)             NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT crm_audit_pk PRIMARY KEY (tenant_id, id)
);
CREATE INDEX crm_audit_client_ix ON crm_audit (tenant_id, client_id, at);

-- Name fragments ("%питер%") are searched through trigram indexes when pg_trgm can be installed.
-- Without the privilege to create the extension the search still works, by scanning the tenant's rows.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS pg_trgm;
    EXECUTE 'CREATE INDEX crm_client_short_key_trgm_ix ON crm_client USING gin (short_key gin_trgm_ops)';
    EXECUTE 'CREATE INDEX crm_client_full_key_trgm_ix ON crm_client USING gin (full_key gin_trgm_ops)';
EXCEPTION WHEN insufficient_privilege OR undefined_file OR feature_not_supported THEN
    RAISE NOTICE 'pg_trgm is not available (%); name fragment search will scan', SQLERRM;
END
$$;
