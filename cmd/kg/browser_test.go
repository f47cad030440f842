package main

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
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
//
// The page talks to the server through a proxy that holds every answer to
// an entity's facts for a while, as a busy server may: the side panel must
// still show what was asked last (an edge's sentences, the paths), not the
// facts of the entity picked before, which come back after.
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
	server, serverLog := serving(t, build(t))
	base := slowFacts(t, server, 700*time.Millisecond)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin), chromedp.NoSandbox, chromedp.DisableGPU, chromedp.WindowSize(1400, 1000))
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	// The whole test's bound, Chromium's start included; each step has its
	// own (see step), so that a step that hangs is named.
	ctx, cancelTime := context.WithTimeout(ctx, 4*time.Minute)
	defer cancelTime()
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting Chromium: %v", err)
	}

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
	// step runs one step of the analyst's, and on failure says which, with
	// the server's log and what the page shows.
	step := func(name string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		began := time.Now()
		err := chromedp.Do(sctx, actions...)
		t.Logf("step %q: %s", name, time.Since(began).Round(time.Millisecond))
		if err == nil {
			return
		}
		var page string
		dctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		defer cancel()
		if derr := chromedp.Do(dctx, screenshot("failed"), into(&page, chromedp.Evaluate[string](`document.body.innerText`))); derr != nil {
			page = "(unreadable: " + derr.Error() + ")"
		}
		t.Fatalf("step %q: %v (screenshots in %s)\nthe page shows:\n%s\nkg serve's log:\n%s", name, err, dir, page, serverLog)
	}
	var nodes int
	var evidence, paths, table, hash string
	start := time.Now()
	step("search",
		chromedp.Navigate(base+"/"),
		chromedp.WaitVisible("#search"),
		chromedp.SendKeys("#search", "Harbor"),
		chromedp.WaitVisible(`#suggestions li[data-id="kg:entity/harbor_networks"]`),
		screenshot("suggestions"))
	step("pick",
		chromedp.Click(`#suggestions li[data-id="kg:entity/harbor_networks"]`),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/harbor_networks"]`),
		screenshot("picked"))
	step("expand",
		chromedp.Click("#expand"),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/trade_department"]`),
		into(&nodes, chromedp.Evaluate[int](`document.querySelectorAll("#canvas g.node[data-id]").length`)),
		screenshot("expanded"))
	step("edge",
		clickSVG(`[...document.querySelectorAll("#canvas g.edge")].find((g) => { const e = edges[+g.dataset.edge];
			return e && e.from === "kg:entity/trade_department" && e.relation === "penalize" && e.to === "kg:entity/harbor_networks"; })`),
		chromedp.WaitVisible("#details .evidence"),
		// The facts of Harbor Networks, picked before, come back now.
		chromedp.Sleep(time.Second),
		chromedp.WaitVisible("#details .evidence"),
		into(&evidence, chromedp.Text("#details")),
		screenshot("evidence"))
	step("paths",
		pickEntity("Elena", "kg:entity/elena_park"),
		pickEntity("Trade Dep", "kg:entity/trade_department"),
		chromedp.Click("#path"),
		chromedp.WaitVisible("#details .path"),
		// The facts of the Trade Department, picked just before.
		chromedp.Sleep(time.Second),
		chromedp.WaitVisible("#details .path"),
		into(&paths, chromedp.Text("#details")),
		screenshot("paths"))
	step("gizmo",
		chromedp.Clear("#gizmo"),
		chromedp.SendKeys("#gizmo", `g.V().Has("<kg:type>", "ORG").Out("<kg:name>").All()`),
		chromedp.Click("#run"),
		chromedp.WaitVisible("#results-table td"),
		into(&table, chromedp.Text("#results-table")),
		screenshot("gizmo"),
		into(&hash, chromedp.Evaluate[string](`location.hash`)))
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
	step("bookmark",
		chromedp.Navigate("about:blank"),
		chromedp.Navigate(base+"/"+hash),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/elena_park"]`),
		into(&again, chromedp.Evaluate[int](`document.querySelectorAll("#canvas g.node[data-id]").length`)),
		screenshot("bookmark"))
	if again < nodes {
		t.Errorf("the bookmarked view has %d entities, the view had at least %d", again, nodes)
	}
	// Expanding under a type filter adds the neighbours of that type only.
	var person, org bool
	var state string
	step("filtered expand",
		chromedp.Click("#clear"),
		chromedp.Click("#filters summary"),
		chromedp.WaitVisible(`#types input[value="ORG"]`),
		chromedp.Click(`#types input[value="ORG"]`),
		chromedp.Click("#apply"),
		pickEntity("Harbor", "kg:entity/harbor_networks"),
		chromedp.Click("#expand"),
		chromedp.WaitVisible(`#canvas g.node[data-id="kg:entity/trade_department"]`),
		into(&person, chromedp.Evaluate[bool](`view.ids.includes("kg:entity/elena_park")`)),
		into(&org, chromedp.Evaluate[bool](`view.ids.includes("kg:entity/trade_department")`)),
		into(&state, chromedp.Evaluate[string](`JSON.stringify(view)`)),
		screenshot("filtered"))
	if person || !org {
		t.Errorf("expanding Harbor Networks with only ORG shown added Elena Park (PERSON): %v, the Trade Department (ORG): %v; the view: %s", person, org, state)
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

// slowFacts puts a proxy in front of kg serve at base that holds each answer
// to /api/v1/facts for delay, and returns the proxy's address.
func slowFacts(t *testing.T, base string, delay time.Duration) string {
	t.Helper()
	target, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	// The server checks Origin: the page's is the proxy's.
	rewrite := proxy.Director
	proxy.Director = func(r *http.Request) {
		rewrite(r)
		r.Header.Del("Origin")
		r.Host = target.Host
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/api/v1/facts" {
			select {
			case <-time.After(delay):
			case <-r.Context().Done():
				return
			}
		}
		proxy.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}
