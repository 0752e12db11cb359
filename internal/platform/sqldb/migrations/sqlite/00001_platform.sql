-- +goose Up
-- Reference data: states and bodies that users belong to, and countries for nationalities.
CREATE TABLE organisations (
    code            TEXT PRIMARY KEY,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('member_state', 'associated_state', 'eu_body')),
    applies_dublin  BOOLEAN NOT NULL DEFAULT FALSE,
    applies_eurodac BOOLEAN NOT NULL DEFAULT FALSE,
    tp_regime       TEXT NOT NULL DEFAULT 'none' CHECK (tp_regime IN ('directive', 'national', 'none')),
    schengen        BOOLEAN NOT NULL DEFAULT FALSE,
    population      BIGINT NOT NULL DEFAULT 0,
    gdp_musd        BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE countries (
    code   TEXT PRIMARY KEY,
    alpha3 TEXT NOT NULL UNIQUE,
    name   TEXT NOT NULL
);

CREATE TABLE users (
    id             TEXT PRIMARY KEY,
    org            TEXT NOT NULL REFERENCES organisations(code),
    username       TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    password_hash  TEXT NOT NULL DEFAULT '',
    oidc_subject   TEXT UNIQUE,
    disabled       BOOLEAN NOT NULL DEFAULT FALSE,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL
);

CREATE TABLE user_roles (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    role    TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE sessions (
    token_hash   TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
    id           TEXT PRIMARY KEY,
    org          TEXT NOT NULL REFERENCES organisations(code),
    name         TEXT NOT NULL,
    token_hash   TEXT NOT NULL UNIQUE,
    roles        TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP,
    last_used_at TIMESTAMP,
    revoked_at   TIMESTAMP
);
CREATE INDEX api_tokens_org ON api_tokens(org);

-- The audit log is append-only and hash-chained: audit_head holds the last sequence number
-- and hash, and its single row is locked by every append so the chain never forks.
CREATE TABLE audit_head (
    id   INTEGER PRIMARY KEY CHECK (id = 1),
    seq  BIGINT NOT NULL,
    hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');

CREATE TABLE audit_log (
    seq         BIGINT PRIMARY KEY,
    at          TIMESTAMP NOT NULL,
    actor       TEXT NOT NULL,
    actor_org   TEXT NOT NULL,
    actor_kind  TEXT NOT NULL,
    action      TEXT NOT NULL,
    object_type TEXT NOT NULL,
    object_id   TEXT NOT NULL,
    owner_org   TEXT NOT NULL,
    purpose     TEXT NOT NULL,
    outcome     TEXT NOT NULL,
    detail      TEXT NOT NULL,
    request_id  TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
CREATE INDEX audit_log_actor ON audit_log(actor, seq);
CREATE INDEX audit_log_object ON audit_log(object_type, object_id, seq);
CREATE INDEX audit_log_owner ON audit_log(owner_org, seq);

-- Outbox: events written with the change they describe, delivered later by a worker.
CREATE TABLE outbox_events (
    id         TEXT PRIMARY KEY,
    topic      TEXT NOT NULL,
    org        TEXT NOT NULL,
    subject    TEXT NOT NULL,
    payload    TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    dispatched BOOLEAN NOT NULL DEFAULT FALSE
);
CREATE INDEX outbox_events_pending ON outbox_events(dispatched, id);

CREATE TABLE webhooks (
    id         TEXT PRIMARY KEY,
    org        TEXT NOT NULL REFERENCES organisations(code),
    url        TEXT NOT NULL,
    secret     TEXT NOT NULL,
    topics     TEXT NOT NULL,
    active     BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL
);

CREATE TABLE webhook_deliveries (
    id              TEXT PRIMARY KEY,
    webhook_id      TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
    event_id        TEXT NOT NULL REFERENCES outbox_events(id),
    status          TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP NOT NULL,
    last_error      TEXT NOT NULL DEFAULT '',
    delivered_at    TIMESTAMP,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);

-- Inbox: notifications shown to the users of an organisation (a hit, a request received).
CREATE TABLE notifications (
    id         TEXT PRIMARY KEY,
    org        TEXT NOT NULL REFERENCES organisations(code),
    topic      TEXT NOT NULL,
    title      TEXT NOT NULL,
    link       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    read_at    TIMESTAMP
);
CREATE INDEX notifications_org ON notifications(org, id);

-- Durable jobs: scheduled work run by whichever replica holds the lease.
CREATE TABLE jobs (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL,
    dedupe_key  TEXT NOT NULL,
    payload     TEXT NOT NULL,
    run_at      TIMESTAMP NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    lease_owner TEXT NOT NULL DEFAULT '',
    lease_until TIMESTAMP,
    last_error  TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    UNIQUE (kind, dedupe_key)
);
CREATE INDEX jobs_due ON jobs(status, run_at);

-- Idempotency keys of API writes: the same key with the same body replays the answer.
CREATE TABLE idempotency_keys (
    principal  TEXT NOT NULL,
    key        TEXT NOT NULL,
    method     TEXT NOT NULL,
    path       TEXT NOT NULL,
    body_hash  TEXT NOT NULL,
    status     INTEGER NOT NULL,
    response   TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    PRIMARY KEY (principal, key)
);

-- +goose Down
DROP TABLE idempotency_keys;
DROP TABLE jobs;
DROP TABLE notifications;
DROP TABLE webhook_deliveries;
DROP TABLE webhooks;
DROP TABLE outbox_events;
DROP TABLE audit_log;
DROP TABLE audit_head;
DROP TABLE api_tokens;
DROP TABLE sessions;
DROP TABLE user_roles;
DROP TABLE users;
DROP TABLE countries;
DROP TABLE organisations;
