// Package names is rpscreen's name engine: it prepares a name once (Parse)
// and compares prepared names many times (Score, Compare).
//
// Parse folds case and compatibility forms (NFKC), strips diacritics (with
// explicit mappings for letters that do not decompose, such as ø, ł, đ, ß,
// æ, œ, þ and ı), transliterates Cyrillic and Greek to Latin, reads Han
// script through pinyin, splits the name into tokens and classifies each:
// words, numbers, legal forms (LLC, ООО, GmbH, 有限公司, "Limited Liability
// Company", ...), stop words, initials and name particles (al, bin, van,
// de). Every word also carries a phonetic key that folds the spelling
// variants of the common transliteration schemes, so that "Kasperskiy",
// "Kasperskii" and "Kaspersky" meet.
//
// Score aligns the tokens of two names regardless of order, tolerating typos,
// phonetic variants and tokens that are joined or split ("Hikvision" against
// "Hik Vision"). Tokens count by how informative they are (Weights, usually
// an IDF built from the loaded lists with NewIDF), unmatched distinctive
// tokens cost, numbers must agree exactly, and legal forms only nudge the
// score by class. Compare returns the same score with its explanation.
package names
