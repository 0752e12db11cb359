-- +goose Up
-- Temporary protection performance (issue 4). Name search by key: one row per name key of
-- a registration (the keys of tp_registrations.name_keys), so a search seeks the index
-- instead of scanning a state's registrations with LIKE '% key %'. Covering indexes for
-- the dashboard's GROUP BY queries, which otherwise read every registration's row.
CREATE TABLE tp_name_keys (
    owner_org       TEXT NOT NULL,
    key             TEXT NOT NULL,
    registration_id TEXT NOT NULL REFERENCES tp_registrations(id) ON DELETE CASCADE,
    PRIMARY KEY (owner_org, key, registration_id)
);
CREATE INDEX tp_name_keys_registration ON tp_name_keys(registration_id);

-- +goose StatementBegin
INSERT INTO tp_name_keys (owner_org, key, registration_id)
WITH RECURSIVE split(id, org, rest, k) AS (
    SELECT id, owner_org, ltrim(name_keys, ' '), '' FROM tp_registrations WHERE name_keys <> ''
    UNION ALL
    SELECT id, org, substr(rest, instr(rest, ' ') + 1), substr(rest, 1, instr(rest, ' ') - 1)
    FROM split WHERE rest <> '' AND instr(rest, ' ') > 0
)
SELECT DISTINCT org, k, id FROM split WHERE k <> '';
-- +goose StatementEnd

CREATE INDEX tp_registrations_org_status_reason ON tp_registrations(owner_org, status, dereg_reason);
CREATE INDEX tp_registrations_org_registered ON tp_registrations(owner_org, registered_on);
CREATE INDEX tp_reviews_orgs_status ON tp_reviews(org_a, org_b, status);

-- +goose Down
DROP INDEX tp_reviews_orgs_status;
DROP INDEX tp_registrations_org_registered;
DROP INDEX tp_registrations_org_status_reason;
DROP TABLE tp_name_keys;
