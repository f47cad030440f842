package main

import (
	"os/exec"
	"strings"
	"testing"
)

// TestServeUnderLoad runs the short form of bench/serve.sh: kg serve on the
// examples under wrk for 15 s, searches, neighbourhoods, paths, facts and
// Gizmo queries mixed, with endless queries stopped at their deadline. The
// script fails unless every answer is 200, a deadline's 504 or a busy 503,
// no socket errs, and the server's memory stays flat.
func TestServeUnderLoad(t *testing.T) {
	slow(t)
	for _, tool := range []string{"wrk", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			skip(t, "no "+tool+" for the load run (apt-get install wrk curl)")
		}
	}
	cmd := exec.Command("bash", "../../bench/serve.sh")
	cmd.Env = append(cmd.Environ(), "DURATION=15s", "DB=")
	out, err := cmd.CombinedOutput()
	t.Logf("bench/serve.sh:\n%s", out)
	if err != nil {
		t.Fatalf("bench/serve.sh: %v", err)
	}
	if !strings.Contains(string(out), "\nheld: ") {
		t.Errorf("bench/serve.sh did not say the run held")
	}
}
