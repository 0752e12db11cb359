package solidarity

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/ceas-eu/ceas/internal/platform/errs"
)

// FuzzDecodeInstance: any input is either a valid instance, which the matcher's model
// accepts and which round-trips through JSON, or an Invalid error; never a panic.
func FuzzDecodeInstance(f *testing.F) {
	tiny, _ := json.Marshal(tiny())
	f.Add(tiny)
	gen, _ := json.Marshal(Generate(GenOptions{Candidates: 30, Seed: 2}))
	f.Add(gen)
	f.Add([]byte(`{"schema":"eu-vsm-relocation-instance/v1","name":"x","places":[{"index":0,"id":"A","state":"DE","capacity":-1}],"cases":[{"index":0,"size":0,"scores":[2]}]}`))
	f.Add([]byte(`{"cases":[{"allowed_states":[]}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in, err := DecodeInstance(bytes.NewReader(data))
		if err != nil {
			if errs.KindOf(err) != errs.KindInvalid {
				t.Fatalf("non-Invalid error: %v", err)
			}
			return
		}
		if _, err := buildModel(in, Overrides{}); err != nil {
			t.Fatalf("valid instance rejected by the model: %v", err)
		}
		if err := in.Validate(); err != nil {
			t.Fatalf("validation not stable: %v", err)
		}
		out, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := DecodeInstance(bytes.NewReader(out)); err != nil {
			t.Fatalf("re-encoded instance invalid: %v", err)
		}
	})
}

// FuzzParsePlacement: CASE=PLACE or an Invalid error.
func FuzzParsePlacement(f *testing.F) {
	for _, s := range []string{"C1=DE-01", "=", "C1=", "a=b=c", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePlacement(s)
		if err != nil {
			if errs.KindOf(err) != errs.KindInvalid {
				t.Fatalf("non-Invalid error %v", err)
			}
			return
		}
		if p.Case == "" || p.Place == "" || p.Case+"="+p.Place != s {
			t.Fatalf("%q parsed as %+v", s, p)
		}
	})
}
