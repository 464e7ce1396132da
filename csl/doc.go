// Package csl reads trade.gov's Consolidated Screening List (CSL), the
// merge of the US government's restricted-party lists: Commerce's Entity
// List (EL), Denied Persons List (DPL), Unverified List (UVL) and Military
// End User List (MEU); Treasury's SDN, SSI, FSE, PLC, CAP, CMIC and MBS
// lists; and State's Nonproliferation Sanctions (ISN) and ITAR Debarred
// (DTC) lists.
//
// Read takes the JSON download (an object with a results array, the older
// api.trade.gov search response, or a bare array of records) or the CSV
// and TSV downloads (a header row; the current layout with _id first and
// the older one without it; columns are found by name), and returns a
// Result: typed Records in document order, the rows that could not be read
// (with record number, line and byte offset), warnings, and every repair
// made to the published text. Result.Snapshots groups the records into one
// sanctions.Snapshot per list code.
//
// The published data is messy, and the reader repairs what it can,
// recording each change as a Repair: Windows-1252 mojibake (U+0092 for an
// apostrophe and its siblings; UTF-8 read as Windows-1252), "?" standing in
// for an apostrophe or a section sign, doubled spaces, HTML character
// references, and the State Department's trailing "; and any successor,
// sub-unit, or subsidiary thereof", which is taken off the name and kept as
// Record.Successors. Dates that cannot be (3033-01-17) are reported as
// warnings and not taken.
//
// Party IDs are stable across downloads: the document's _id where present,
// else OFAC's entity number, else a hash of list, name and addresses
// (HashID).
//
// The package does no I/O beyond the reader it is given and never logs.
package csl
