package names

import (
	"strings"
	"sync"
	"unicode"

	"github.com/mozillazg/go-pinyin"
)

// cjkWords is a small lexicon of the words that make up Chinese (and a few
// Japanese) company names around the distinctive part: legal forms, generic
// business words (translated, so that 技术 meets "technology") and place
// names (kept as pinyin, listed only so that they segment as words). It
// serves two purposes: segmenting a run of Han characters into words, and
// classifying those words.
var cjkWords = map[string]cjkWord{
	// Legal forms.
	"股份有限公司": {legal: "co ltd"}, "有限责任公司": {legal: "llc"},
	"有限公司": {legal: "co ltd"}, "株式会社": {legal: "kk"},
	"有限会社": {legal: "ltd"}, "合同会社": {legal: "llc"}, "公司": {legal: "co"},
	"集团有限公司": {text: "group", legal: "co ltd"},
	"股份公司":   {legal: "jsc"}, "有限合伙": {legal: "lp"},
	// Generic business words.
	"技术": {text: "technology"}, "科技": {text: "technology"}, "技術": {text: "technology"},
	"集团": {text: "group"}, "集團": {text: "group"}, "国际": {text: "international"},
	"國際": {text: "international"}, "贸易": {text: "trading"}, "商贸": {text: "trading"},
	"貿易": {text: "trading"}, "电子": {text: "electronics"}, "電子": {text: "electronics"},
	"工业": {text: "industry"}, "实业": {text: "industry"}, "控股": {text: "holding"},
	"投资": {text: "investment"}, "研究所": {text: "institute"}, "研究院": {text: "institute"},
	"大学": {text: "university"}, "大學": {text: "university"}, "数字": {text: "digital"},
	"网络": {text: "network"}, "通信": {text: "communications"}, "通讯": {text: "communications"},
	"信息": {text: "information"}, "软件": {text: "software"}, "设备": {text: "equipment"},
	"发展": {text: "development"}, "制造": {text: "manufacturing"}, "工程": {text: "engineering"},
	"能源": {text: "energy"}, "航空": {text: "aviation"}, "航天": {text: "aerospace"},
	"物流": {text: "logistics"}, "进出口": {text: "import export"}, "银行": {text: "bank"},
	"化工": {text: "chemical"}, "材料": {text: "materials"}, "半导体": {text: "semiconductor"},
	"智能": {text: "intelligent"}, "系统": {text: "systems"}, "机械": {text: "machinery"},
	"仪器": {text: "instruments"}, "服务": {text: "services"}, "分公司": {text: "branch"},
	"光电": {text: "optoelectronics"}, "船舶": {text: "shipping"}, "海运": {text: "shipping"},
	"电气": {text: "electric"}, "精密": {text: "precision"}, "微电子": {text: "microelectronics"},
	"生物": {text: "biological"}, "医药": {text: "pharmaceutical"}, "研究": {text: "research"},
	// Place names: segmented as words, spelled in pinyin.
	"中国": {}, "香港": {}, "北京": {}, "上海": {}, "深圳": {}, "杭州": {}, "广州": {},
	"天津": {}, "武汉": {}, "成都": {}, "南京": {}, "西安": {}, "重庆": {}, "苏州": {},
	"珠海": {}, "厦门": {}, "青岛": {}, "大连": {}, "合肥": {}, "长沙": {}, "东莞": {},
	"宁波": {}, "无锡": {}, "佛山": {}, "郑州": {}, "济南": {}, "沈阳": {}, "哈尔滨": {},
	"浙江": {}, "江苏": {}, "广东": {}, "福建": {}, "山东": {}, "河北": {}, "河南": {},
	"湖北": {}, "湖南": {}, "四川": {}, "安徽": {}, "江西": {}, "陕西": {}, "山西": {},
	"辽宁": {}, "吉林": {}, "黑龙江": {}, "云南": {}, "贵州": {}, "甘肃": {}, "海南": {},
	"台湾": {}, "内蒙古": {}, "新疆": {}, "西藏": {}, "宁夏": {}, "广西": {}, "青海": {},
}

// cjkWord is one entry of cjkWords: its translation (empty to spell it in
// pinyin) and, for a legal form, the form it stands for (a key of
// legalForms).
type cjkWord struct {
	text  string
	legal string
}

// cjkMaxWord is the length in runes of the longest key of cjkWords.
const cjkMaxWord = 6

// pinyinArgs selects plain pinyin without tone marks. go-pinyin's Args is
// read only, so one value serves all goroutines.
var pinyinArgs = pinyin.NewArgs()

// isHan reports whether r is a Han ideograph (Chinese hanzi, Japanese
// kanji, Korean hanja).
func isHan(r rune) bool { return unicode.Is(unicode.Han, r) }

// segmentHan splits a run of Han characters into words, longest lexicon
// match first; characters between lexicon words form one word each run.
// Each word is returned with its source text and either its lexicon entry
// or, for words not in the lexicon, its pinyin with syllables joined
// ("华为" -> "huawei").
func segmentHan(run []rune) []hanWord {
	var out []hanWord
	start := 0 // start of the pending run of unknown characters
	flush := func(end int) {
		if end > start {
			src := string(run[start:end])
			out = append(out, hanWord{orig: src, text: pinyinWord(run[start:end])})
		}
	}
	for i := 0; i < len(run); {
		matched := 0
		var entry cjkWord
		for l := min(cjkMaxWord, len(run)-i); l >= 2; l-- {
			if e, ok := cjkWords[string(run[i:i+l])]; ok {
				matched, entry = l, e
				break
			}
		}
		if matched == 0 {
			i++
			continue
		}
		flush(i)
		src := string(run[i : i+matched])
		w := hanWord{orig: src, text: entry.text, legal: entry.legal}
		if entry.text == "" && entry.legal == "" {
			w.text = pinyinWord(run[i : i+matched])
		}
		out = append(out, w)
		i += matched
		start = i
	}
	flush(len(run))
	return out
}

// hanWord is one word of a segmented Han run.
type hanWord struct {
	orig  string // the Han characters
	text  string // pinyin or translation; may hold several words
	legal string // legal form key, when the word is one
}

// pinyinWord spells Han characters in toneless pinyin, syllables joined.
// Characters without a reading are skipped.
func pinyinWord(rs []rune) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(syllable(r))
	}
	return b.String()
}

// syllables caches the toneless reading of each Han character met
// (go-pinyin strips tones with regular expressions on every call).
var syllables sync.Map // rune -> string

// syllable returns the first toneless pinyin reading of r, or "".
func syllable(r rune) string {
	if v, ok := syllables.Load(r); ok {
		return v.(string)
	}
	s := ""
	if p := pinyin.SinglePinyin(r, pinyinArgs); len(p) > 0 {
		s = p[0]
	}
	syllables.Store(r, s)
	return s
}
