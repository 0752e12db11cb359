package app_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/ceas-eu/ceas/"

// layer ranks the project's packages: a package may import packages of a lower layer and
// its own module's packages, never a higher layer or another module of its layer
// (ARCHITECTURE.md, "Dependencies point one way").
func layer(pkg string) (rank int, module string) {
	p := strings.TrimPrefix(pkg, module)
	parts := strings.Split(p, "/")
	switch {
	case p == "cmd/ceas":
		return 9, p
	case strings.HasPrefix(p, "internal/cli"):
		return 8, "cli"
	case strings.HasPrefix(p, "internal/e2e"):
		return 8, "e2e"
	case strings.HasPrefix(p, "internal/app"):
		return 7, "app"
	case len(parts) > 1 && parts[1] == "platform":
		if len(parts) > 2 && (parts[2] == "errs" || parts[2] == "clock" || parts[2] == "timelimit") {
			return 0, "platform/" + parts[2]
		}
		if len(parts) > 2 && parts[2] == "platformhttp" {
			return 2, "platform"
		}
		return 1, "platform"
	}
	if len(parts) < 2 {
		return 0, p
	}
	switch parts[1] {
	case "names", "strsim", "mcmf", "synth":
		return 0, parts[1]
	case "identity":
		return 3, "identity"
	case "tp", "eurodac", "border", "returns", "talent", "resettlement", "reception":
		return 4, parts[1]
	case "dublin", "solidarity":
		return 5, parts[1]
	case "awareness":
		return 6, "awareness"
	}
	return 6, parts[1]
}

// isDomainCore reports the packages that must stay free of HTTP and HTML: pure libraries
// and the domain core of each module.
func isDomainCore(pkg string) bool {
	p := strings.TrimPrefix(pkg, module)
	parts := strings.Split(p, "/")
	if len(parts) < 2 || parts[0] != "internal" {
		return false
	}
	switch parts[1] {
	case "names", "strsim", "mcmf", "identity", "synth", "tp", "dublin", "solidarity", "awareness", "eurodac":
		last := parts[len(parts)-1]
		return !strings.HasSuffix(last, "http") && last != "report"
	}
	return false
}

func TestDependenciesPointOneWay(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}} {{join .Imports " "}}`, module+"...").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg, imports := fields[0], fields[1:]
		rank, mod := layer(pkg)
		for _, imp := range imports {
			if isDomainCore(pkg) && (imp == "net/http" || imp == "html/template") {
				t.Errorf("%s imports %s: domain packages leave HTTP and HTML to their transport package", pkg, imp)
			}
			if !strings.HasPrefix(imp, module) {
				continue
			}
			irank, imod := layer(imp)
			switch {
			case imod == mod:
			case irank > rank:
				t.Errorf("%s (layer %d) imports %s (layer %d): dependencies point one way", pkg, rank, imp, irank)
			case irank == rank && rank > 1:
				t.Errorf("%s imports %s: modules talk through interfaces wired in internal/app, not each other's packages", pkg, imp)
			}
		}
	}
}
