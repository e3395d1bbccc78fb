package ingest

import "testing"

func TestGuessLanguage(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"english", "The delegation met the governor of Kunduz and discussed trade.", "en"},
		{"french", "La délégation a rencontré le gouverneur et les officiels dans la ville.", "fr"},
		{"german", "Die Delegation traf den Gouverneur und sprach über den Handel mit der Region.", "de"},
		{"latin without stop words", "Kunduz Balkh Dushanbe Khatlon", ""},
		{"russian", "Делегация встретилась с губернатором Кундуза.", "ru"},
		{"tajik", "Ҳайат бо ҳокими Кундуз вохӯрд.", "tg"},
		{"cyrillic, not Russian", "Делегація зустрілася з губернатором.", ""},
		{"pashto", "ټولو ښاغلو په غونډه کې ګډون وکړ", "ps"},
		{"dari/persian", "هیئت با والی کندز دیدار کرد", "fa"},
		{"arabic", "التقى الوفد بحاكم قندوز", "ar"},
		{"mixed, no majority", "Kunduz Кундуз قندوز", ""},
		{"no letters", "12 345 — 2025", ""},
	}
	for _, tt := range tests {
		if got := guessLanguage(tt.in); got != tt.want {
			t.Errorf("%s: guessLanguage(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}
