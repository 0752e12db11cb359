// Package solidarity is the voluntary solidarity mechanism of June 2022 and the Annual
// Solidarity Pool of Reg. (EU) 2024/1351: fair shares of the participating states and the
// relocation matcher.
//
// This part of the package is pure (no database, no HTTP):
//   - instance.go, case.go, validate*.go: the relocation instance and assignment formats
//     (eu-vsm-relocation-instance/v1, eu-vsm-relocation-solution/v1) with Validate naming
//     the bad element;
//   - fairshare.go: the distribution key of Art 66 of Reg. (EU) 2024/1351 (50% population,
//     50% GDP) with largest-remainder rounding;
//   - model.go, match.go, explain.go, override.go: the matcher on top of package
//     mcmf/assign, Evaluate (the independent check of an assignment), the explanation of
//     each placement, and a coordinator's pins and forbids;
//   - generate*.go: a deterministic generator of synthetic instances for tests, demo and
//     benchmarks; lpfile.go writes an instance as a MIP for CBC or HiGHS.
//
// Invariants of a matching: every household moves whole or not at all; vulnerable
// (mandatory) households are placed first-class (the 2022 declaration: "vulnerable persons
// first"); a household goes only to its allowed states and to the state of its family link;
// places hold no more persons, unaccompanied minors or persons with medical needs than
// their capacities; each pledging state receives at least its floor.
package solidarity
