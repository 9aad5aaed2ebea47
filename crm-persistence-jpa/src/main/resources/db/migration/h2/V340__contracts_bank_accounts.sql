-- Contracts and bank accounts of a client's card (issue 15). A contract number is unique per
-- client; main_client holds the client's id while the row is its main one (NULL otherwise), so the
-- unique key on it allows one main contract and one main account per client (NULLs never collide).
-- The unique keys lead with (tenant_id, client_id) and serve as the client's index.
CREATE TABLE crm_contract (
    tenant_id       VARCHAR(64)  NOT NULL,
    id              UUID         NOT NULL,
    client_id       UUID         NOT NULL,
    contract_number VARCHAR(50)  NOT NULL,
    contract_date   DATE         NOT NULL,
    currency        CHAR(3)      NOT NULL,
    kind            VARCHAR(30)  NOT NULL,
    contract_state  VARCHAR(20)  NOT NULL,
    main_client     UUID,
    version         BIGINT       NOT NULL,
    CONSTRAINT crm_contract_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_contract_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES crm_client (tenant_id, id),
    CONSTRAINT crm_contract_number_uq UNIQUE (tenant_id, client_id, contract_number),
    CONSTRAINT crm_contract_main_uq UNIQUE (tenant_id, main_client)
);

CREATE TABLE crm_bank_account (
    tenant_id             VARCHAR(64)  NOT NULL,
    id                    UUID         NOT NULL,
    client_id             UUID         NOT NULL,
    bic                   CHAR(9)      NOT NULL,
    account_number        CHAR(20)     NOT NULL,
    correspondent_account CHAR(20),
    bank_name             VARCHAR(200),
    main_client           UUID,
    version               BIGINT       NOT NULL,
    CONSTRAINT crm_bank_account_pk PRIMARY KEY (tenant_id, id),
    CONSTRAINT crm_bank_account_client_fk FOREIGN KEY (tenant_id, client_id) REFERENCES crm_client (tenant_id, id),
    CONSTRAINT crm_bank_account_number_uq UNIQUE (tenant_id, client_id, bic, account_number),
    CONSTRAINT crm_bank_account_main_uq UNIQUE (tenant_id, main_client)
);
