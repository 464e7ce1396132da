// Package icts models the Department of Commerce's ICTS supply-chain actions
// under Executive Order 13873 (15 CFR part 791, formerly part 7): final
// determinations that prohibit dated classes of transactions with named
// persons (Case No. ICTS-2021-002, Kaspersky Lab, Inc.), and rules that
// restrict classes of products (connected vehicles, subpart D).
//
// The package has three parts:
//
//   - Determination and ProductRule, typed records of the published documents
//     with their citations, dates, covered persons, prohibitions (each with
//     the instant it takes effect, in America/New_York) and exclusions.
//   - Registry, a set of records with an as-of date. Default returns the
//     registry embedded in the package (icts/data/registry.json, written from
//     the published documents), so questions can be answered with no network
//     and no downloaded list, in the spirit of time/tzdata. Callers add
//     records parsed from newer documents with (*Registry).Add.
//     (*Registry).Prohibited answers "may we do this class of transaction with
//     this party at this instant?" with the determination and clause behind
//     the answer; (*Registry).Snapshot turns the covered persons into
//     screenable sanctions.Party values with source code "ICTS".
//   - Readers for Federal Register documents: ReadIssue for GPO's full-text
//     XML (a daily issue or a single document), ParseAPIDocument for the
//     federalregister.gov API's JSON metadata, and (*Document).Determination
//     to turn an ICTS document into a Determination.
//
// A calendar date without a time means that day in US Eastern time, as the
// notices do: use OnDay or ParseDay to get the instant it begins. The package
// imports time/tzdata so that America/New_York is available on machines
// without a zoneinfo database.
package icts
