package main

import (
	"encoding/json"
	"testing"

	"github.com/kgraph/kg/graph"
)

// TestJSONOutputs checks the commands that change or check the store print
// JSON with --json, for programs: verify, merge, undo and remove.
func TestJSONOutputs(t *testing.T) {
	db := build(t)
	decode := func(out string, v any) {
		t.Helper()
		if err := json.Unmarshal([]byte(out), v); err != nil {
			t.Fatalf("not JSON: %v\n%s", err, out)
		}
	}
	var report struct {
		Store    string   `json:"store"`
		Problems []string `json:"problems"`
	}
	decode(mustRun(t, "", "verify", "--db", db, "--json"), &report)
	if report.Store == "" || report.Problems == nil || len(report.Problems) != 0 {
		t.Errorf("verify --json: %+v, want the store and no problems", report)
	}

	var merged graph.Correction
	decode(mustRun(t, "", "merge", "--db", db, "--json", "Trade Department", "Treasury Department"), &merged)
	if merged.Kind != "merge" || merged.Keep != "Trade Department" || merged.Drop != "Treasury Department" || merged.ID == "" {
		t.Errorf("merge --json: %+v", merged)
	}
	var undone graph.Correction
	decode(mustRun(t, "", "undo", "--db", db, "--json", merged.ID), &undone)
	if undone.ID != merged.ID {
		t.Errorf("undo --json: %+v, want correction %s", undone, merged.ID)
	}

	var removed map[string]string
	decode(mustRun(t, "", "remove", "--db", db, "--json", "../../examples/harbor-sanctions.txt"), &removed)
	if removed["removed"] != "../../examples/harbor-sanctions.txt" {
		t.Errorf("remove --json: %v", removed)
	}
}
