package identity_test

import (
	"os"
	"runtime"
	"testing"

	"github.com/ceas-eu/ceas/internal/identity"
)

// TestIndexMemory reports the heap per indexed record (set CEAS_MEM to run).
func TestIndexMemory(t *testing.T) {
	if os.Getenv("CEAS_MEM") == "" {
		t.Skip("set CEAS_MEM=1")
	}
	recs, _, _ := generated(t, 50000, 3)
	runtime.GC()
	var a, b runtime.MemStats
	runtime.ReadMemStats(&a)
	ix := identity.NewIndex(identity.DefaultConfig())
	for _, r := range recs {
		ix.Add(r)
	}
	runtime.GC()
	runtime.ReadMemStats(&b)
	t.Logf("%.0f bytes/record", float64(b.HeapAlloc-a.HeapAlloc)/float64(len(recs)))
	runtime.KeepAlive(ix)
}
