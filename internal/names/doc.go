// Package names is rpscreen's name engine: it prepares a name once (Parse)
// and compares prepared names many times (Score, Compare).
//
// Parse folds compatibility forms and case (NFKC and full case folding),
// strips diacritics (with explicit mappings for letters that do not
// decompose, such as ø, ł, đ, ß, æ, œ, þ and ı), transliterates Cyrillic
// (Russian, Ukrainian, Belarusian and neighbours), Greek, Armenian, Georgian
// and kana to Latin, reads Han script through pinyin (a small lexicon
// segments Chinese company names and translates their generic words, so that
// 华为技术有限公司 reads "huawei technology co ltd"), splits the name into
// tokens and classifies each: words, numbers (number words, ordinals and
// Roman numerals read as digits), legal forms (LLC, ООО, GmbH, 有限公司,
// "Limited Liability Company", misspelled or truncated ones too) with their
// class, stop words, persons' titles, initials and name particles (al, bin,
// van, de). Abbreviations of business words are expanded ("Tech" ->
// "technology"; Turkish "San. ve Tic." -> "industry trading"; a Chinese city's
// short form, such as SZ for Shenzhen, in organisations' names). Letters and
// digits written apart ("CETC 13") meet the same written together ("CETC13"). Every word carries a phonetic key that folds the spelling
// variants of the common transliteration schemes, so that "Kasperskiy",
// "Kasperskii", "Kasperskij" and "Kaspersky" meet.
//
// Score aligns the tokens of two names regardless of order, tolerating typos,
// phonetic variants, forms of one given name, acronyms ("PLA" for "People's
// Liberation Army") and tokens that are joined or split ("Hikvision" against
// "Hik Vision"). Tokens count by how informative they are (Weights: nil for
// built-in weights in which generic business words and place names weigh
// little, or an IDF built from the loaded lists with NewIDF); unmatched
// distinctive tokens cost, more when both names keep some (the names then
// disagree) than when one name only says more; numbers must agree exactly;
// legal forms only nudge the score by class. A person's unmatched surname
// costs more than an unmatched given name, and a patronymic does not stand in
// for a surname. Short brands that meet only approximately ("Alpha" against
// "Alfa", "Huawen Trading" against "Huawei") cannot alone reach the
// threshold. Only names with identical
// normalised forms whose tokens all match exactly score 1. Compare returns the
// same score with its explanation.
//
// DefaultThreshold was chosen on the labelled name-matching benchmark that
// sanctions/eval_test.go scores. Names and IDF are safe for concurrent use
// once built; the one method that changes a Name, Weigh, is called before
// the Name is shared. Score does not allocate for names of up to 16
// compared tokens.
package names
