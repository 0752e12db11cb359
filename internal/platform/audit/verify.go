package audit

import (
	"context"
	"fmt"
)

// VerifyResult tells how much of the chain was checked and where it first breaks.
type VerifyResult struct {
	Checked     int64  `json:"checked"`
	OK          bool   `json:"ok"`
	FirstBroken int64  `json:"first_broken,omitempty"`
	Reason      string `json:"reason,omitempty"`
}

// Verify recomputes the whole chain in order. It finds an edited entry (its hash no longer
// matches), a deleted entry (a gap in the sequence or a broken link), an inserted entry (a
// broken link) and a truncated tail (the head no longer matches the last entry).
func (l *Log) Verify(ctx context.Context, progress func(checked int64)) (VerifyResult, error) {
	var headSeq int64
	var headHash string
	if err := l.db.Reader().QueryRowContext(ctx, `SELECT seq, hash FROM audit_head WHERE id = 1`).Scan(&headSeq, &headHash); err != nil {
		return VerifyResult{}, fmt.Errorf("audit: read head: %w", err)
	}
	res := VerifyResult{OK: true}
	prevHash, expect := "", int64(1)
	const batch = 5000
	for {
		entries, err := l.scanFrom(ctx, expect-1, batch)
		if err != nil {
			return res, err
		}
		for i := range entries {
			e := &entries[i]
			if reason := check(e, expect, prevHash); reason != "" {
				return broken(res, expect, reason), nil
			}
			prevHash, expect = e.Hash, expect+1
			res.Checked++
		}
		if progress != nil {
			progress(res.Checked)
		}
		if len(entries) < batch {
			break
		}
	}
	switch {
	case res.Checked != headSeq:
		return broken(res, res.Checked+1, fmt.Sprintf("log ends at %d but the head records %d entries: entries were deleted", res.Checked, headSeq)), nil
	case prevHash != headHash:
		return broken(res, res.Checked, "last entry's hash differs from the head"), nil
	}
	return res, nil
}

func check(e *Entry, expect int64, prevHash string) string {
	switch {
	case e.Seq != expect:
		return fmt.Sprintf("expected entry %d, found %d: entries were deleted", expect, e.Seq)
	case e.PrevHash != prevHash:
		return "link to the previous entry is broken"
	case e.computeHash() != e.Hash:
		return "content does not match its hash: the entry was edited"
	}
	return ""
}

func broken(res VerifyResult, seq int64, reason string) VerifyResult {
	res.OK, res.FirstBroken, res.Reason = false, seq, reason
	return res
}
