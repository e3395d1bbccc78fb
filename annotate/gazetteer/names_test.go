package gazetteer

import (
	"reflect"
	"testing"
)

func TestShortForms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Вилояти Хатлон", []string{"Хатлон"}},
		{"Хатлонская область", []string{"Хатлон"}},
		{"Согдийская область", []string{"Согд"}},
		{"Марыйский велаят", []string{"Мары"}},
		{"Чуйская область", []string{"Чуй"}},
		{"Горно-Бадахшанская автономная область", []string{"Горно-Бадахшан"}},
		{"Вилояти Мухтори Кӯҳистони Бадахшон", []string{"Кӯҳистони Бадахшон"}},
		{"Hatlonskaja oblast'", []string{"Hatlon"}},
		{"Sogdiyskaya oblast'", []string{"Sogd"}},
		{"ولایت کندوز", []string{"کندوز"}},
		{"استان فرغانه", []string{"فرغانه"}},
		{"Шаҳри Душанбе", []string{"Душанбе"}},
		{"Khatlon", nil},
		{"Province", nil},
		{"Districts of Republican Subordination", nil},
	}
	for _, tt := range tests {
		if got := shortForms(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("shortForms(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSplitName(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"Andizhan - Andijon", []string{"Andizhan", "Andijon"}},
		{"Djalal-Abad, Dzhalal-Abadskaya Oblast'", []string{"Djalal-Abad", "Dzhalal-Abadskaya Oblast'"}},
		{"Art Khvajeh (1)", []string{"Art Khvajeh"}},
		{"ماری، ترکمانستان", []string{"ماری"}}, // the country is no name of Mary
		{"Mazar-i-Sharif", []string{"Mazar-i-Sharif"}},
	}
	for _, tt := range tests {
		if got := splitName(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("splitName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
