package names

import "strings"

// givenNameGroups are given names that name the same person: short forms
// (Bill, Bibi, Ted), and the same name in other languages (John, Juan,
// Ivan, Johann). The groups are deliberately small and conservative: a name
// belongs to one group only.
var givenNameGroups = []string{
	"alexander alex sasha sascha aleksandr oleksandr alexandre alejandro alessandro aleksander",
	"aleksei alexei alexey oleksiy alyosha",
	"benjamin ben bibi benny",
	"william bill billy will willy wilhelm guillaume guillermo",
	"robert bob bobby rob robbie roberto",
	"richard dick rick ricky ricardo",
	"theodore ted teddy theo fyodor fedor",
	"barack barry",
	"john johnny jack juan johann johannes jon ivan ian giovanni jean joao sean vanya",
	"james jim jimmy jamie jacques jaime",
	"joseph joe joey jose giuseppe josef iosif",
	"michael mike mikhail michel miguel mykhailo misha",
	"peter pete pyotr petr pierre pedro pietro petro",
	"paul pablo paolo pavel pavlo",
	"nicholas nick nikolai nicolas nikolay mykola",
	"stephen steven steve stefan stepan esteban etienne",
	"george jorge giorgio georgy georgiy georgii",
	"edward eddie eduard eduardo",
	"elizabeth liz beth betty elisabeth",
	"katherine kate katie catherine ekaterina katya kathy yekaterina",
	"margaret maggie meg peggy",
	"dmitry dima dmitri dmytro",
	"vladimir vova volodymyr volodya",
	"anthony tony antonio anton",
	"francis frank francisco francesco franz",
	"charles charlie chuck carlos karl carl",
	"henry harry enrique heinrich",
	"thomas tom tommy",
	"daniel dan danny",
	"david dave",
	"andrew andy andrei andriy andres andreas andrey",
	"matthew matt mateo matthias",
	"christopher chris",
	"lawrence larry",
	"samuel sam",
	"yevgeny evgeny zhenya eugene yevgeniy",
	"tatiana tanya tatyana",
	"natalia natasha natalya",
	"mary maria marie",
}

// givenNameGroup maps a given name to its group number (from 1).
var givenNameGroup = func() map[string]int {
	m := map[string]int{}
	for i, g := range givenNameGroups {
		for _, n := range strings.Fields(g) {
			if _, dup := m[n]; !dup {
				m[n] = i + 1
			}
		}
	}
	return m
}()

// GivenNameGroup is the number (from 1) of the group of given names that
// name the same person ("ivan", "juan", "john"...) to which the normalised
// word text belongs, 0 for none. Score pairs two given names of one group
// at NicknameSim in persons' names, whatever their spelling.
func GivenNameGroup(text string) int { return givenNameGroup[text] }

// NicknameSim is the similarity Score gives two given names of one group.
const NicknameSim = nicknameSim
