package tp

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/ceas-eu/ceas/internal/names"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// row is a registration as stored.
type row struct {
	Registration
	HouseholdHead string
	PermitUntil   string
}

const regColumns = `id, owner_org, COALESCE(external_id, ''), status, ground, person, registered_on, address, locality,
	postcode, region, household_head, relationship, unaccompanied, permit, rights, deregistered_on, dereg_reason,
	erased_at, version, created_at, updated_at`

func scanRegistration(sc interface{ Scan(...any) error }) (Registration, error) {
	var r Registration
	var person, permit, rights string
	var erased sql.NullTime
	err := sc.Scan(&r.ID, &r.State, &r.ExternalID, &r.Status, &r.Ground, &person, &r.RegisteredOn, &r.Address,
		&r.Locality, &r.Postcode, &r.Region, &r.Household.HeadID, &r.Household.Relationship, &r.Unaccompanied,
		&permit, &rights, &r.DeregisteredOn, &r.DeregReason, &erased, &r.Version, &r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return r, err
	}
	r.Erased = erased.Valid
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	if err := json.Unmarshal([]byte(person), &r.Person); err != nil {
		return r, fmt.Errorf("tp: decode person of %s: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(permit), &r.Permit); err != nil {
		return r, fmt.Errorf("tp: decode permit of %s: %w", r.ID, err)
	}
	if err := json.Unmarshal([]byte(rights), &r.Rights); err != nil {
		return r, fmt.Errorf("tp: decode rights of %s: %w", r.ID, err)
	}
	return r, nil
}

func getRegistration(ctx context.Context, q sqldb.Querier, id string) (Registration, error) {
	r, err := scanRegistration(q.QueryRowContext(ctx, `SELECT `+regColumns+` FROM tp_registrations WHERE id = $1`, id))
	if sqldb.IsNoRows(err) {
		return r, errs.NotFound("registration not found")
	}
	if err != nil {
		return r, fmt.Errorf("tp: get registration %s: %w", id, err)
	}
	return r, nil
}

func getByExternal(ctx context.Context, q sqldb.Querier, org, ext string) (Registration, bool, error) {
	r, err := scanRegistration(q.QueryRowContext(ctx, `SELECT `+regColumns+` FROM tp_registrations
		WHERE owner_org = $1 AND external_id = $2`, org, ext))
	if sqldb.IsNoRows(err) {
		return r, false, nil
	}
	if err != nil {
		return r, false, fmt.Errorf("tp: get registration %s/%s: %w", org, ext, err)
	}
	return r, true, nil
}

// nullable turns "" into NULL so registrations without an external id do not collide on
// the unique index.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("tp: encode %T: %v", v, err)) // plain structs always encode
	}
	return string(b)
}

func rightsText(r []string) string {
	if r == nil {
		r = []string{}
	}
	return jsonText(r)
}

func insertRegistration(ctx context.Context, tx *txn, r *Registration) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO tp_registrations (id, owner_org, external_id, status, ground, person,
		name_keys, date_of_birth, nationality, registered_on, address, locality, postcode, region, household_head,
		relationship, unaccompanied, permit, permit_until, rights, deregistered_on, dereg_reason, legal_hold, version,
		created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $22, $23, FALSE, 1, $21, $21)`,
		r.ID, r.State, nullable(r.ExternalID), r.Status, r.Ground, jsonText(r.Person), nameKeys(&r.Person),
		r.Person.DateOfBirth, r.Person.Nationality, r.RegisteredOn, r.Address, r.Locality, r.Postcode, r.Region,
		r.Household.HeadID, r.Household.Relationship, r.Unaccompanied, jsonText(r.Permit), permitUntil(r.Permit),
		rightsText(r.Rights), sqldb.UTC(r.CreatedAt), r.DeregisteredOn, r.DeregReason)
	if err != nil {
		if sqldb.IsUniqueViolation(err) {
			return errs.Conflict("a registration with external_id %q already exists", r.ExternalID)
		}
		return fmt.Errorf("tp: insert registration: %w", err)
	}
	if err := insertNameKeys(ctx, tx, r, false); err != nil {
		return err
	}
	return insertDocuments(ctx, tx, r, false)
}

// insertNameKeys stores the name keys of r one per row (tp_name_keys, which the name
// search seeks), replacing the old ones of a changed registration.
func insertNameKeys(ctx context.Context, tx *txn, r *Registration, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tp_name_keys WHERE registration_id = $1`, r.ID); err != nil {
			return fmt.Errorf("tp: clear name keys: %w", err)
		}
	}
	for _, k := range strings.Fields(nameKeys(&r.Person)) {
		_, err := tx.ExecContext(ctx, `INSERT INTO tp_name_keys (owner_org, key, registration_id) VALUES ($1, $2, $3)`,
			r.State, k, r.ID)
		if err != nil {
			return fmt.Errorf("tp: insert name key: %w", err)
		}
	}
	return nil
}

// insertDocuments stores the searchable document numbers of r, replacing the old ones of a
// changed registration.
func insertDocuments(ctx context.Context, tx *txn, r *Registration, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM tp_documents WHERE registration_id = $1`, r.ID); err != nil {
			return fmt.Errorf("tp: clear documents: %w", err)
		}
	}
	seen := map[string]bool{}
	for _, d := range r.Person.Documents {
		if seen[d.Number] {
			continue
		}
		seen[d.Number] = true
		_, err := tx.ExecContext(ctx, `INSERT INTO tp_documents (registration_id, owner_org, number) VALUES ($1, $2, $3)`,
			r.ID, r.State, d.Number)
		if err != nil {
			return fmt.Errorf("tp: insert document: %w", err)
		}
	}
	return nil
}

// updateRegistration writes every mutable column of r and bumps its version; it fails with
// Conflict when the stored version is not r.Version (a concurrent change).
func updateRegistration(ctx context.Context, tx *txn, r *Registration, now time.Time) error {
	res, err := tx.ExecContext(ctx, `UPDATE tp_registrations SET status = $1, ground = $2, person = $3, name_keys = $4,
		date_of_birth = $5, nationality = $6, registered_on = $7, address = $8, locality = $9, postcode = $10,
		region = $11, household_head = $12, relationship = $13, unaccompanied = $14, permit = $15, permit_until = $16,
		rights = $17, deregistered_on = $18, dereg_reason = $19, version = version + 1, updated_at = $20
		WHERE id = $21 AND version = $22`,
		r.Status, r.Ground, jsonText(r.Person), nameKeys(&r.Person), r.Person.DateOfBirth, r.Person.Nationality,
		r.RegisteredOn, r.Address, r.Locality, r.Postcode, r.Region, r.Household.HeadID, r.Household.Relationship,
		r.Unaccompanied, jsonText(r.Permit), permitUntil(r.Permit), rightsText(r.Rights), r.DeregisteredOn,
		r.DeregReason, sqldb.UTC(now), r.ID, r.Version)
	if err != nil {
		return fmt.Errorf("tp: update registration %s: %w", r.ID, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errs.Conflict("registration %s was changed by someone else; reload it", r.ID)
	}
	r.Version++
	r.UpdatedAt = sqldb.UTC(now)
	if err := insertNameKeys(ctx, tx, r, true); err != nil {
		return err
	}
	return insertDocuments(ctx, tx, r, true)
}

// permitUntil is the last validity date of a permit, following its extensions.
func permitUntil(p ResidencePermit) string {
	until := p.ValidUntil
	for _, e := range p.Extensions {
		if e.ValidUntil > until {
			until = e.ValidUntil
		}
	}
	return until
}

// nameKeys is the search column: every transliteration key of every name token in both
// scripts, space separated and padded, so "% key %" finds a name written in any script.
func nameKeys(p *PersonRecord) string {
	var keys []string
	for _, n := range []string{p.Surname, p.GivenName, p.Patronymic, p.SurnameCyrillic, p.GivenNameCyrillic,
		p.PatronymicCyrillic} {
		for _, t := range names.Tokens(names.Clean(n)) {
			for _, k := range names.Keys(t) {
				k = keyText(k)
				if !containsString(keys, k) {
					keys = append(keys, k)
				}
			}
		}
	}
	if len(keys) == 0 {
		return ""
	}
	return " " + strings.Join(keys, " ") + " "
}

// keyText spells the two capital sounds of the name keys (S, T) as digits, so a LIKE that
// SQLite compares case-insensitively cannot confuse them with s and t.
func keyText(k string) string { return keyReplacer.Replace(k) }

var keyReplacer = strings.NewReplacer("S", "5", "T", "7")

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func jsonDecode(s string, v any) error {
	if err := json.Unmarshal([]byte(s), v); err != nil {
		return fmt.Errorf("tp: decode %T: %w", v, err)
	}
	return nil
}

// knownExternal returns which of ids the state already holds, in one query per batch.
func knownExternal(ctx context.Context, q sqldb.Querier, org string, ids []string) (map[string]bool, error) {
	known := map[string]bool{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		args := []any{org}
		marks := make([]string, len(chunk))
		for i, id := range chunk {
			args = append(args, id)
			marks[i] = "$" + strconv.Itoa(i+2)
		}
		rows, err := q.QueryContext(ctx, `SELECT external_id FROM tp_registrations WHERE owner_org = $1
			AND external_id IN (`+strings.Join(marks, ", ")+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("tp: known external ids: %w", err)
		}
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			known[id] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return known, nil
}
