package synth

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Files written by WriteDir.
const (
	RecordsFile    = "records.csv"     // the registrations, without any ground truth
	TruthPairsFile = "truth_pairs.csv" // record_id_a,record_id_b (a < b): every pair of one person
	PersonsFile    = "persons.csv"     // record_id,person_id,hard
	HardPairsFile  = "hard_pairs.csv"  // record_id_a,record_id_b,kind: pairs that must stay apart
)

// recordsHeader is the header of records.csv: the column roles of `ceas match`.
func recordsHeader() []string {
	return []string{"record_id", "member_state", "surname", "given_name", "patronymic", "sex",
		"date_of_birth", "place_of_birth", "nationality", "document_type", "document_number", "address",
		"locality", "postcode"}
}

// csvFile is a buffered CSV writer on a file.
type csvFile struct {
	f *os.File
	b *bufio.Writer
	w *csv.Writer
}

func createCSV(dir, name string, header []string) (*csvFile, error) {
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		return nil, fmt.Errorf("synth: create %s: %w", name, err)
	}
	b := bufio.NewWriterSize(f, 1<<16)
	c := &csvFile{f: f, b: b, w: csv.NewWriter(b)}
	return c, c.w.Write(header)
}

func (c *csvFile) close() error {
	c.w.Flush()
	err := c.w.Error()
	if err == nil {
		err = c.b.Flush()
	}
	return errors.Join(err, c.f.Close())
}

// WriteDir generates opts.N records into dir (created if needed): records.csv,
// truth_pairs.csv, persons.csv and hard_pairs.csv. progress, if not nil, is called every
// 10,000 records and at the end.
func WriteDir(ctx context.Context, opts Options, dir string, progress func(done, total int)) (err error) {
	opts, err = opts.withDefaults()
	if err != nil {
		return fmt.Errorf("synth: options: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("synth: create %s: %w", dir, err)
	}
	files := make([]*csvFile, 0, 4)
	defer func() {
		for _, f := range files {
			err = errors.Join(err, f.close())
		}
	}()
	for _, spec := range []struct {
		name   string
		header []string
	}{
		{RecordsFile, recordsHeader()},
		{TruthPairsFile, []string{"record_id_a", "record_id_b"}},
		{PersonsFile, []string{"record_id", "person_id", "hard"}},
		{HardPairsFile, []string{"record_id_a", "record_id_b", "kind"}},
	} {
		f, err := createCSV(dir, spec.name, spec.header)
		if err != nil {
			return err
		}
		files = append(files, f)
	}
	recs, pairs, persons, hard := files[0].w, files[1].w, files[2].w, files[3].w
	done := 0
	emit := func(r Record) error {
		done++
		if progress != nil && (done%10000 == 0 || done == opts.N) {
			progress(done, opts.N)
		}
		return recs.Write([]string{r.RecordID, r.MemberState, r.Surname, r.GivenName, r.Patronymic, r.Sex,
			r.DateOfBirth, r.PlaceOfBirth, r.Nationality, r.DocumentType, r.DocumentNumber, r.Address,
			r.Locality, r.Postcode})
	}
	truth := func(g group) error { return writeTruth(g, pairs, persons, hard) }
	return newGenerator(opts).run(ctx, emit, truth)
}

// writeTruth writes one unit's ground truth: the pairs within each person, each record's
// person, and the pairs across a hard-negative pair.
func writeTruth(g group, pairs, persons, hard *csv.Writer) error {
	for i, ids := range g.records {
		for _, id := range ids {
			if err := persons.Write([]string{id, g.personIDs[i], g.hard}); err != nil {
				return fmt.Errorf("synth: write persons: %w", err)
			}
		}
		for a := range ids {
			for b := a + 1; b < len(ids); b++ {
				if err := pairs.Write(ordered(ids[a], ids[b])); err != nil {
					return fmt.Errorf("synth: write truth pairs: %w", err)
				}
			}
		}
	}
	if g.hard == "" || len(g.records) < 2 {
		return nil
	}
	for _, a := range g.records[0] {
		for _, b := range g.records[1] {
			if err := hard.Write(append(ordered(a, b), g.hard)); err != nil {
				return fmt.Errorf("synth: write hard pairs: %w", err)
			}
		}
	}
	return nil
}

func ordered(a, b string) []string {
	if b < a {
		a, b = b, a
	}
	return []string{a, b}
}
