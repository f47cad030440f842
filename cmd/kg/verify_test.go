package main

import (
	"strings"
	"testing"

	"go.etcd.io/bbolt"
)

// TestVerifyIndex damages the store's own index behind kg's back, as a
// bug could: kg verify names the damage and fails, and kg verify --reindex
// mends it.
func TestVerifyIndex(t *testing.T) {
	db := build(t)
	mustRun(t, "", "verify", "--db", db)
	bdb, err := bbolt.Open(db, 0o644, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = bdb.Update(func(tx *bbolt.Tx) error {
		b := tx.Bucket([]byte("kg_pair"))
		if b == nil {
			t.Fatal("the store has no kg_pair bucket")
		}
		k, _ := b.Cursor().First()
		return b.Put(k, []byte{99})
	})
	if cerr := bdb.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		t.Fatal(err)
	}
	out, errOut, code := run(t, "", "verify", "--db", db)
	if code != 1 || !strings.Contains(out, "index: kg_pair has another value for") || !strings.Contains(errOut, "store is not sound") {
		t.Errorf("verify of a damaged index: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = run(t, "", "verify", "--reindex", "--db", db)
	if code != 0 || !strings.Contains(errOut, "reindexed") || !strings.Contains(errOut, "no problem") {
		t.Errorf("verify --reindex: exit %d\n%s", code, errOut)
	}
}
