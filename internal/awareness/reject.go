package awareness

// RejectError is what an import's accept function returns to reject one row that the file
// alone could not show to be wrong (the store already holds another value for its key and
// revision, or the importer may not report that state): the row is listed in the report with
// its line and Reason, and the import goes on.
type RejectError struct {
	Reason string
}

// Error returns the reason.
func (e *RejectError) Error() string { return e.Reason }

// Reject returns a RejectError with reason.
func Reject(reason string) error { return &RejectError{Reason: reason} }
