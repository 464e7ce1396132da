package fetch

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"sync"
	"time"
)

// ErrNoVersion is returned when a store holds no version of a key (at all,
// or as of the date asked).
var ErrNoVersion = errors.New("fetch: no stored version")

// ErrInvalid wraps a validation failure in Update: the document was
// downloaded but rejected, and the stored data was left as it was.
var ErrInvalid = errors.New("fetch: downloaded document failed validation")

// Version describes one stored version of a source document.
type Version struct {
	Key         string     `json:"key"`
	URL         string     `json:"url"`
	SHA256      string     `json:"sha256"`
	Size        int        `json:"size"`
	ContentType string     `json:"content_type,omitempty"`
	Validators  Validators `json:"validators"`
	RetrievedAt time.Time  `json:"retrieved_at"`
}

// Store keeps every version of every source document retrieved, on disk:
// bodies under blobs/ named by their sha256, and per key an append-only
// history (one JSON line per version) under versions/. Writes are atomic
// (temporary file and rename), so a crash never leaves a half-written
// version visible. A Store is safe for concurrent use within one process.
type Store struct {
	dir string
	mu  sync.Mutex
}

var reKey = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,99}$`)

// OpenStore opens (creating if needed) the store in dir.
func OpenStore(dir string) (*Store, error) {
	for _, sub := range []string{"blobs", "versions"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return nil, fmt.Errorf("fetch: open store: %w", err)
		}
	}
	return &Store{dir: dir}, nil
}

// Dir returns the store's directory.
func (s *Store) Dir() string { return s.dir }

func checkKey(key string) error {
	if !reKey.MatchString(key) {
		return fmt.Errorf("fetch: invalid key %q (want lower-case letters, digits, '.', '_' or '-')", key)
	}
	return nil
}

// Put stores doc's body as the newest version of key. A body identical to
// the newest stored version adds no version; Put then returns that version
// and false.
func (s *Store) Put(key string, doc *Document) (Version, bool, error) {
	if err := checkKey(key); err != nil {
		return Version{}, false, err
	}
	if doc == nil || doc.NotModified {
		return Version{}, false, fmt.Errorf("fetch: put %s: no body to store", key)
	}
	sum := sha256.Sum256(doc.Body)
	v := Version{
		Key: key, URL: doc.URL, SHA256: hex.EncodeToString(sum[:]), Size: len(doc.Body),
		ContentType: doc.ContentType, Validators: doc.Validators, RetrievedAt: doc.RetrievedAt.UTC(),
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	hist, err := s.versions(key)
	if err != nil {
		return Version{}, false, err
	}
	if n := len(hist); n > 0 && hist[n-1].SHA256 == v.SHA256 {
		return hist[n-1], false, nil
	}
	blob := filepath.Join(s.dir, "blobs", v.SHA256)
	if _, err := os.Stat(blob); errors.Is(err, fs.ErrNotExist) {
		if err := writeAtomic(blob, doc.Body); err != nil {
			return Version{}, false, err
		}
	}
	line, err := json.Marshal(v)
	if err != nil {
		return Version{}, false, err
	}
	var buf bytes.Buffer
	for _, h := range hist {
		b, _ := json.Marshal(h)
		buf.Write(b)
		buf.WriteByte('\n')
	}
	buf.Write(line)
	buf.WriteByte('\n')
	if err := writeAtomic(s.historyPath(key), buf.Bytes()); err != nil {
		return Version{}, false, err
	}
	return v, true, nil
}

func (s *Store) historyPath(key string) string {
	return filepath.Join(s.dir, "versions", key+".jsonl")
}

// Versions returns every stored version of key, oldest first.
func (s *Store) Versions(key string) ([]Version, error) {
	if err := checkKey(key); err != nil {
		return nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.versions(key)
}

func (s *Store) versions(key string) ([]Version, error) {
	f, err := os.Open(s.historyPath(key))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("fetch: history of %s: %w", key, err)
	}
	defer f.Close()
	var out []Version
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var v Version
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("fetch: history of %s, line %d: %w", key, line, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("fetch: history of %s: %w", key, err)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].RetrievedAt.Before(out[j].RetrievedAt) })
	return out, nil
}

// Latest returns the newest stored version of key, or ErrNoVersion.
func (s *Store) Latest(key string) (Version, error) {
	hist, err := s.Versions(key)
	if err != nil {
		return Version{}, err
	}
	if len(hist) == 0 {
		return Version{}, fmt.Errorf("%w of %s", ErrNoVersion, key)
	}
	return hist[len(hist)-1], nil
}

// AsOf returns the version of key that was current at instant t: the newest
// retrieved at or before t, or ErrNoVersion.
func (s *Store) AsOf(key string, t time.Time) (Version, error) {
	hist, err := s.Versions(key)
	if err != nil {
		return Version{}, err
	}
	for i := len(hist) - 1; i >= 0; i-- {
		if !hist[i].RetrievedAt.After(t) {
			return hist[i], nil
		}
	}
	return Version{}, fmt.Errorf("%w of %s as of %s", ErrNoVersion, key, t.Format(time.RFC3339))
}

// Read returns the body of a stored version, checking it against its
// sha256 so a damaged store is noticed rather than parsed.
func (s *Store) Read(v Version) ([]byte, error) {
	b, err := os.ReadFile(filepath.Join(s.dir, "blobs", v.SHA256))
	if err != nil {
		return nil, fmt.Errorf("fetch: read %s version %s: %w", v.Key, v.SHA256, err)
	}
	sum := sha256.Sum256(b)
	if hex.EncodeToString(sum[:]) != v.SHA256 {
		return nil, fmt.Errorf("fetch: stored body of %s version %s is damaged (sha256 mismatch)", v.Key, v.SHA256)
	}
	return b, nil
}

// Update fetches url and stores it as the newest version of key when it has
// changed and validate accepts it. A failed download, or a body that
// validate rejects (the error wraps ErrInvalid), leaves the store as it was.
// changed reports whether a new version was stored.
func Update(ctx context.Context, c *Client, s *Store, key, url string, validate func([]byte) error) (v Version, changed bool, err error) {
	if err := checkKey(key); err != nil {
		return Version{}, false, err
	}
	prev, err := s.Latest(key)
	if err != nil && !errors.Is(err, ErrNoVersion) {
		return Version{}, false, err
	}
	var cond Validators
	if prev.URL == url {
		cond = prev.Validators
	}
	doc, err := c.Get(ctx, url, cond)
	if err != nil {
		return prev, false, err
	}
	if doc.NotModified {
		return prev, false, nil
	}
	if validate != nil {
		if err := validate(doc.Body); err != nil {
			return prev, false, fmt.Errorf("%w: %s: %w", ErrInvalid, url, err)
		}
	}
	return s.Put(key, doc)
}

func writeAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("fetch: %w", err)
	}
	_, werr := tmp.Write(data)
	serr := tmp.Sync()
	cerr := tmp.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("fetch: write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("fetch: %w", err)
	}
	return nil
}
