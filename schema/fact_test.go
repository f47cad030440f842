package schema

import "testing"

func TestIDs(t *testing.T) {
	tests := []struct{ got, want string }{
		{EntityID("Commerce Department"), "kg:entity/commerce_department"},
		{EntityID("  the COMMERCE   department's "), "kg:entity/the_commerce_department_s"},
		{EntityID("U.S. government"), "kg:entity/u_s_government"},
		{EntityID("$1.19 billion"), "kg:entity/usd_1_19_billion"},
		{EntityID("18 %"), "kg:entity/18_pct"},
		{EntityID("AT&T"), "kg:entity/at_and_t"},
		{EntityID("Zürich"), "kg:entity/zürich"},
		{EntityID("!!!"), "kg:entity/_"},
		{RelationID("pledge to help"), "rel:pledge_to_help"},
		{RelationID("be aligned against"), "rel:be_aligned_against"},
		{DocumentID("news/a b.txt"), "kg:doc/news%2Fa%20b.txt"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestEvidenceID(t *testing.T) {
	f := Fact{Subject: "A", SubjectID: EntityID("A"), Relation: "fine", Object: "B", ObjectID: EntityID("B"),
		Doc: "d.txt", SentenceIndex: 3, Sentence: "A fined B.", Confidence: 0.5}
	g := f
	g.Confidence, g.Sentence = 0.9, "changed text"
	if f.EvidenceID() != g.EvidenceID() {
		t.Errorf("the same fact in the same sentence: got %s and %s, want one ID", f.EvidenceID(), g.EvidenceID())
	}
	for _, change := range []func(*Fact){
		func(f *Fact) { f.Doc = "e.txt" },
		func(f *Fact) { f.SentenceIndex = 4 },
		func(f *Fact) { f.Relation = "sue" },
		func(f *Fact) { f.ObjectID = EntityID("C") },
		func(f *Fact) { f.Negated = true },
	} {
		h := f
		change(&h)
		if h.EvidenceID() == f.EvidenceID() {
			t.Errorf("%+v and %+v share evidence ID %s", f, h, f.EvidenceID())
		}
	}
}
