// Package rpscreen is the front door of the rpscreen library: it reads list
// files in any of the formats the US government publishes (detected from
// their content), loads the versions kept in a local store, adds the
// embedded ICTS registry, and returns a ready Screener.
//
// The parts are usable on their own: sanctions (the shared model and the
// screener), entitylist (the BIS Entity List from the eCFR), csl (trade.gov's
// Consolidated Screening List), icts (ICTS prohibition notices) and fetch
// (downloads and the versioned store).
package rpscreen

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/rpscreen/rpscreen/csl"
	"github.com/rpscreen/rpscreen/entitylist"
	"github.com/rpscreen/rpscreen/fetch"
	"github.com/rpscreen/rpscreen/icts"
	"github.com/rpscreen/rpscreen/sanctions"
)

// Format is a list file format that ReadList recognises.
type Format string

// The formats ReadList reads.
const (
	FormatUnknown        Format = ""
	FormatEntityListXML  Format = "entitylist-ecfr-xml"
	FormatEntityListHTML Format = "entitylist-ecfr-html"
	FormatCSLCSV         Format = "csl-csv"
	FormatCSLTSV         Format = "csl-tsv"
	FormatCSLJSON        Format = "csl-json"
	FormatICTSRegistry   Format = "icts-registry"
)

// sniffLen is how many leading bytes DetectFormat is given.
const sniffLen = 4096

// DetectFormat tells a list file's format from its first bytes (a few
// kilobytes are plenty).
func DetectFormat(prefix []byte) Format {
	if icts.IsRegistry(prefix) {
		return FormatICTSRegistry
	}
	switch entitylist.Sniff(prefix) {
	case entitylist.FormatECFRXML:
		return FormatEntityListXML
	case entitylist.FormatHTML:
		return FormatEntityListHTML
	}
	switch csl.Sniff(prefix) {
	case csl.FormatCSV:
		return FormatCSLCSV
	case csl.FormatTSV:
		return FormatCSLTSV
	case csl.FormatJSON:
		return FormatCSLJSON
	}
	return FormatUnknown
}

// ErrUnknownFormat is returned for a file whose format is not recognised.
var ErrUnknownFormat = errors.New("unrecognised list format (want eCFR Entity List XML or HTML, CSL CSV/TSV/JSON, or an ICTS registry)")

// ErrBadRows is returned in strict mode when a file has rows that could not
// be read.
var ErrBadRows = errors.New("rpscreen: rows could not be read")

// ReadOptions control ReadList.
type ReadOptions struct {
	// Name names the input in errors and as the snapshot's URL when the
	// document carries none (a file path, say).
	Name string
	// Strict fails the read on the first row that cannot be read, instead
	// of reporting it in ListFile.Problems.
	Strict bool
	// MaxBytes limits the input size; 0 means each parser's default.
	MaxBytes int64
	// RetrievedAt is recorded in every snapshot's Source.
	RetrievedAt time.Time
}

// ListFile is one list document as read: its format, the parser's typed
// result, the snapshots for screening, and the problems found.
type ListFile struct {
	Name   string
	Format Format
	SHA256 string
	// EntityList is set for an Entity List document, CSL for a CSL
	// download, ICTS for a registry file.
	EntityList *entitylist.List
	CSL        *csl.Result
	ICTS       *icts.Registry
	Snapshots  []sanctions.Snapshot
	// Problems are rows that were not read, with their positions.
	Problems []string
	// Warnings are doubts about rows that were read.
	Warnings []string
}

// Parties counts the parties in the file's snapshots.
func (f *ListFile) Parties() int {
	n := 0
	for _, s := range f.Snapshots {
		n += len(s.Parties)
	}
	return n
}

// ReadListFile reads the list file at path. RetrievedAt defaults to the
// file's modification time.
func ReadListFile(path string, opts ReadOptions) (*ListFile, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if opts.Name == "" {
		opts.Name = path
	}
	if opts.RetrievedAt.IsZero() {
		if st, err := f.Stat(); err == nil {
			opts.RetrievedAt = st.ModTime().UTC()
		}
	}
	return ReadList(f, opts)
}

// ReadList reads one list document, detecting its format from its content.
func ReadList(r io.Reader, opts ReadOptions) (*ListFile, error) {
	name := opts.Name
	if name == "" {
		name = "input"
	}
	br := bufio.NewReaderSize(r, sniffLen)
	prefix, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, bufio.ErrBufferFull) {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	lf := &ListFile{Name: name, Format: DetectFormat(prefix)}
	h := sha256.New()
	in := io.TeeReader(br, h)
	switch lf.Format {
	case FormatEntityListXML, FormatEntityListHTML:
		eo := entitylist.Options{MaxBytes: opts.MaxBytes}
		var l *entitylist.List
		if lf.Format == FormatEntityListXML {
			l, err = entitylist.ParseECFROptions(in, eo)
		} else {
			l, err = entitylist.ParseHTMLOptions(in, eo)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		// Hash what the parser did not need to read: the digest is of the
		// whole raw document.
		if _, err := io.Copy(io.Discard, in); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lf.EntityList = l
		lf.SHA256 = hex.EncodeToString(h.Sum(nil))
		for _, n := range l.Skipped {
			if n.Reason == entitylist.ReasonReserved {
				continue
			}
			p := fmt.Sprintf("%s: row %d: %s", name, n.Row, n.Reason)
			if opts.Strict {
				return nil, fmt.Errorf("%w: %s", ErrBadRows, p)
			}
			lf.Problems = append(lf.Problems, p)
		}
		for _, n := range l.Warnings {
			lf.Warnings = append(lf.Warnings, fmt.Sprintf("%s: row %d: %s", name, n.Row, n.Reason))
		}
		lf.Snapshots = []sanctions.Snapshot{l.Snapshot(sanctions.Source{
			AsOf: l.AsOf, RetrievedAt: opts.RetrievedAt, SHA256: lf.SHA256,
		})}
	case FormatCSLCSV, FormatCSLTSV, FormatCSLJSON:
		res, err := csl.Read(in, csl.Options{Strict: opts.Strict, MaxBytes: opts.MaxBytes, RetrievedAt: opts.RetrievedAt})
		if err != nil {
			if opts.Strict {
				err = fmt.Errorf("%w: %w", ErrBadRows, err)
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lf.CSL = res
		lf.SHA256 = res.SHA256
		for _, e := range res.Errors {
			lf.Problems = append(lf.Problems, fmt.Sprintf("%s: %v", name, e))
		}
		for _, w := range res.Warnings {
			lf.Warnings = append(lf.Warnings, fmt.Sprintf("%s: %v", name, w))
		}
		lf.Snapshots = res.Snapshots()
	case FormatICTSRegistry:
		reg, err := icts.ReadRegistry(in)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		lf.ICTS = reg
		lf.SHA256 = hex.EncodeToString(h.Sum(nil))
		snap := reg.Snapshot()
		snap.Source.SHA256 = lf.SHA256
		lf.Snapshots = []sanctions.Snapshot{snap}
	default:
		n := len(prefix)
		if n > 40 {
			n = 40
		}
		return nil, fmt.Errorf("%s: %w; it starts %q", name, ErrUnknownFormat, bytes.TrimSpace(prefix[:n]))
	}
	return lf, nil
}

// Store keys under which Update keeps the official documents.
const (
	KeyEntityList = "entitylist-ecfr.xml"
	KeyCSL        = "csl-consolidated.json"
)

// DefaultStoreDir is where the command line keeps downloaded lists unless
// told otherwise: $RPSCREEN_STORE, or rpscreen under the user's cache
// directory.
func DefaultStoreDir() string {
	if d := os.Getenv("RPSCREEN_STORE"); d != "" {
		return d
	}
	if d, err := os.UserCacheDir(); err == nil {
		return filepath.Join(d, "rpscreen")
	}
	return filepath.Join(os.TempDir(), "rpscreen")
}

// UpdateResult reports what Update did for one source.
type UpdateResult struct {
	Key     string
	URL     string
	Version fetch.Version
	Changed bool
	Err     error
}

// Update downloads the Entity List (the eCFR supplement as of today) and the
// Consolidated Screening List (JSON) into store, each validated by its
// parser first, so a failed or malformed download never replaces a good
// stored version. One source failing does not stop the other.
func Update(ctx context.Context, c *fetch.Client, store *fetch.Store, ep fetch.Endpoints, now time.Time) []UpdateResult {
	jobs := []struct {
		key, url string
		check    func([]byte) error
	}{
		{KeyEntityList, ep.EntityListXML(now), func(b []byte) error {
			l, err := entitylist.ParseECFROptions(bytes.NewReader(b), entitylist.Options{MaxBytes: -1})
			if err == nil && len(l.Entries) == 0 {
				err = errors.New("no entries")
			}
			return err
		}},
		{KeyCSL, ep.CSLFile("json"), func(b []byte) error {
			res, err := csl.ReadJSON(bytes.NewReader(b), csl.Options{MaxBytes: -1})
			if err == nil && len(res.Records) == 0 {
				err = errors.New("no records")
			}
			return err
		}},
	}
	var out []UpdateResult
	for _, j := range jobs {
		v, changed, err := fetch.Update(ctx, c, store, j.key, j.url, j.check)
		out = append(out, UpdateResult{Key: j.key, URL: j.url, Version: v, Changed: changed, Err: err})
	}
	return out
}

// Options control Open.
type Options struct {
	// Files are list files to load (any format ReadList reads).
	Files []string
	// StoreDir is a store written by Update; its versions of the Entity List
	// and the CSL are loaded. Empty means no store. A store without
	// versions is not an error: Screener.Warnings says no list data is loaded.
	StoreDir string
	// AsOf, when set, loads the stored versions that were current at that
	// instant instead of the newest.
	AsOf time.Time
	// Strict fails on the first row of a list file that cannot be read.
	Strict bool
	// ICTS is the ICTS registry to screen; nil means icts.Default(), the
	// embedded registry.
	ICTS *icts.Registry
}

// Screener is a sanctions.Screener built from everything Open loaded, with
// the ICTS registry behind its ICTS parties.
type Screener struct {
	*sanctions.Screener
	// ICTS is the registry whose covered persons are screened (source
	// "ICTS"); use it to answer Prohibited questions about an ICTS match.
	ICTS *icts.Registry
	// Files are the list documents loaded, from Options.Files and the store.
	Files []*ListFile
	// Warnings say what a caller must know about the data: rows not read,
	// and that no list data is loaded when only the embedded registry is.
	Warnings []string
}

// ListsLoaded reports whether any list besides the embedded ICTS registry
// was loaded.
func (s *Screener) ListsLoaded() bool {
	for _, f := range s.Files {
		if f.Format != FormatICTSRegistry && f.Parties() > 0 {
			return true
		}
	}
	return false
}

// Open loads the lists Options name, adds the ICTS registry and builds the
// Screener. It does no network I/O: call Update first to refresh a store.
func Open(ctx context.Context, opts Options) (*Screener, error) {
	s := &Screener{ICTS: opts.ICTS}
	if s.ICTS == nil {
		s.ICTS = icts.Default()
	}
	copied := false
	for _, p := range opts.Files {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		lf, err := ReadListFile(p, ReadOptions{Strict: opts.Strict})
		if err != nil {
			return nil, err
		}
		if lf.ICTS != nil {
			if !copied {
				s.ICTS, copied = copyRegistry(s.ICTS), true
			}
			if err := addRegistry(s.ICTS, lf.ICTS); err != nil {
				return nil, fmt.Errorf("%s: %w", p, err)
			}
			continue
		}
		s.Files = append(s.Files, lf)
	}
	if opts.StoreDir != "" {
		if err := s.loadStore(opts.StoreDir, opts.AsOf); err != nil {
			return nil, err
		}
	}
	var snaps []sanctions.Snapshot
	for _, f := range s.Files {
		snaps = append(snaps, f.Snapshots...)
		s.Warnings = append(s.Warnings, f.Problems...)
	}
	if !s.ListsLoaded() {
		s.Warnings = append(s.Warnings, "no list data is loaded: only the embedded ICTS registry (as of "+
			s.ICTS.AsOf().Format("2006-01-02")+") was screened; run 'rpscreen update' or pass list files")
	}
	snaps = append(snaps, s.ICTS.Snapshot())
	s.Screener = sanctions.NewScreener(snaps...)
	return s, nil
}

// copyRegistry copies reg so that records added from files do not change a
// registry the caller shares (such as the embedded default).
func copyRegistry(reg *icts.Registry) *icts.Registry {
	out := icts.NewRegistry(reg.AsOf())
	addRegistry(out, reg) // cannot fail: out is empty and reg is consistent
	return out
}

// addRegistry adds to dst the records of src that dst does not have.
func addRegistry(dst, src *icts.Registry) error {
	for _, d := range src.Determinations() {
		if _, dup := dst.Lookup(d.ID()); dup {
			continue
		}
		if err := dst.Add(&d); err != nil {
			return err
		}
	}
	have := map[string]bool{}
	for _, pr := range dst.ProductRules() {
		have[pr.ID] = true
	}
	for _, pr := range src.ProductRules() {
		if have[pr.ID] {
			continue
		}
		if err := dst.AddProductRule(pr); err != nil {
			return err
		}
	}
	return nil
}

func (s *Screener) loadStore(dir string, asOf time.Time) error {
	if _, err := os.Stat(dir); errors.Is(err, os.ErrNotExist) {
		return nil // an empty store
	}
	st, err := fetch.OpenStore(dir)
	if err != nil {
		return err
	}
	for _, key := range []string{KeyEntityList, KeyCSL} {
		var v fetch.Version
		if asOf.IsZero() {
			v, err = st.Latest(key)
		} else {
			v, err = st.AsOf(key, asOf)
		}
		if errors.Is(err, fetch.ErrNoVersion) {
			continue
		}
		if err != nil {
			return err
		}
		b, err := st.Read(v)
		if err != nil {
			return err
		}
		lf, err := ReadList(bytes.NewReader(b), ReadOptions{Name: v.URL, RetrievedAt: v.RetrievedAt, MaxBytes: -1})
		if err != nil {
			return fmt.Errorf("stored %s: %w", key, err)
		}
		s.Files = append(s.Files, lf)
	}
	return nil
}
