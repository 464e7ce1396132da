// Package sanctions is the shared vocabulary of rpscreen: the Party that
// every restricted-party list is read into, the Source and Snapshot that say
// which list and which version a party came from, and typed Federal Register
// citations. The screener that matches names against snapshots lives here
// too. The package depends on nothing else in this module but the name
// engine in internal/names.
package sanctions
