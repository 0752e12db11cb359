package api

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"github.com/ceas-eu/ceas/internal/platform/authz"
	"github.com/ceas-eu/ceas/internal/platform/clock"
	"github.com/ceas-eu/ceas/internal/platform/sqldb"
)

// HeaderIdempotencyKey is the request header that makes a write safe to retry.
const HeaderIdempotencyKey = "Idempotency-Key"

// Idempotency replays the stored answer when a caller repeats a write with the same
// Idempotency-Key and body, and refuses the key with a different body (422), so a national
// system that retries after a time-out never registers a person twice. Only successful
// answers are stored: a failed write may be retried with the same key.
func Idempotency(db *sqldb.DB, c clock.Clock, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get(HeaderIdempotencyKey)
		if key == "" || r.Method == http.MethodGet || r.Method == http.MethodHead || !strings.HasPrefix(r.URL.Path, Prefix+"/") {
			next.ServeHTTP(w, r)
			return
		}
		p := authz.FromContext(r.Context())
		if p.ID == "" || len(key) > 255 {
			next.ServeHTTP(w, r) // the operation answers 401 itself; an absurd key is ignored
			return
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			WriteProblem(w, http.StatusRequestEntityTooLarge, "request body too large or unreadable", "", "")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sum := sha256.Sum256(append([]byte(r.Method+" "+r.URL.Path+"\n"), body...))
		bodyHash := hex.EncodeToString(sum[:])
		var storedHash, response string
		var status int
		err = db.Reader().QueryRowContext(r.Context(), `SELECT body_hash, status, response FROM idempotency_keys
			WHERE principal = $1 AND key = $2`, p.ID, key).Scan(&storedHash, &status, &response)
		switch {
		case err == nil && storedHash != bodyHash:
			WriteProblem(w, http.StatusUnprocessableEntity, "this Idempotency-Key was used with a different request",
				"header.Idempotency-Key", "must be unique per request; reuse it only to retry the same request")
			return
		case err == nil:
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Idempotent-Replayed", "true")
			w.WriteHeader(status)
			_, _ = io.WriteString(w, response)
			return
		case !sqldb.IsNoRows(err):
			WriteProblem(w, http.StatusInternalServerError, "internal error", "", "")
			return
		}
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status >= 200 && rec.status < 300 {
			_, _ = db.Writer().ExecContext(r.Context(), `INSERT INTO idempotency_keys (principal, key, method, path, body_hash,
				status, response, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (principal, key) DO NOTHING`,
				p.ID, key, r.Method, r.URL.Path, bodyHash, rec.status, rec.buf.String(), sqldb.UTC(c.Now()))
		}
	})
}

// recorder copies a response while passing it through.
type recorder struct {
	http.ResponseWriter
	status int
	buf    bytes.Buffer
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	if r.buf.Len() < 1<<20 {
		r.buf.Write(b)
	}
	return r.ResponseWriter.Write(b)
}

// Problem is an RFC 9457 problem document, for answers written outside huma operations.
type Problem struct {
	Title  string          `json:"title"`
	Status int             `json:"status"`
	Detail string          `json:"detail,omitempty"`
	Errors []ProblemDetail `json:"errors,omitempty"`
}

// ProblemDetail names one offending location and the rule it breaks.
type ProblemDetail struct {
	Location string `json:"location"`
	Message  string `json:"message"`
}

// WriteProblem writes a problem+json answer; location and rule may be empty.
func WriteProblem(w http.ResponseWriter, status int, detail, location, rule string) {
	p := Problem{Title: http.StatusText(status), Status: status, Detail: detail}
	if location != "" {
		p.Errors = []ProblemDetail{{Location: location, Message: rule}}
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(p)
}
