package names

import "testing"

// TestEditSimMatchesKeySim checks EditSim against the engine's own
// comparison of spellings on pairs of every length and distance.
func TestEditSimMatchesKeySim(t *testing.T) {
	words := []string{"abc", "abd", "abcd", "abdc", "kasper", "kaspar", "kasperr", "kasperskiy",
		"kasperskii", "kaspersky", "kasprsky", "kaspeersky", "hikvision", "hikvisoin", "hikvizion",
		"internationa", "internacional", "internatoinal", "intrnational", "technologies", "tecnologies",
		"zqvxwrtkplmbdfgh", "zqvxwrtkplmbdfhg", "zqvxwrtkplmbdf", "zqvxwrtkplmbdfghjk"}
	for _, a := range words {
		for _, b := range words {
			if a == b {
				continue
			}
			ra, rb := []rune(a), []rune(b)
			x, y := spell{r: ra, mask: letterMask(ra)}, spell{r: rb, mask: letterMask(rb)}
			want := 0.0
			if lenNear(x, y) {
				want = keySimNear(x, y, 0)
			}
			la, lb := len(a), len(b)
			got := EditSim(OSAWithin(a, b, 64), max(la, lb), min(la, lb))
			if got != want {
				t.Errorf("%q %q: EditSim %.4f, keySim %.4f", a, b, got, want)
			}
		}
	}
}
