-- +goose Up
-- Temporary protection registration platform (Directive 2001/55/EC, Decision 2022/382).
-- Civil dates are TEXT 'YYYY-MM-DD' (partial dates of birth 'YYYY' or 'YYYY-MM') in both
-- dialects. person, permit and rights are JSON documents; the columns beside them hold what
-- is searched or counted. A registration erased after its retention period keeps its row with
-- the personal data removed, so anonymous counts survive (GDPR Art 5(1)(e)).
CREATE TABLE tp_registrations (
    id              TEXT PRIMARY KEY,
    owner_org       TEXT NOT NULL,
    external_id     TEXT,
    status          TEXT NOT NULL,
    ground          TEXT NOT NULL,
    person          TEXT NOT NULL,
    name_keys       TEXT NOT NULL,
    date_of_birth   TEXT NOT NULL,
    nationality     TEXT NOT NULL,
    registered_on   TEXT NOT NULL,
    address         TEXT NOT NULL,
    locality        TEXT NOT NULL,
    postcode        TEXT NOT NULL,
    region          TEXT NOT NULL,
    household_head  TEXT NOT NULL,
    relationship    TEXT NOT NULL,
    unaccompanied   BOOLEAN NOT NULL DEFAULT FALSE,
    permit          TEXT NOT NULL,
    permit_until    TEXT NOT NULL,
    rights          TEXT NOT NULL,
    deregistered_on TEXT NOT NULL,
    dereg_reason    TEXT NOT NULL,
    legal_hold      BOOLEAN NOT NULL DEFAULT FALSE,
    erased_at       TIMESTAMPTZ,
    version         BIGINT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX tp_registrations_external ON tp_registrations(owner_org, external_id);
CREATE INDEX tp_registrations_org_dob ON tp_registrations(owner_org, date_of_birth);
CREATE INDEX tp_registrations_org_status ON tp_registrations(owner_org, status);
CREATE INDEX tp_registrations_dereg ON tp_registrations(status, deregistered_on);

CREATE TABLE tp_documents (
    registration_id TEXT NOT NULL,
    owner_org       TEXT NOT NULL,
    number          TEXT NOT NULL,
    PRIMARY KEY (registration_id, number)
);
CREATE INDEX tp_documents_number ON tp_documents(owner_org, number);

-- History: every transition with its date, reason and actor.
CREATE TABLE tp_events (
    id              TEXT PRIMARY KEY,
    registration_id TEXT NOT NULL,
    owner_org       TEXT NOT NULL,
    at              TIMESTAMPTZ NOT NULL,
    on_date         TEXT NOT NULL,
    kind            TEXT NOT NULL,
    from_status     TEXT NOT NULL,
    to_status       TEXT NOT NULL,
    reason          TEXT NOT NULL,
    actor           TEXT NOT NULL,
    detail          TEXT NOT NULL
);
CREATE INDEX tp_events_registration ON tp_events(registration_id, at);

-- Cross-state hits. pair_key (the two registration ids in order) is unique: a pair decided
-- "different persons" is remembered and never raised again.
CREATE TABLE tp_reviews (
    id             TEXT PRIMARY KEY,
    pair_key       TEXT NOT NULL UNIQUE,
    reg_a          TEXT NOT NULL,
    org_a          TEXT NOT NULL,
    reg_b          TEXT NOT NULL,
    org_b          TEXT NOT NULL,
    outcome        TEXT NOT NULL,
    probability    DOUBLE PRECISION NOT NULL,
    explanation    TEXT NOT NULL,
    status         TEXT NOT NULL,
    reason         TEXT NOT NULL,
    decided_by     TEXT NOT NULL,
    decided_org    TEXT NOT NULL,
    decided_at     TIMESTAMPTZ,
    confirm_reg    TEXT NOT NULL,
    confirm_org    TEXT NOT NULL,
    confirm_due    TEXT NOT NULL,
    confirmed_on   TEXT NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX tp_reviews_a ON tp_reviews(org_a, status);
CREATE INDEX tp_reviews_b ON tp_reviews(org_b, status);
CREATE INDEX tp_reviews_reg_a ON tp_reviews(reg_a);
CREATE INDEX tp_reviews_reg_b ON tp_reviews(reg_b);

-- Bulk imports: progress is committed with each batch so a crashed import resumes after the
-- last committed line; rejected rows are kept with their line numbers for the report.
CREATE TABLE tp_imports (
    id          TEXT PRIMARY KEY,
    owner_org   TEXT NOT NULL,
    source      TEXT NOT NULL,
    status      TEXT NOT NULL,
    lines_done  BIGINT NOT NULL,
    accepted    BIGINT NOT NULL,
    rejected    BIGINT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX tp_imports_source ON tp_imports(owner_org, source);

CREATE TABLE tp_import_rejects (
    import_id TEXT NOT NULL,
    line      BIGINT NOT NULL,
    errors    TEXT NOT NULL,
    PRIMARY KEY (import_id, line)
);

-- +goose Down
DROP TABLE tp_import_rejects;
DROP TABLE tp_imports;
DROP TABLE tp_reviews;
DROP TABLE tp_events;
DROP TABLE tp_documents;
DROP TABLE tp_registrations;
