package awareness

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/ceas-eu/ceas/internal/platform/audit"
	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/errs"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// RuleConfig is a stored early-warning rule: the rule, whether the job evaluates it, and the
// organisations its alerts go to (inbox and webhooks, topic awareness.alert).
type RuleConfig struct {
	Rule
	Enabled   bool      `json:"enabled"`
	Notify    []string  `json:"notify"`
	CreatedBy string    `json:"created_by,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

var orgCode = regexp.MustCompile(`^[A-Z][A-Z0-9-]{1,19}$`)

// Validate checks the rule and the organisations to notify.
func (c RuleConfig) Validate() error {
	var v errs.Validation
	v.Merge("", c.Rule.Validate())
	v.Check(strings.TrimSpace(c.Name) != "" && isText(c.Name), "name", "is required, printable, at most 200 bytes")
	v.Check(len(c.Notify) <= 30, "notify", "at most 30 organisations")
	for i, o := range c.Notify {
		v.Check(orgCode.MatchString(o), fmt.Sprintf("notify[%d]", i), "must be an organisation code such as EC or DE")
	}
	v.Check(len(c.ID) <= 100 && isText(c.ID) && !strings.Contains(c.ID, "/"), "id", "at most 100 printable bytes, no /")
	return v.Err()
}

// DefaultNotify are the organisations the default rules alert: the Commission and the two
// agencies that sit in the Blueprint network (Recommendation (EU) 2020/1366, point 7).
func DefaultNotify() []string { return []string{"EC", "EUAA", "FRONTEX"} }

// Rules returns every stored rule, by id.
func (s *Service) Rules(ctx context.Context) ([]RuleConfig, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessRead); err != nil {
		return nil, err
	}
	return s.rules(ctx, s.db.Reader(), "")
}

// GetRule returns one rule.
func (s *Service) GetRule(ctx context.Context, id string) (RuleConfig, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessRead); err != nil {
		return RuleConfig{}, err
	}
	return s.rule(ctx, s.db.Reader(), id)
}

func (s *Service) rule(ctx context.Context, q sqldb.Querier, id string) (RuleConfig, error) {
	rs, err := s.rules(ctx, q, id)
	if err != nil {
		return RuleConfig{}, err
	}
	if len(rs) == 0 {
		return RuleConfig{}, errs.NotFound("rule %q not found", id)
	}
	return rs[0], nil
}

func (s *Service) rules(ctx context.Context, q sqldb.Querier, id string) ([]RuleConfig, error) {
	query := `SELECT spec, notify, enabled, created_by, updated_at FROM awareness_rules`
	var args []any
	if id != "" {
		query += ` WHERE id = $1`
		args = append(args, id)
	}
	rows, err := q.QueryContext(ctx, query+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("awareness: read rules: %w", err)
	}
	defer rows.Close()
	out := []RuleConfig{}
	for rows.Next() {
		var c RuleConfig
		var spec, notify string
		if err := rows.Scan(&spec, &notify, &c.Enabled, &c.CreatedBy, &c.UpdatedAt); err != nil {
			return nil, fmt.Errorf("awareness: read rules: %w", err)
		}
		if err := json.Unmarshal([]byte(spec), &c.Rule); err != nil {
			return nil, fmt.Errorf("awareness: rule spec: %w", err)
		}
		c.Notify = strings.Fields(notify)
		c.UpdatedAt = c.UpdatedAt.UTC()
		out = append(out, c)
	}
	return out, rows.Err()
}

// CreateRule stores a new rule (a coordinator's); an empty ID gets a new one. The rule is
// evaluated on the last eight weeks at the next run of the job; Backtest shows its history.
func (s *Service) CreateRule(ctx context.Context, c RuleConfig) (RuleConfig, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessManage); err != nil {
		return RuleConfig{}, err
	}
	if c.ID == "" {
		c.ID = uuid.Must(uuid.NewV7()).String()
	}
	if c.Notify == nil {
		c.Notify = []string{p.Org}
	}
	if err := c.Validate(); err != nil {
		return RuleConfig{}, err
	}
	c.CreatedBy, c.UpdatedAt = p.ID, sqldb.UTC(s.clock.Now())
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		if err := checkOrgs(ctx, tx, c.Notify); err != nil {
			return err
		}
		if err := s.insertRule(ctx, tx, c); err != nil {
			return err
		}
		return s.ruleChanged(ctx, tx, "awareness.rule.create", c)
	})
	return c, err
}

func (s *Service) insertRule(ctx context.Context, tx *sql.Tx, c RuleConfig) error {
	spec, err := json.Marshal(c.Rule)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO awareness_rules (id, name, kind, spec, notify, enabled, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)`, c.ID, c.Name, string(c.Kind), string(spec),
		strings.Join(c.Notify, " "), c.Enabled, c.CreatedBy, c.UpdatedAt)
	if sqldb.IsUniqueViolation(err) {
		return errs.Conflict("a rule with id %q exists", c.ID)
	}
	if err != nil {
		return fmt.Errorf("awareness: insert rule: %w", err)
	}
	return nil
}

// UpdateRule replaces the rule with id.
func (s *Service) UpdateRule(ctx context.Context, id string, c RuleConfig) (RuleConfig, error) {
	p := authz.FromContext(ctx)
	if err := authz.Require(p, authz.PermAwarenessManage); err != nil {
		return RuleConfig{}, err
	}
	c.ID = id
	if c.Notify == nil {
		c.Notify = []string{}
	}
	if err := c.Validate(); err != nil {
		return RuleConfig{}, err
	}
	c.UpdatedAt = sqldb.UTC(s.clock.Now())
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		old, err := s.rule(ctx, tx, id)
		if err != nil {
			return err
		}
		c.CreatedBy = old.CreatedBy
		if err := checkOrgs(ctx, tx, c.Notify); err != nil {
			return err
		}
		spec, err := json.Marshal(c.Rule)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, `UPDATE awareness_rules SET name = $2, kind = $3, spec = $4, notify = $5, enabled = $6,
			updated_at = $7 WHERE id = $1`, id, c.Name, string(c.Kind), string(spec), strings.Join(c.Notify, " "), c.Enabled, c.UpdatedAt)
		if err != nil {
			return fmt.Errorf("awareness: update rule: %w", err)
		}
		return s.ruleChanged(ctx, tx, "awareness.rule.update", c)
	})
	return c, err
}

// DeleteRule removes a rule; the alerts it raised stay.
func (s *Service) DeleteRule(ctx context.Context, id string) error {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessManage); err != nil {
		return err
	}
	return s.db.Tx(ctx, func(tx *sql.Tx) error {
		c, err := s.rule(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM awareness_rules WHERE id = $1`, id); err != nil {
			return fmt.Errorf("awareness: delete rule: %w", err)
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "awareness.rule.delete", ObjectType: "awareness_rule",
			ObjectID: id, OwnerOrg: authz.FromContext(ctx).Org, Detail: map[string]any{"name": c.Name}})
	})
}

// ruleChanged audits the change and asks the job to evaluate the last eight weeks.
func (s *Service) ruleChanged(ctx context.Context, tx *sql.Tx, action string, c RuleConfig) error {
	if err := markDirty(ctx, tx, DateOf(s.clock.Now()).AddDays(-56)); err != nil {
		return err
	}
	return s.audit.Record(ctx, tx, audit.Event{Action: action, ObjectType: "awareness_rule", ObjectID: c.ID,
		OwnerOrg: authz.FromContext(ctx).Org, Detail: map[string]any{"name": c.Name, "kind": string(c.Kind), "enabled": c.Enabled}})
}

// SeedDefaultRules stores DefaultRules, enabled and notifying DefaultNotify, where no rule
// with their id exists yet; running it again changes nothing.
func (s *Service) SeedDefaultRules(ctx context.Context) (int, error) {
	if err := authz.Require(authz.FromContext(ctx), authz.PermAwarenessIngest); err != nil {
		return 0, err
	}
	n := 0
	err := s.db.Tx(ctx, func(tx *sql.Tx) error {
		n = 0
		for _, r := range DefaultRules() {
			c := RuleConfig{Rule: r, Enabled: true, Notify: DefaultNotify(), CreatedBy: "system", UpdatedAt: sqldb.UTC(s.clock.Now())}
			if _, err := s.rule(ctx, tx, r.ID); err == nil {
				continue
			}
			if err := s.insertRule(ctx, tx, c); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return nil
		}
		return s.audit.Record(ctx, tx, audit.Event{Action: "awareness.rule.seed", ObjectType: "awareness_rule",
			ObjectID: "defaults", OwnerOrg: authz.FromContext(ctx).Org, Detail: map[string]any{"created": n}})
	})
	return n, err
}

// checkOrgs refuses organisations the platform does not know, whose inbox could not hold an alert.
func checkOrgs(ctx context.Context, q sqldb.Querier, orgs []string) error {
	var v errs.Validation
	for i, o := range orgs {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT COUNT(*) FROM organisations WHERE code = $1`, o).Scan(&n); err != nil {
			return fmt.Errorf("awareness: check organisation %s: %w", o, err)
		}
		v.Check(n == 1, fmt.Sprintf("notify[%d]", i), "unknown organisation "+o)
	}
	return v.Err()
}
