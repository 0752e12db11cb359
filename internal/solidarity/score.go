package solidarity

import "math"

// stateLanguages returns the official languages of a receiving state and how far English
// carries there (0-1), for the language part of the integration score.
func stateLanguages(code string) ([]string, float64) {
	switch code {
	case "AT", "DE", "LI":
		return []string{"de"}, 0.35
	case "BE":
		return []string{"fr", "nl", "de"}, 0.45
	case "CH":
		return []string{"de", "fr", "it"}, 0.45
	case "LU":
		return []string{"fr", "de", "lb"}, 0.5
	case "FR":
		return []string{"fr"}, 0.2
	case "IE", "MT":
		return []string{"en"}, 1
	case "CY", "GR":
		return []string{"el"}, 0.4
	case "FI":
		return []string{"fi", "sv"}, 0.6
	case "SE":
		return []string{"sv"}, 0.7
	case "NL":
		return []string{"nl"}, 0.75
	case "DK":
		return []string{"da"}, 0.7
	case "NO":
		return []string{"no"}, 0.7
	case "IS":
		return []string{"is"}, 0.7
	case "ES":
		return []string{"es"}, 0.25
	case "PT":
		return []string{"pt"}, 0.3
	case "IT":
		return []string{"it"}, 0.25
	}
	lang := map[string]string{"BG": "bg", "CZ": "cs", "EE": "et", "HR": "hr", "HU": "hu", "LT": "lt", "LV": "lv",
		"PL": "pl", "RO": "ro", "SI": "sl", "SK": "sk"}[code]
	return []string{lang}, 0.3
}

// Score is the predicted probability that an employable member of the household finds work
// within two years at place p: a logistic model of the household's lead adult (age,
// education), the languages the household speaks against the state's, the region's
// unemployment and a family link there, in the manner of GeoMatch. It is a stand-in to be
// replaced by a model fitted on historical data; rounded to 4 decimals as the format needs.
func Score(pr *Profile, p Place) float64 {
	lead := leadAdult(pr)
	x := -1.15
	if lead != nil {
		x += ageEffect[lead.AgeGroup]
		if lead.Education != nil {
			x += eduEffect[*lead.Education]
		}
	}
	langs, english := stateLanguages(p.State)
	lang := 0.0
	for _, m := range pr.Members {
		for _, l := range m.Languages {
			for _, o := range langs {
				if l == o {
					lang = max(lang, 0.85)
				}
			}
			if l == "en" {
				lang = max(lang, 0.45*english)
			}
		}
	}
	x += lang - 7*(p.UnemploymentRate-0.06)
	if p.Urban {
		x += 0.1
	}
	if pr.FamilyLinkState == p.State {
		x += 0.3
	}
	return round4(1 / (1 + math.Exp(-x)))
}

func leadAdult(pr *Profile) *Member {
	for i := range pr.Members {
		if pr.Members[i].AgeGroup != "0-17" && pr.Members[i].AgeGroup != "65+" {
			return &pr.Members[i]
		}
	}
	if len(pr.Members) > 0 {
		return &pr.Members[0]
	}
	return nil
}
