package identity

// Prepared is a record with its comparison features and blocking keys computed: the
// costly, lock-free part of Add and Query. A caller that checks a record and then adds it
// (a registration, a bulk import) prepares it once, on as many goroutines as it likes,
// instead of twice under its own serialisation.
type Prepared struct {
	f    *features
	keys []uint64
}

// Prepare computes r's features and blocking keys. It is safe for concurrent use and
// takes no lock of the index.
func (ix *Index) Prepare(r Record) Prepared {
	f := ix.prep.prepare(&r)
	return Prepared{f: f, keys: blockKeys(f, make([]uint64, 0, 16))}
}

// ID is the id of the prepared record.
func (p Prepared) ID() string {
	if p.f == nil {
		return ""
	}
	return p.f.id
}
