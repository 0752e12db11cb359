-- +goose Up
-- Situational awareness (issue 6): aggregate observations with their revisions, the
-- early-warning rules coordinators configure, the alerts they raised, and the mark of data
-- not yet evaluated. Aggregates only: no row refers to a person. Civil dates are TEXT
-- 'YYYY-MM-DD' in both dialects; an empty dimension ('') is a total.
CREATE TABLE awareness_observations (
    id             TEXT PRIMARY KEY,
    series         TEXT NOT NULL,
    measure        TEXT NOT NULL,
    period_start   TEXT NOT NULL,
    period_end     TEXT NOT NULL,
    state          TEXT NOT NULL,
    route          TEXT NOT NULL,
    border_section TEXT NOT NULL,
    nationality    TEXT NOT NULL,
    unit           TEXT NOT NULL,
    revision       BIGINT NOT NULL,
    value          REAL NOT NULL,
    qualifier      TEXT NOT NULL,
    source         TEXT NOT NULL,
    synthetic      BOOLEAN NOT NULL DEFAULT FALSE,
    note           TEXT NOT NULL,
    owner_org      TEXT NOT NULL,
    imported_at    TIMESTAMP NOT NULL
);
-- One value per key and revision: a new revision is a new row, never an update.
CREATE UNIQUE INDEX awareness_observations_key ON awareness_observations
    (series, measure, period_start, period_end, state, route, border_section, nationality, unit, revision);
CREATE INDEX awareness_observations_period ON awareness_observations (series, period_start);

CREATE TABLE awareness_rules (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    spec       TEXT NOT NULL,
    notify     TEXT NOT NULL,
    enabled    BOOLEAN NOT NULL DEFAULT TRUE,
    created_by TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE awareness_alerts (
    id              TEXT PRIMARY KEY,
    rule_id         TEXT NOT NULL,
    rule_name       TEXT NOT NULL,
    kind            TEXT NOT NULL,
    week_start      TEXT NOT NULL,
    week_end        TEXT NOT NULL,
    value           REAL NOT NULL,
    reference       REAL NOT NULL,
    nationality     TEXT NOT NULL,
    message         TEXT NOT NULL,
    raised_at       TIMESTAMP NOT NULL,
    acknowledged_at TIMESTAMP,
    acknowledged_by TEXT NOT NULL,
    ack_note        TEXT NOT NULL
);
-- A rule fires at most once per week (and nationality): re-evaluating the same data is idempotent.
CREATE UNIQUE INDEX awareness_alerts_week ON awareness_alerts (rule_id, week_end, nationality);
CREATE INDEX awareness_alerts_open ON awareness_alerts (acknowledged_by, week_end);

-- The earliest period start of data imported since the last evaluation ('' when none).
CREATE TABLE awareness_eval (
    id         BIGINT PRIMARY KEY,
    dirty_from TEXT NOT NULL
);
INSERT INTO awareness_eval (id, dirty_from) VALUES (1, '');

-- +goose Down
DROP TABLE awareness_eval;
DROP TABLE awareness_alerts;
DROP TABLE awareness_rules;
DROP TABLE awareness_observations;
