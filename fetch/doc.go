// Package fetch retrieves the official sources (the eCFR, the Federal
// Register API, trade.gov's Consolidated Screening List) over HTTP and keeps
// every version it retrieves in a local Store.
//
// fetch never parses list contents: a caller passes a validation function
// (usually the list's parser) to Update, and a document that fails to
// download or to validate never replaces the good version already stored.
// Requests are conditional (ETag, Last-Modified) so an unchanged source costs
// one round trip, and transient failures (network errors, 429, 5xx) are
// retried with backoff. Every base URL is configurable through Endpoints.
package fetch
