-- +goose Up
-- Authentication: user listings page by organisation and username; OIDC logins in flight
-- keep their state, nonce and PKCE verifier here (not in a cookie) so any replica can finish
-- the flow and each state is used once.
CREATE INDEX users_org_username ON users(org, username);

CREATE TABLE login_flows (
    state_hash TEXT PRIMARY KEY,
    nonce      TEXT NOT NULL,
    verifier   TEXT NOT NULL,
    next_path  TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX login_flows_expiry ON login_flows(expires_at);

-- +goose Down
DROP TABLE login_flows;
DROP INDEX users_org_username;
