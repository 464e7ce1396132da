package fetch

import (
	"net/url"
	"strings"
	"time"
)

// Endpoints holds the base URLs of the official sources. The zero value is
// not useful; start from DefaultEndpoints and override what you need (a
// mirror, a proxy, an httptest server).
type Endpoints struct {
	// ECFR is the eCFR API root, e.g. https://www.ecfr.gov/api/versioner/v1.
	ECFR string
	// FederalRegister is the Federal Register API root,
	// e.g. https://www.federalregister.gov/api/v1.
	FederalRegister string
	// CSL is the folder that serves consolidated.json, .csv and .tsv.
	CSL string
}

// DefaultEndpoints returns the publishers' own URLs.
func DefaultEndpoints() Endpoints {
	return Endpoints{
		ECFR:            "https://www.ecfr.gov/api/versioner/v1",
		FederalRegister: "https://www.federalregister.gov/api/v1",
		CSL:             "https://data.trade.gov/downloadable_consolidated_screening_list/v1",
	}
}

// EntityListXML is the URL of Supplement No. 4 to part 744 (the Entity List)
// as the eCFR's versioner API serves it for day d.
func (e Endpoints) EntityListXML(d time.Time) string {
	q := url.Values{}
	q.Set("part", "744")
	q.Set("appendix", "Supplement No. 4 to Part 744")
	return strings.TrimRight(e.ECFR, "/") + "/full/" + d.Format("2006-01-02") + "/title-15.xml?" + q.Encode()
}

// Part744Versions is the URL of the list of dates on which part 744 changed.
func (e Endpoints) Part744Versions() string {
	return strings.TrimRight(e.ECFR, "/") + "/versions/title-15.json?part=744"
}

// CSLFile is the URL of the Consolidated Screening List in format ext
// ("json", "csv" or "tsv").
func (e Endpoints) CSLFile(ext string) string {
	return strings.TrimRight(e.CSL, "/") + "/consolidated." + ext
}

// FRDocument is the URL of one Federal Register document's JSON metadata.
func (e Endpoints) FRDocument(number string) string {
	return strings.TrimRight(e.FederalRegister, "/") + "/documents/" + url.PathEscape(number) + ".json"
}

// EntityListRules is the URL of the newest Federal Register rules of the
// Bureau of Industry and Security that amend 15 CFR part 744.
func (e Endpoints) EntityListRules() string {
	q := url.Values{}
	q.Add("conditions[agencies][]", "industry-and-security-bureau")
	q.Set("conditions[cfr][title]", "15")
	q.Set("conditions[cfr][part]", "744")
	q.Add("conditions[type][]", "RULE")
	q.Set("order", "newest")
	q.Set("per_page", "100")
	return strings.TrimRight(e.FederalRegister, "/") + "/documents.json?" + q.Encode()
}
