// Package entitylist reads the BIS Entity List (15 CFR part 744,
// Supplement No. 4) from the regulatory text itself: the eCFR versioner
// API's XML of the supplement (ParseECFR) and the eCFR's HTML rendering of
// the same table (ParseHTML). Both parsers return a List of typed Entry
// records and give the same entries for the same content.
//
// The supplement is a five-column table (Country | Entity | License
// requirement | License review policy | Federal Register citation). Every
// data row of the table is accounted for: it becomes an Entry, or it is
// reported in List.Skipped with its row number (reserved rows, rows whose
// entity cell cannot be read). Readable rows with doubtful parts (an
// unknown country name, citation text that is not a citation) become
// entries and are also reported in List.Warnings.
//
// Structural damage (truncated input, a table that does not have the five
// columns, a document without the table, input above the size limit) is an
// error that says where it was found (line and column for XML, row and byte
// offset where known); a parser never returns a partial list as if it were
// whole.
//
// Entry.Party converts an entry to the shared sanctions.Party and
// List.Snapshot turns a whole list into a sanctions.Snapshot. Sniff tells
// the two input formats apart from their first bytes.
package entitylist
