-- +goose Up
-- Dublin: a unit's cases (the case file as JSON plus the columns lists and jobs filter on),
-- the take charge / take back requests shared between the requesting and the requested
-- state, and each case's event log. Civil dates are TEXT 'YYYY-MM-DD' on both engines.
CREATE TABLE dublin_cases (
    id                 TEXT PRIMARY KEY,
    owner_org          TEXT NOT NULL,
    applicant_ref      TEXT NOT NULL,
    origin             TEXT NOT NULL,
    lodged_on          TEXT NOT NULL,
    stage              TEXT NOT NULL,
    closed_stage       TEXT NOT NULL DEFAULT '',
    responsible_state  TEXT NOT NULL DEFAULT '',
    basis              TEXT NOT NULL DEFAULT '',
    next_deadline      TEXT,
    next_deadline_kind TEXT NOT NULL DEFAULT '',
    case_json          TEXT NOT NULL,
    determination_json TEXT NOT NULL DEFAULT '{}',
    evaluated_at       TIMESTAMPTZ,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
CREATE INDEX dublin_cases_owner ON dublin_cases(owner_org, id);
CREATE INDEX dublin_cases_ref ON dublin_cases(owner_org, applicant_ref);
CREATE INDEX dublin_cases_deadline ON dublin_cases(owner_org, next_deadline);
CREATE INDEX dublin_cases_stage ON dublin_cases(stage);

CREATE TABLE dublin_requests (
    id                   TEXT PRIMARY KEY,
    case_id              TEXT NOT NULL REFERENCES dublin_cases(id),
    type                 TEXT NOT NULL,
    requesting_state     TEXT NOT NULL,
    requested_state      TEXT NOT NULL,
    applicant_ref        TEXT NOT NULL,
    basis                TEXT NOT NULL DEFAULT '',
    evidence_summary     TEXT NOT NULL DEFAULT '',
    urgent               BOOLEAN NOT NULL DEFAULT FALSE,
    based_on_eurodac_hit BOOLEAN NOT NULL DEFAULT FALSE,
    sent_on              TEXT NOT NULL,
    received_on          TEXT NOT NULL,
    reply_deadline       TEXT,
    reply_decision       TEXT NOT NULL DEFAULT '',
    reply_on             TEXT,
    reply_reasons        TEXT NOT NULL DEFAULT '',
    implicit_acceptance  BOOLEAN NOT NULL DEFAULT FALSE,
    acceptance_date      TEXT,
    reexam_requested_on  TEXT,
    reexam_decision      TEXT NOT NULL DEFAULT '',
    reexam_on            TEXT,
    transfer_deadline    TEXT,
    transfer_status      TEXT NOT NULL DEFAULT '',
    transfer_on          TEXT,
    status               TEXT NOT NULL,
    active               BOOLEAN NOT NULL DEFAULT TRUE,
    created_at           TIMESTAMPTZ NOT NULL,
    updated_at           TIMESTAMPTZ NOT NULL
);
CREATE INDEX dublin_requests_incoming ON dublin_requests(requested_state, id);
CREATE INDEX dublin_requests_outgoing ON dublin_requests(requesting_state, id);
CREATE INDEX dublin_requests_case ON dublin_requests(case_id);

CREATE TABLE dublin_events (
    id         TEXT PRIMARY KEY,
    case_id    TEXT NOT NULL REFERENCES dublin_cases(id),
    owner_org  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    on_date    TEXT NOT NULL,
    stage      TEXT NOT NULL,
    detail     TEXT NOT NULL DEFAULT '{}',
    actor      TEXT NOT NULL,
    actor_org  TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX dublin_events_case ON dublin_events(case_id, id);

-- +goose Down
DROP TABLE dublin_events;
DROP TABLE dublin_requests;
DROP TABLE dublin_cases;
