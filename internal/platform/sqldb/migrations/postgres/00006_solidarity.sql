-- +goose Up
-- Solidarity: the ledger of each cycle (participants, pledges by form, needs, offsets and
-- deductions), the relocation candidates owned by their beneficiary state with their steps,
-- every matching run with its inputs and result (replayable), and the transfers. Civil dates
-- are TEXT 'YYYY-MM-DD' on both engines; structured parts are JSON in TEXT.
CREATE TABLE solidarity_cycles (
    id                  TEXT PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    regime              TEXT NOT NULL,
    starts_on           TEXT NOT NULL,
    ends_on             TEXT NOT NULL,
    relocation_target   BIGINT NOT NULL,
    financial_floor_eur BIGINT NOT NULL DEFAULT 0,
    eur_per_relocation  BIGINT NOT NULL DEFAULT 0,
    created_at          TIMESTAMPTZ NOT NULL
);

CREATE TABLE solidarity_participants (
    cycle_id  TEXT NOT NULL REFERENCES solidarity_cycles(id),
    state     TEXT NOT NULL,
    role      TEXT NOT NULL,
    joined_on TEXT NOT NULL,
    PRIMARY KEY (cycle_id, state)
);

CREATE TABLE solidarity_pledges (
    id          TEXT PRIMARY KEY,
    cycle_id    TEXT NOT NULL REFERENCES solidarity_cycles(id),
    state       TEXT NOT NULL,
    form        TEXT NOT NULL,
    relocations BIGINT NOT NULL DEFAULT 0,
    amount_eur  BIGINT NOT NULL DEFAULT 0,
    paid_eur    BIGINT NOT NULL DEFAULT 0,
    status      TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    detail_json TEXT NOT NULL DEFAULT '{}',
    synthetic   BOOLEAN NOT NULL DEFAULT FALSE,
    pledged_on  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX solidarity_pledges_cycle ON solidarity_pledges(cycle_id, state);

CREATE TABLE solidarity_needs (
    id          TEXT PRIMARY KEY,
    cycle_id    TEXT NOT NULL REFERENCES solidarity_cycles(id),
    state       TEXT NOT NULL,
    relocations BIGINT NOT NULL,
    declared_on TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX solidarity_needs_cycle ON solidarity_needs(cycle_id, state);

CREATE TABLE solidarity_offsets (
    id          TEXT PRIMARY KEY,
    cycle_id    TEXT NOT NULL REFERENCES solidarity_cycles(id),
    state       TEXT NOT NULL,
    kind        TEXT NOT NULL,
    relocations BIGINT NOT NULL DEFAULT 0,
    amount_eur  BIGINT NOT NULL DEFAULT 0,
    reason      TEXT NOT NULL,
    granted_on  TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX solidarity_offsets_cycle ON solidarity_offsets(cycle_id, state);

CREATE TABLE solidarity_candidates (
    id            TEXT PRIMARY KEY,
    owner_org     TEXT NOT NULL,
    cycle_id      TEXT NOT NULL REFERENCES solidarity_cycles(id),
    ref           TEXT NOT NULL,
    nationality   TEXT NOT NULL,
    size          BIGINT NOT NULL,
    vulnerable    BOOLEAN NOT NULL DEFAULT FALSE,
    eligible      BOOLEAN NOT NULL DEFAULT TRUE,
    step          TEXT NOT NULL,
    step_on       TEXT NOT NULL,
    matched_state TEXT NOT NULL DEFAULT '',
    matched_place TEXT NOT NULL DEFAULT '',
    run_id        TEXT NOT NULL DEFAULT '',
    profile_json  TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX solidarity_candidates_ref ON solidarity_candidates(owner_org, cycle_id, ref);
CREATE INDEX solidarity_candidates_step ON solidarity_candidates(cycle_id, step);
CREATE INDEX solidarity_candidates_matched ON solidarity_candidates(matched_state, step);

CREATE TABLE solidarity_candidate_steps (
    id           TEXT PRIMARY KEY,
    candidate_id TEXT NOT NULL REFERENCES solidarity_candidates(id),
    step         TEXT NOT NULL,
    on_date      TEXT NOT NULL,
    actor        TEXT NOT NULL,
    actor_org    TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX solidarity_candidate_steps_candidate ON solidarity_candidate_steps(candidate_id, created_at);

CREATE TABLE solidarity_runs (
    id             TEXT PRIMARY KEY,
    cycle_id       TEXT NOT NULL REFERENCES solidarity_cycles(id),
    status         TEXT NOT NULL,
    created_by     TEXT NOT NULL,
    created_org    TEXT NOT NULL,
    instance_json  TEXT NOT NULL,
    overrides_json TEXT NOT NULL,
    result_json    TEXT NOT NULL,
    objective      TEXT NOT NULL,
    bound          TEXT NOT NULL,
    gap            TEXT NOT NULL,
    cases          BIGINT NOT NULL,
    placed         BIGINT NOT NULL,
    accepted_by    TEXT NOT NULL DEFAULT '',
    accepted_at    TIMESTAMPTZ,
    created_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX solidarity_runs_cycle ON solidarity_runs(cycle_id, created_at);

CREATE TABLE solidarity_transfers (
    id             TEXT PRIMARY KEY,
    cycle_id       TEXT NOT NULL REFERENCES solidarity_cycles(id),
    candidate_id   TEXT NOT NULL REFERENCES solidarity_candidates(id),
    candidate_ref  TEXT NOT NULL,
    from_state     TEXT NOT NULL,
    to_state       TEXT NOT NULL,
    persons        BIGINT NOT NULL,
    status         TEXT NOT NULL,
    scheduled_on   TEXT NOT NULL,
    carried_out_on TEXT,
    closed_on      TEXT,
    reason         TEXT NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX solidarity_transfers_cycle ON solidarity_transfers(cycle_id, status);
CREATE INDEX solidarity_transfers_candidate ON solidarity_transfers(candidate_id);

-- +goose Down
DROP TABLE solidarity_transfers;
DROP TABLE solidarity_runs;
DROP TABLE solidarity_candidate_steps;
DROP TABLE solidarity_candidates;
DROP TABLE solidarity_offsets;
DROP TABLE solidarity_needs;
DROP TABLE solidarity_pledges;
DROP TABLE solidarity_participants;
DROP TABLE solidarity_cycles;
