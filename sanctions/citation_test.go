package sanctions

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestParseFRCitations(t *testing.T) {
	tests := []struct {
		in   string
		want []FRCitation
		rest []string
	}{
		{"84 FR 22961, 5/21/19. 85 FR 36720, 6/18/20.", []FRCitation{
			{Volume: 84, Page: 22961, Date: day(2019, 5, 21)},
			{Volume: 85, Page: 36720, Date: day(2020, 6, 18)}}, nil},
		{"83 FR 37423; 87 FR 77505", []FRCitation{{Volume: 83, Page: 37423}, {Volume: 87, Page: 77505}}, nil},
		{"66 FR 24266, 77 FR 58006 (no. 182)", []FRCitation{{Volume: 66, Page: 24266}, {Volume: 77, Page: 58006, Issue: 182}}, nil},
		{"76 FR 50407 (8/15/2011)", []FRCitation{{Volume: 76, Page: 50407, Date: day(2011, 8, 15)}}, nil},
		{"67 F.R. 56530 9/4/02", []FRCitation{{Volume: 67, Page: 56530, Date: day(2002, 9, 4)}}, nil},
		{"89 FR 52362-52364, 6/24/24.", []FRCitation{{Volume: 89, Page: 52362, LastPage: 52364, Date: day(2024, 6, 24)}}, nil},
		{"89 FR 52362–64", []FRCitation{{Volume: 89, Page: 52362, LastPage: 52364}}, nil},
		{"Vol. 88, No. 151, 08/08/2023", []FRCitation{{Volume: 88, Issue: 151, Date: day(2023, 8, 8)}}, nil},
		{"73 FR 28, 1/2/08. 75 FR 78883, 12/17/10 and 81 FR 61104, September 6, 2016.", []FRCitation{
			{Volume: 73, Page: 28, Date: day(2008, 1, 2)},
			{Volume: 75, Page: 78883, Date: day(2010, 12, 17)},
			{Volume: 81, Page: 61104, Date: day(2016, 9, 6)}}, nil},
		{"84 FR 22961, 2/30/19", []FRCitation{{Volume: 84, Page: 22961}}, []string{"2/30/19"}},
		{"See remarks", nil, []string{"See remarks"}},
		{"", nil, nil},
	}
	for _, tc := range tests {
		got, rest := ParseFRCitations(tc.in)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("ParseFRCitations(%q) cites (-want +got):\n%s", tc.in, diff)
		}
		if diff := cmp.Diff(tc.rest, rest); diff != "" {
			t.Errorf("ParseFRCitations(%q) rest (-want +got):\n%s", tc.in, diff)
		}
	}
}

func TestParseDate(t *testing.T) {
	good := map[string]time.Time{
		"5/21/19": day(2019, 5, 21), "12/31/1999": day(1999, 12, 31), "2024-06-24": day(2024, 6, 24),
		"June 24, 2024": day(2024, 6, 24), "Sept. 29, 2024": day(2024, 9, 29), "Jan 3 2025": day(2025, 1, 3),
	}
	for in, want := range good {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"3033-01-17", "0203-05-10", "2/30/20", "13/1/20", "1/1/123", "yesterday"} {
		if _, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%q): no error", in)
		}
	}
}

func TestFRCitationString(t *testing.T) {
	c := FRCitation{Volume: 89, Page: 52362, LastPage: 52364, Date: day(2024, 6, 24)}
	if got, want := c.String(), "89 FR 52362-52364, 6/24/2024"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
	if c.Year() != 2024 {
		t.Errorf("Year() = %d", c.Year())
	}
}

func FuzzParseFRCitations(f *testing.F) {
	for _, s := range []string{"84 FR 22961, 5/21/19.", "Vol. 88, No. 151, 08/08/2023", "67 F.R. 56530 9/4/02", "1 FR 1-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cites, _ := ParseFRCitations(s)
		for _, c := range cites {
			if c.Volume < 0 || c.Page < 0 || (c.LastPage != 0 && c.LastPage < c.Page) {
				t.Fatalf("bad citation %+v from %q", c, s)
			}
		}
	})
}
