package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/kgraph/kg/graph"
	"github.com/kgraph/kg/schema"
)

// MaxBody is the largest request body the server reads: 1 MiB.
const MaxBody = 1 << 20

// DefaultQueryTimeout is how long a Gizmo query may run when
// [Options.QueryTimeout] is zero.
const DefaultQueryTimeout = 30 * time.Second

// ErrNeedToken is the error of [Options.Check] for an address other than
// loopback without a token.
var ErrNeedToken = errors.New("serving beyond this machine needs a token (--token or KG_TOKEN)")

// Options configures a [Server].
type Options struct {
	// Store is the store to serve; it is opened read-only, for each read.
	Store graph.Options
	// Addr is the address to listen on, "127.0.0.1:8080"; used by Check.
	Addr string
	// Token, when not empty, must come with every request: the
	// Authorization header ("Bearer TOKEN"), or the cookie that opening
	// the page with ?token=TOKEN sets.
	Token string
	// QueryTimeout caps a Gizmo query's time (and an export's); zero means
	// DefaultQueryTimeout.
	QueryTimeout time.Duration
	// Logger gets one line per request; nil discards them.
	Logger *slog.Logger
	// Renderers write a view in each export format but N-Quads ("dot",
	// "svg", "png", "graphml", "gexf", "jsonl", "csv"), as kg export
	// writes them; N-Quads come from the store. A format without one is
	// not offered.
	Renderers map[string]Renderer
}

// Renderer writes a subgraph in one export format.
type Renderer func(ctx context.Context, w io.Writer, g *schema.Subgraph) error

// Check refuses an address that is not loopback when there is no token.
func (o Options) Check() error {
	if o.Token != "" {
		return nil
	}
	host, _, err := net.SplitHostPort(o.Addr)
	if err != nil {
		return fmt.Errorf("--addr %q: %w", o.Addr, err)
	}
	if !loopbackHost(host) {
		return fmt.Errorf("--addr %s: %w", o.Addr, ErrNeedToken)
	}
	return nil
}

// loopbackHost reports whether host (a name or an address, without port)
// is this machine's loopback.
func loopbackHost(host string) bool {
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

//go:embed static
var static embed.FS

// Server is kg serve's HTTP handler and its state. Its methods are safe for
// concurrent use.
type Server struct {
	opts  Options
	src   *source
	log   *slog.Logger
	mux   *http.ServeMux
	pages fs.FS
	// queries bounds the Gizmo queries and exports that run at once, each
	// holding the store and a core.
	queries chan struct{}
}

// New returns a server of the store that opts names. It does not open the
// store: the first request does.
func New(opts Options) *Server {
	if opts.QueryTimeout <= 0 {
		opts.QueryTimeout = DefaultQueryTimeout
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	pages, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embedded directory is part of the binary
	}
	s := &Server{opts: opts, src: newSource(opts.Store, log), log: log, mux: http.NewServeMux(), pages: pages,
		queries: make(chan struct{}, 4)}
	s.routes()
	return s
}

// Warm reads the store's snapshot now, so that the first request does not
// wait for it. A store that a writer holds is no error: the first request
// after the writer reads it.
func (s *Server) Warm(ctx context.Context) error {
	_, _, err := s.src.current(ctx)
	if errors.Is(err, errBusy) {
		return nil
	}
	return err
}

// Handler returns the server's handler with its guards: token, host and
// origin checks, body cap, security headers and the request log.
func (s *Server) Handler() http.Handler { return s.logged(s.guarded(apiPaths(s.mux))) }

// apiPaths answers an API path that is not in its clean form ("/api/v1/.",
// "/api/v1//search") with a JSON 404, where the mux would redirect with a
// page of HTML: a client of the API reads JSON whatever it asks.
func apiPaths(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p := r.URL.Path; strings.HasPrefix(p, "/api/") && path.Clean(p) != p {
			writeError(w, r, http.StatusNotFound, fmt.Errorf("no API %s", p))
			return
		}
		h.ServeHTTP(w, r)
	})
}

// Serve serves on ln until ctx ends, then stops taking requests and waits
// (up to 5 s) for the ones in progress. The http.Server's timeouts are set
// from the query timeout.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      s.opts.QueryTimeout + 30*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		// Requests in progress finish on shutdown: their context is not
		// ctx, which ends first.
		BaseContext: func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
		ErrorLog:    slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	if errors.Is(err, context.DeadlineExceeded) {
		err = hs.Close()
	}
	if serr := <-done; !errors.Is(serr, http.ErrServerClosed) && err == nil {
		err = serr
	}
	s.Close()
	return err
}

// Close waits for the read of the store that runs in the background, if
// one does (see Serve, which calls it). The server still answers after.
func (s *Server) Close() { s.src.wait() }

// statusWriter records what a handler answered, for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	n, err := w.ResponseWriter.Write(b)
	w.bytes += int64(n)
	return n, err
}

// logged writes one line per request; the query string stays out, since
// it may hold the token.
func (s *Server) logged(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.status == 0 {
			sw.status = http.StatusOK
		}
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method), slog.String("path", r.URL.Path), slog.Int("status", sw.status),
			slog.Int64("bytes", sw.bytes), slog.Duration("duration", time.Since(start)),
			slog.String("remote", r.RemoteAddr))
	})
}

// tokenCookie carries the token for the page, set when it is opened with
// ?token=.
const tokenCookie = "kg_token"

// guarded checks every request before the handlers see it.
func (s *Server) guarded(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
			"connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
		if s.opts.Token == "" {
			// Without a token only loopback answers: a name that is not
			// would be another site's, rebound to this address.
			host, _, err := net.SplitHostPort(r.Host)
			if err != nil {
				host = r.Host
			}
			if !loopbackHost(host) {
				writeError(w, r, http.StatusForbidden, fmt.Errorf("host %q: without a token kg serve answers only on loopback", r.Host))
				return
			}
		} else if !s.authorized(w, r) {
			return
		}
		if o := r.Header.Get("Origin"); o != "" && o != "http://"+r.Host && o != "https://"+r.Host {
			writeError(w, r, http.StatusForbidden, fmt.Errorf("origin %q is not this server's: no cross-origin requests", o))
			return
		}
		if r.Header.Get("Sec-Fetch-Site") == "cross-site" {
			writeError(w, r, http.StatusForbidden, errors.New("no cross-site requests"))
			return
		}
		if r.ContentLength > MaxBody {
			writeError(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("request body of %d bytes: at most %d", r.ContentLength, MaxBody))
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, MaxBody)
		h.ServeHTTP(w, r)
	})
}

// authorized checks the request's token: the bearer token, the cookie, or
// ?token= on the page, which sets the cookie and sends the browser back to
// the page without it.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	same := func(t string) bool { return subtle.ConstantTimeCompare([]byte(t), []byte(s.opts.Token)) == 1 }
	if auth := r.Header.Get("Authorization"); auth != "" {
		if t, ok := strings.CutPrefix(auth, "Bearer "); ok && same(t) {
			return true
		}
		writeError(w, r, http.StatusUnauthorized, errors.New("wrong token"))
		return false
	}
	if t := r.URL.Query().Get("token"); t != "" && r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") {
		if !same(t) {
			writeError(w, r, http.StatusUnauthorized, errors.New("wrong token"))
			return false
		}
		http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: t, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
		q := r.URL.Query()
		q.Del("token")
		u := *r.URL
		u.RawQuery = q.Encode()
		http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
		return false
	}
	if c, err := r.Cookie(tokenCookie); err == nil && same(c.Value) {
		return true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="kg"`)
	writeError(w, r, http.StatusUnauthorized, errors.New("a token is needed: the Authorization header, or open the page with ?token="))
	return false
}

// asset serves the embedded page's files: a name is looked up in the
// embedded directory, never on disk, and "../" finds nothing.
func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/")
	if name == "" {
		name = "index.html"
	}
	if strings.Contains(name, "..") || !fs.ValidPath(name) || path.Clean(name) != name {
		writeError(w, r, http.StatusNotFound, fmt.Errorf("no page %q", r.URL.Path))
		return
	}
	b, err := fs.ReadFile(s.pages, name)
	if err != nil {
		writeError(w, r, http.StatusNotFound, fmt.Errorf("no page %q", r.URL.Path))
		return
	}
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(b)
}

// httpError is an error with the status it answers.
type httpError struct {
	status int
	err    error
}

func (e *httpError) Error() string { return e.err.Error() }
func (e *httpError) Unwrap() error { return e.err }

// badRequest is the user's mistake in a parameter: 400.
func badRequest(format string, args ...any) error {
	return &httpError{http.StatusBadRequest, fmt.Errorf(format, args...)}
}

// statusOf maps an error to its HTTP status, in one place: 400 a bad
// parameter or Gizmo query, 404 an unknown entity or store, 413 a body too
// large, 503 a store held by a writer (or a request cancelled), 504 past
// the deadline, 500 the rest.
func statusOf(err error) int {
	var he *httpError
	var qe *graph.QueryError
	var me *http.MaxBytesError
	switch {
	case errors.As(err, &he):
		return he.status
	case errors.As(err, &me):
		return http.StatusRequestEntityTooLarge
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, context.Canceled):
		return http.StatusServiceUnavailable // the client went, or the server is stopping
	case errors.As(err, &qe):
		return http.StatusBadRequest
	case errors.Is(err, graph.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, errBusy), errors.Is(err, graph.ErrLocked):
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// apiError is the body of every error answer.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// writeError answers with a JSON error. A 500 is ours: its message is
// logged by fail, and the answer says no more than that.
func writeError(w http.ResponseWriter, _ *http.Request, status int, err error) {
	if status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "2")
	}
	writeJSON(w, status, apiError{Error: err.Error(), Status: status})
}

// fail answers err with its status; an internal error is logged, and its
// message kept from the client.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	status := statusOf(err)
	if status == http.StatusInternalServerError {
		s.log.ErrorContext(r.Context(), "internal error", slog.String("path", r.URL.Path), slog.Any("err", err))
		err = errors.New("internal error; the server's log says more")
	}
	writeError(w, r, status, err)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}
