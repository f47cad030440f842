package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromium returns the path of a Chromium to drive, or "" when there is
// none (.ci/run installs Debian's).
func chromium() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// TestBrowser drives kg serve's page in a headless Chromium as an analyst
// would: search "Harbor", pick the suggestion, expand it, open an edge's
// sentences, find the paths between Elena Park and the Trade Department,
// run a Gizmo query, and open the view again from its URL. A screenshot of
// each step goes to $KG_ARTIFACTS (else a temporary directory).
func TestBrowser(t *testing.T) {
	bin := chromium()
	if bin == "" {
		skip(t, "no chromium (apt-get install chromium)")
	}
	dir := os.Getenv("KG_ARTIFACTS")
	if dir == "" {
		dir = t.TempDir()
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	base, _ := serving(t, build(t))

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1400, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	defer cancelTime()

	shot := 0
	screenshot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			png, err := chromedp.FullScreenshot(100)(ctx, t)
			if err != nil {
				return err
			}
			shot++
			return os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d-%s.png", shot, name)), png, 0o644)
		})
	}
	// clickSVG clicks the element of the view that the script finds: a
	// node or an edge of Graphviz's SVG.
	clickSVG := func(find string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			js := `(() => { const g = ` + find + `; if (!g) return false;
				g.dispatchEvent(new MouseEvent("click", {bubbles: true})); return true; })()`
			ok, err := chromedp.Evaluate[bool](js)(ctx, t)
			if err == nil && !ok {
				err = fmt.Errorf("nothing to click: %s", find)
			}
			return err
		})
	}
	// pickEntity types a prefix in the search box and picks the entity.
	pickEntity := func(prefix, id string) chromedp.Action[chromedp.Void] {
		sel := `#suggestions li[data-id="` + id + `"]`
		return chromedp.Steps(
			chromedp.SendKeys("#search", prefix),
			chromedp.WaitVisible(sel),
			chromedp.Click(sel),
			chromedp.WaitVisible(`#canvas g.node[data-id="`+id+`"]`),
		)
	}
	var nodes int
	var evidence, paths, table, hash string
	start := time.Now()
	err := chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#search"),
		chromedp.SendKeys("#search", "Harbor"),
		chromedp.WaitVisible(`#suggestions li[data-id="kg:entity/harbor_networks"]`),
		screenshot("suggestions"),
		chromedp.Click(`#suggestions li[data-id="kg:entity/harbor_networks"]`),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/harbor_networks"]`),
		screenshot("picked"),
		chromedp.Click("#expand"),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/trade_department"]`),
		into(&nodes, chromedp.Evaluate[int](`document.querySelectorAll("#canvas g.node[data-id]").length`)),
		screenshot("expanded"),
		clickSVG(`[...document.querySelectorAll("#canvas g.edge")].find((g) => { const e = edges[+g.dataset.edge];
			return e && e.from === "kg:entity/trade_department" && e.relation === "penalize" && e.to === "kg:entity/harbor_networks"; })`),
		chromedp.WaitVisible("#details .evidence"),
		into(&evidence, chromedp.Text("#details")),
		screenshot("evidence"),
		pickEntity("Elena", "kg:entity/elena_park"),
		pickEntity("Trade Dep", "kg:entity/trade_department"),
		chromedp.Click("#path"),
		chromedp.WaitVisible("#details .path"),
		into(&paths, chromedp.Text("#details")),
		screenshot("paths"),
		chromedp.Clear("#gizmo"),
		chromedp.SendKeys("#gizmo", `g.V().Has("<kg:type>", "ORG").Out("<kg:name>").All()`),
		chromedp.Click("#run"),
		chromedp.WaitVisible("#results-table td"),
		into(&table, chromedp.Text("#results-table")),
		screenshot("gizmo"),
		into(&hash, chromedp.Evaluate[string](`location.hash`)),
	)
	if err != nil {
		t.Fatalf("in the browser: %v (screenshots in %s)", err, dir)
	}
	if nodes < 5 {
		t.Errorf("expanding Harbor Networks drew %d entities, want its neighbours too", nodes)
	}
	if want := "The Trade Department penalized Harbor Networks on Tuesday"; !strings.Contains(evidence, want) || !strings.Contains(evidence, "harbor-sanctions.txt") {
		t.Errorf("the evidence panel of Trade Department -[penalize]-> Harbor Networks shows %q, want %q and its document", evidence, want)
	}
	if !strings.Contains(paths, "Elena Park - Harbor Networks - Trade Department") || !strings.Contains(paths, "founded by Elena Park") {
		t.Errorf("the paths panel shows %q, want Elena Park - Harbor Networks - Trade Department with its sentences", paths)
	}
	if !strings.Contains(table, "Harbor Networks") || !strings.Contains(table, "Trade Department") {
		t.Errorf("the Gizmo table shows %q, want the organisations", table)
	}
	if !strings.Contains(hash, "ids=") || !strings.Contains(hash, "picked=") {
		t.Fatalf("the URL keeps no view: %q", hash)
	}
	// The view's URL, opened again, draws the same view.
	var again int
	err = chromedp.Do(ctx,
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(base+"/"+hash),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/elena_park"]`),
		into(&again, chromedp.Evaluate[int](`document.querySelectorAll("#canvas g.node[data-id]").length`)),
		screenshot("bookmark"),
	)
	if err != nil {
		t.Fatalf("opening the view's URL: %v", err)
	}
	if again < nodes {
		t.Errorf("the bookmarked view has %d entities, the view had at least %d", again, nodes)
	}
	t.Logf("browser steps took %s; screenshots in %s", time.Since(start).Round(time.Millisecond), dir)
}

// into runs an action that gives a value and keeps the value in dst.
func into[T any](dst *T, a chromedp.Action[T]) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		v, err := a(ctx, t)
		*dst = v
		return err
	})
}
