package assign

import (
	"context"
	"fmt"
	"syscall"
	"time"
)

func cpu() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// DebugRelax is temporary.
func DebugRelax(p *Problem) {
	s := newSolver(p, Options{ColumnRounds: 6})
	c0 := cpu()
	r, err := s.diagnose(context.Background())
	c1 := cpu()
	rx, err2 := s.solveRelaxation(context.Background(), 6)
	c2 := cpu()
	b, _ := s.Bound(Multipliers{Theta: rx.theta})
	fmt.Println("DEBUG", r, err, err2, "diag cpu", c1-c0, "relax cpu", c2-c1, "rounds", rx.rounds, "bound", b)
}

func cpuNowA() time.Duration { return cpu() }
