package mcmf

import (
	"fmt"
	"os"
	"syscall"
	"time"
)

func cpuNow() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func dbg(format string, args ...any) {
	if os.Getenv("MCMFDEBUG") != "" {
		fmt.Printf("MCMF "+format+"\n", args...)
	}
}
