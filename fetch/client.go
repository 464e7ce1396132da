package fetch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"time"
)

// ErrTooLarge is returned when a response body exceeds Client.MaxBytes.
var ErrTooLarge = errors.New("fetch: response larger than the size limit")

// StatusError is returned for a response whose status is neither 200 nor
// 304.
type StatusError struct {
	URL    string
	Status int
}

// Error says which URL answered which status.
func (e *StatusError) Error() string {
	return fmt.Sprintf("fetch %s: HTTP status %d", e.URL, e.Status)
}

// Validators are the values a server gave for a document, sent back to ask
// whether it has changed.
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Document is one retrieved response.
type Document struct {
	URL         string
	Body        []byte // nil when NotModified
	SHA256      string // hex digest of Body
	ContentType string
	Validators  Validators
	RetrievedAt time.Time
	// NotModified is true when the server answered 304 to a conditional
	// request: the caller's stored version is current.
	NotModified bool
}

// Client fetches documents with conditional requests, retries and a size
// limit. The zero value is usable; its fields tune it.
type Client struct {
	// HTTP is the client used; nil means a client with a 60 s timeout.
	HTTP *http.Client
	// UserAgent is sent with every request.
	UserAgent string
	// Retries is how many times a transient failure is retried (default 3;
	// negative means none).
	Retries int
	// Backoff is the wait before the first retry, doubled each time
	// (default 1 s). A Retry-After header, when given, is honoured instead.
	Backoff time.Duration
	// MaxBytes refuses bodies above this size (default 512 MiB).
	MaxBytes int64
	// Now returns the current time (default time.Now), for tests.
	Now func() time.Time
}

func (c *Client) retries() int {
	switch {
	case c.Retries < 0:
		return 0
	case c.Retries == 0:
		return 3
	}
	return c.Retries
}

// Get retrieves url. When prev carries validators the request is
// conditional, and an unchanged document comes back with NotModified set
// and no body. Network errors, 429 and 5xx answers are retried; other
// statuses fail at once with a *StatusError.
func (c *Client) Get(ctx context.Context, url string, prev Validators) (*Document, error) {
	hc := c.HTTP
	if hc == nil {
		hc = &http.Client{Timeout: 60 * time.Second}
	}
	backoff := c.Backoff
	if backoff <= 0 {
		backoff = time.Second
	}
	var lastErr error
	for attempt := 0; attempt <= c.retries(); attempt++ {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return nil, ctx.Err()
			case <-time.After(backoff):
			}
			backoff *= 2
		}
		doc, wait, err := c.try(ctx, hc, url, prev)
		if err == nil {
			return doc, nil
		}
		lastErr = err
		if wait < 0 { // permanent failure
			return nil, err
		}
		if wait > 0 {
			backoff = wait
		}
	}
	return nil, fmt.Errorf("fetch %s: giving up after %d attempts: %w", url, c.retries()+1, lastErr)
}

// try makes one request. wait < 0 marks a failure not worth retrying; wait
// > 0 is a server-requested delay.
func (c *Client) try(ctx context.Context, hc *http.Client, url string, prev Validators) (*Document, time.Duration, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, -1, fmt.Errorf("fetch %s: %w", url, err)
	}
	if c.UserAgent != "" {
		req.Header.Set("User-Agent", c.UserAgent)
	}
	if prev.ETag != "" {
		req.Header.Set("If-None-Match", prev.ETag)
	}
	if prev.LastModified != "" {
		req.Header.Set("If-Modified-Since", prev.LastModified)
	}
	resp, err := hc.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, -1, ctx.Err()
		}
		return nil, 0, fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	now := time.Now
	if c.Now != nil {
		now = c.Now
	}
	doc := &Document{
		URL:         url,
		ContentType: resp.Header.Get("Content-Type"),
		Validators:  Validators{ETag: resp.Header.Get("ETag"), LastModified: resp.Header.Get("Last-Modified")},
		RetrievedAt: now().UTC(),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		doc.NotModified = true
		if doc.Validators == (Validators{}) {
			doc.Validators = prev
		}
		return doc, 0, nil
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return nil, retryAfter(resp.Header.Get("Retry-After")), &StatusError{URL: url, Status: resp.StatusCode}
	case resp.StatusCode != http.StatusOK:
		return nil, -1, &StatusError{URL: url, Status: resp.StatusCode}
	}
	limit := c.MaxBytes
	if limit <= 0 {
		limit = 512 << 20
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, 0, fmt.Errorf("fetch %s: reading body after %d bytes: %w", url, len(body), err)
	}
	if int64(len(body)) > limit {
		return nil, -1, fmt.Errorf("fetch %s: %w (%d bytes)", url, ErrTooLarge, limit)
	}
	if cl := resp.ContentLength; cl >= 0 && cl != int64(len(body)) {
		return nil, 0, fmt.Errorf("fetch %s: body truncated: got %d of %d bytes", url, len(body), cl)
	}
	sum := sha256.Sum256(body)
	doc.Body = body
	doc.SHA256 = hex.EncodeToString(sum[:])
	return doc, 0, nil
}

// retryAfter reads a Retry-After header given in seconds; 0 when absent or
// in another form. Waits are capped at five minutes.
func retryAfter(v string) time.Duration {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0
	}
	d := time.Duration(n) * time.Second
	if d > 5*time.Minute {
		d = 5 * time.Minute
	}
	return d
}
