package fetch

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// source is a fake publisher: it serves body with an ETag, answers 304 to a
// matching If-None-Match, and fails the first `failures` requests with 503.
type source struct {
	body     atomic.Value // string
	failures atomic.Int32
	hits     atomic.Int32
}

func (s *source) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.hits.Add(1)
	if s.failures.Load() > 0 {
		s.failures.Add(-1)
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	body := s.body.Load().(string)
	etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(body)))
	if r.Header.Get("If-None-Match") == etag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", etag)
	w.Header().Set("Content-Type", "text/csv")
	fmt.Fprint(w, body)
}

func newSource(t *testing.T, body string) (*source, *httptest.Server) {
	s := &source{}
	s.body.Store(body)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func fastClient() *Client { return &Client{Backoff: time.Millisecond, Retries: 2} }

func TestUpdateKeepsEveryVersion(t *testing.T) {
	src, srv := newSource(t, "v1,a\n")
	st, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := fastClient()
	clock := time.Date(2024, 6, 24, 12, 0, 0, 0, time.UTC)
	c.Now = func() time.Time { return clock }

	v1, changed, err := Update(ctx, c, st, "csl.csv", srv.URL+"/consolidated.csv", nil)
	if err != nil || !changed {
		t.Fatalf("first update: %v, changed=%v", err, changed)
	}
	// Unchanged: conditional request answered 304, no new version.
	clock = clock.Add(24 * time.Hour)
	v, changed, err := Update(ctx, c, st, "csl.csv", srv.URL+"/consolidated.csv", nil)
	if err != nil || changed || v.SHA256 != v1.SHA256 {
		t.Fatalf("unchanged update: %v, changed=%v, v=%+v", err, changed, v)
	}
	// Changed content: a second version.
	src.body.Store("v2,b\n")
	clock = clock.Add(24 * time.Hour)
	v2, changed, err := Update(ctx, c, st, "csl.csv", srv.URL+"/consolidated.csv", nil)
	if err != nil || !changed || v2.SHA256 == v1.SHA256 {
		t.Fatalf("changed update: %v, changed=%v", err, changed)
	}
	hist, err := st.Versions("csl.csv")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]Version{v1, v2}, hist); diff != "" {
		t.Errorf("history (-want +got):\n%s", diff)
	}
	// As of a moment between the two, the first version answers.
	got, err := st.AsOf("csl.csv", v1.RetrievedAt.Add(36*time.Hour))
	if err != nil || got.SHA256 != v1.SHA256 {
		t.Errorf("AsOf between versions = %+v, %v", got, err)
	}
	if _, err := st.AsOf("csl.csv", v1.RetrievedAt.Add(-time.Second)); !errors.Is(err, ErrNoVersion) {
		t.Errorf("AsOf before first version: err = %v, want ErrNoVersion", err)
	}
	body, err := st.Read(v2)
	if err != nil || string(body) != "v2,b\n" {
		t.Errorf("Read(v2) = %q, %v", body, err)
	}
}

func TestFailedDownloadNeverReplacesGoodData(t *testing.T) {
	src, srv := newSource(t, "good\n")
	st, _ := OpenStore(t.TempDir())
	ctx := context.Background()
	c := fastClient()
	good, _, err := Update(ctx, c, st, "el.xml", srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}

	// Server down for longer than the retries last.
	src.body.Store("newer\n")
	src.failures.Store(10)
	if _, _, err := Update(ctx, c, st, "el.xml", srv.URL, nil); err == nil {
		t.Fatal("update against a failing server: no error")
	}
	// Validation rejects the new body.
	src.failures.Store(0)
	src.body.Store("<html>maintenance</html>")
	reject := func(b []byte) error {
		if strings.HasPrefix(string(b), "<html>") {
			return errors.New("not a list")
		}
		return nil
	}
	if _, _, err := Update(ctx, c, st, "el.xml", srv.URL, reject); !errors.Is(err, ErrInvalid) {
		t.Fatalf("update with invalid body: err = %v, want ErrInvalid", err)
	}
	latest, err := st.Latest("el.xml")
	if err != nil || latest != good {
		t.Errorf("latest after failures = %+v, %v; want %+v", latest, err, good)
	}
}

func TestRetriesTransientFailures(t *testing.T) {
	src, srv := newSource(t, "body")
	src.failures.Store(2)
	doc, err := fastClient().Get(context.Background(), srv.URL, Validators{})
	if err != nil {
		t.Fatal(err)
	}
	if string(doc.Body) != "body" || src.hits.Load() != 3 {
		t.Errorf("body %q after %d requests", doc.Body, src.hits.Load())
	}
}

func TestPermanentErrorsAreNotRetried(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		http.NotFound(w, r)
	}))
	defer srv.Close()
	_, err := fastClient().Get(context.Background(), srv.URL, Validators{})
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 404 || hits.Load() != 1 {
		t.Errorf("err = %v after %d requests; want one 404", err, hits.Load())
	}
}

func TestSizeLimit(t *testing.T) {
	_, srv := newSource(t, strings.Repeat("x", 4096))
	c := fastClient()
	c.MaxBytes = 1024
	if _, err := c.Get(context.Background(), srv.URL, Validators{}); !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

func TestDamagedBlobIsNoticed(t *testing.T) {
	_, srv := newSource(t, "content")
	dir := t.TempDir()
	st, _ := OpenStore(dir)
	v, _, err := Update(context.Background(), fastClient(), st, "x", srv.URL, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := writeAtomic(dir+"/blobs/"+v.SHA256, []byte("tampered")); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Read(v); err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Errorf("Read of a damaged blob: err = %v", err)
	}
}

func TestInvalidKey(t *testing.T) {
	st, _ := OpenStore(t.TempDir())
	for _, k := range []string{"", "../etc", "A", "a/b"} {
		if _, err := st.Versions(k); err == nil {
			t.Errorf("Versions(%q): no error", k)
		}
	}
}

func TestEndpoints(t *testing.T) {
	e := DefaultEndpoints()
	e.ECFR = "http://127.0.0.1:1/ecfr/"
	got := e.EntityListXML(time.Date(2024, 6, 24, 0, 0, 0, 0, time.UTC))
	want := "http://127.0.0.1:1/ecfr/full/2024-06-24/title-15.xml?appendix=Supplement+No.+4+to+Part+744&part=744"
	if got != want {
		t.Errorf("EntityListXML = %q, want %q", got, want)
	}
	if got := DefaultEndpoints().CSLFile("json"); got != "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.json" {
		t.Errorf("CSLFile = %q", got)
	}
}
