package synth

import "testing"

// TestRender checks each convention against spellings found in that convention's practice.
func TestRender(t *testing.T) {
	r := newRenderer()
	tests := []struct {
		cyr  string
		conv string
		l    lang
		want string
	}{
		{"Шевченко", convUA2010, langUK, "Shevchenko"},
		{"Шевченко", convPL, langUK, "Szewczenko"},
		{"Шевченко", convDE, langUK, "Schewtschenko"},
		{"Шевченко", convFR, langUK, "Chevtchenko"},
		{"Шевченко", convCZ, langUK, "Ševčenko"},
		{"Шевченко", convSK, langUK, "Ševčenko"},
		{"Шевченко", convHU, langUK, "Sevcsenko"},
		{"Шевченко", convRO, langUK, "Șevcenco"},
		{"Шевченко", convLT, langUK, "Ševčenko"},
		{"Шевченко", convLV, langUK, "Ševčenko"},
		{"Шевченко", convNL, langUK, "Sjevtsjenko"},
		{"Шевченко", convIT, langUK, "Scevcenko"},
		{"Шевченко", convES, langUK, "Shevchenko"},
		{"Шевченко", convEN, langUK, "Shevchenko"},
		{"Шевченко", convICAO, langUK, "SHEVCHENKO"},
		{"Шевченко", convSV, langUK, "Sjevtjenko"},
		{"Шевченко", convET, langUK, "Ševtšenko"},
		{"Шевченко", convHR, langUK, "Ševčenko"},
		{"Шевченко", convPT, langUK, "Chevtchenko"},
		{"Ковальчук", convPT, langUK, "Kovaltchuk"},
		{"Харків", convHR, langUK, "Harkiv"},
		{"Харків", convET, langUK, "Harkiv"},
		{"Харків", convSV, langUK, "Charkiv"},
		{"ШЕВЧЕНКО", convDE, langUK, "SCHEWTSCHENKO"},
		{"Олександр", convUA2010, langUK, "Oleksandr"},
		{"Олександр", convPL, langUK, "Ołeksandr"},
		{"Олександр", convDE, langUK, "Oleksandr"},
		{"Олександр", convRO, langUK, "Olexandr"},
		{"Александр", convUAOld, langRU, "Aleksandr"},
		{"Александр", convPL, langRU, "Aleksandr"},
		{"Сергій", convUA2010, langUK, "Serhii"},
		{"Сергій", convUAOld, langUK, "Serhiy"},
		{"Сергій", convICAO, langUK, "SERGII"},
		{"Сергій", convDE, langUK, "Serhij"},
		{"Сергій", convFR, langUK, "Serhiï"},
		{"Сергей", convUAOld, langRU, "Sergey"},
		{"Сергей", convUA2010, langRU, "Sergei"},
		{"Сергей", convPL, langRU, "Siergiej"},
		{"Сергей", convDE, langRU, "Sergej"},
		{"Сергей", convFR, langRU, "Sergueï"},
		{"Сергей", convEN, langRU, "Sergey"},
		{"Андрей", convPL, langRU, "Andriej"},
		{"Алексей", convPL, langRU, "Aleksiej"},
		{"Наталія", convUA2010, langUK, "Nataliia"},
		{"Наталія", convEN, langUK, "Nataliya"},
		{"Наталія", convFR, langUK, "Natalia"},
		{"Наталія", convDE, langUK, "Natalija"},
		{"Наталья", convUAOld, langRU, "Natalya"},
		{"Наталья", convICAO, langRU, "NATALIA"},
		{"Наталья", convDE, langRU, "Natalja"},
		{"Юлія", convUA2010, langUK, "Yuliia"},
		{"Юлія", convFR, langUK, "Ioulia"},
		{"Юлія", convES, langUK, "Yulia"},
		{"Галина", convICAO, langUK, "GALINA"},
		{"Галина", convUA2010, langUK, "Halyna"},
		{"Згурський", convUA2010, langUK, "Zghurskyi"},
		{"Ковальчук", convPL, langUK, "Kowalczuk"},
		{"Ковальчук", convFR, langUK, "Kovaltchouk"},
		{"Ковальчук", convNL, langUK, "Kovaltsjoek"},
		{"Ковальчук", convIT, langUK, "Kovalciuk"},
		{"Ковальська", convPL, langUK, "Kowalska"},
		{"Ковальський", convCZ, langUK, "Kovalský"},
		{"Ковальська", convUA2010, langUK, "Kovalska"},
		{"Хоменко", convES, langUK, "Jomenko"},
		{"Хоменко", convDE, langUK, "Chomenko"},
		{"Мельник", convSK, langUK, "Meľnyk"},
		{"Мельник", convLV, langUK, "Meļnik"},
		{"Володимир", convPL, langUK, "Wołodymyr"},
		{"Ольга", convEN, langUK, "Ol’ha"},
		{"Василь", convPL, langUK, "Wasyl"},
		{"Марія", convIT, langUK, "Maria"},
		{"Олесь", convPL, langUK, "Ołeś"},
		{"Шевченко-Коваль", convDE, langUK, "Schewtschenko-Kowal"},
		{"Анна Марія", convUA2010, langUK, "Anna Mariia"},
		{"Олена", "XX", langUK, "Олена"},
		{"Дем'янчук", convUA2010, langUK, "Demianchuk"},
		{"Дем'янчук", convPL, langUK, "Demjanczuk"},
		{"Дем'янчук", convDE, langUK, "Demjantschuk"},
		{"Дем'янчук", convEN, langUK, "Demyanchuk"},
		{"Мар'яна", convUA2010, langUK, "Mariana"},
		{"Марьяна", convICAO, langRU, "MARIANA"},
	}
	for _, tt := range tests {
		if got := r.render(tt.cyr, tt.conv, tt.l); got != tt.want {
			t.Errorf("render(%q, %s, %d) = %q, want %q", tt.cyr, tt.conv, tt.l, got, tt.want)
		}
	}
}
