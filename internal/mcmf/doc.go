// Package mcmf is the network-flow core of the relocation solver: a min-cost flow solver
// (cost scaling push-relabel, Goldberg 1997) for networks with node supplies, and a Dinic
// max-flow used to decide feasibility before any cost is optimised.
//
// It is a pure library: integer capacities and costs, no I/O, no project imports. The
// relocation matcher (package mcmf/assign) solves the transportation relaxation of its
// assignment problem with it and reads the node potentials as shadow prices of places.
package mcmf
