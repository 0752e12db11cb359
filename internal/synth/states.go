package synth

import "strings"

// stateTable: code | thousands of temporary-protection registrations in 2022 | national
// transliteration convention | date format | share of records with a patronymic |
// address template | postcode pattern | localities with postcode prefix | streets.
//
// The registration figures are APPROXIMATE orders of magnitude from public Eurostat and UNHCR
// figures for 2022 (Poland and Germany largest, then Czechia, ...); they shape the demo, they
// are not statistics.
const stateTable = `AT|95|DE|dmy.|0.2|{s}gasse {n}/{a}|9999|Wien:1 Graz:8 Linz:4 Salzburg:5 Innsbruck:6|Haupt,Kirchen,Schul,Berg,Mühl
BE|63|FR|dmy/|0.2|{s} {n}|9999|Bruxelles:1 Liège:4 Antwerpen:2 Gent:9 Namur:5|Rue Royale,Rue de la Loi,Avenue Louise,Kerkstraat,Stationsstraat
BG|150|BGC|dmy.|0.8|ул. {s} {n}|9999|София:1 Варна:9 Бургас:8 Пловдив:4|Витоша,Раковски,Шипка,Христо Ботев
CY|18|EN|dmy/|0.2|{n} {s}|9999|Nicosia:1 Limassol:3 Larnaca:6 Paphos:8|Makarios Avenue,Ledra Street,Anexartisias Street
CZ|470|CZ|dmy.|0.4|{s} {n}|999 99|Praha:1 Brno:6 Ostrava:7 Plzeň:3 Liberec:4 Olomouc:7|Vinohradská,Husova,Masarykova,Nádražní,Školní,Palackého
DE|1000|DE|dmy.|0.2|{s} {n}|99999|Berlin:1 Hamburg:2 München:8 Köln:5 Frankfurt_am_Main:6 Leipzig:0 Dresden:0 Hannover:3|Hauptstraße,Bahnhofstraße,Schillerstraße,Goethestraße,Gartenstraße,Lindenstraße,Berliner Straße,Am Markt
DK|37|SV|iso|0.1|{s} {n}|9999|København:1 Aarhus:8 Odense:5 Aalborg:9|Vestergade,Østergade,Nørregade,Strandvejen
EE|43|ET|dmy.|0.5|{s} {n}-{a}|99999|Tallinn:1 Tartu:5 Narva:2 Pärnu:8|Narva mnt,Pärnu mnt,Tartu mnt,Pikk
GR|21|EN|dmy/|0.2|{s} {n}|999 99|Athina:1 Thessaloniki:5 Patra:2|Ermou,Stadiou,Egnatia,Panepistimiou
ES|160|ES|dmy/|0.2|Calle {s} {n}|99999|Madrid:2 Barcelona:0 Valencia:4 Málaga:2 Alicante:0|Mayor,Real,del Sol,de la Paz,Nueva
FI|47|ET|dmy.|0.2|{s} {n} A {a}|99999|Helsinki:0 Espoo:0 Tampere:3 Turku:2|Mannerheimintie,Hämeenkatu,Aleksanterinkatu
FR|105|FR|dmy/|0.2|{n} {s}|99999|Paris:7 Lyon:6 Marseille:1 Strasbourg:6 Nice:0 Toulouse:3|rue de la Paix,avenue Jean Jaurès,rue Victor Hugo,boulevard Voltaire,rue de la République
HR|20|HR|dmy.|0.3|{s} {n}|99999|Zagreb:1 Split:2 Rijeka:5 Osijek:3|Ilica,Vukovarska,Savska,Ulica kralja Tomislava
HU|32|HU|iso|0.3|{s} utca {n}|9999|Budapest:1 Debrecen:4 Szeged:6 Nyíregyháza:4|Fő,Kossuth Lajos,Petőfi Sándor,Rákóczi
IE|70|EN|dmy/|0.2|{n} {s}|A99 X999|Dublin:D Cork:T Galway:H Limerick:V|Main Street,Church Road,Bridge Street,Patrick Street
IT|155|IT|dmy/|0.2|Via {s} {n}|99999|Roma:0 Milano:2 Napoli:8 Torino:1 Bologna:4|Roma,Garibaldi,Mazzini,Cavour,Dante
LT|70|LT|iso|0.6|{s} g. {n}-{a}|LT-99999|Vilnius:0 Kaunas:4 Klaipėda:9 Šiauliai:7|Gedimino,Vilniaus,Laisvės,Taikos
LU|7|FR|dmy/|0.2|{n} {s}|L-9999|Luxembourg:1 Esch-sur-Alzette:4 Differdange:4|rue de la Gare,avenue de la Liberté,Grand-Rue
LV|42|LV|dmy.|0.6|{s} iela {n}-{a}|LV-9999|Rīga:1 Daugavpils:5 Liepāja:3 Jelgava:3|Brīvības,Elizabetes,Krišjāņa Barona,Tērbatas
MT|2|EN|dmy/|0.2|{n} {s}|AAA 9999|Valletta:V Sliema:S Birkirkara:B|Triq ir-Repubblika,Triq il-Kbira,Triq San Pawl
NL|90|NL|iso|0.2|{s} {n}|9999 AA|Amsterdam:1 Rotterdam:3 Den_Haag:2 Utrecht:3 Eindhoven:5|Kerkstraat,Dorpsstraat,Stationsweg,Molenweg,Schoolstraat
PL|1560|PL|dmy.|0.5|ul. {s} {n}/{a}|99-999|Warszawa:0 Kraków:3 Wrocław:5 Gdańsk:8 Poznań:6 Łódź:9 Lublin:2 Rzeszów:3 Katowice:4|Marszałkowska,Długa,Lipowa,Polna,Leśna,Słoneczna,Mickiewicza,Kościuszki
PT|56|PT|dmy/|0.2|Rua {s} {n}|9999-999|Lisboa:1 Porto:4 Braga:4 Faro:8|Augusta,de Santa Catarina,do Carmo,Direita
RO|100|RO|dmy.|0.3|Str. {s} nr. {n}|999999|București:0 Cluj-Napoca:4 Iași:7 Suceava:7 Brașov:5 Constanța:9|Mihai Eminescu,Unirii,Independenței,Republicii
SE|50|SV|iso|0.1|{s} {n}|999 99|Stockholm:1 Göteborg:4 Malmö:2 Uppsala:7|Storgatan,Drottninggatan,Kungsgatan,Skolgatan
SI|9|HR|dmy.|0.3|{s} {n}|9999|Ljubljana:1 Maribor:2 Celje:3 Koper:6|Slovenska cesta,Prešernova ulica,Trubarjeva cesta
SK|105|SK|dmy.|0.4|{s} {n}|999 99|Bratislava:8 Košice:0 Prešov:0 Žilina:0 Michalovce:0|Hlavná,Štúrova,Námestie SNP,Obchodná,Mierová`

// stateInfo is what the generator needs to know about one Member State.
type stateInfo struct {
	code       string
	weight     float64
	conv       string
	dateFormat string
	patronymic float64
	addrTpl    string
	postcode   string
	localities []locality
	streets    []string
}

// locality is a town with the first characters of its postcodes.
type locality struct{ name, prefix string }

func parseStates() []stateInfo {
	var out []stateInfo
	for _, line := range strings.Split(stateTable, "\n") {
		f := strings.Split(line, "|")
		s := stateInfo{code: f[0], weight: float64(atoi(f[1])), conv: f[2], dateFormat: f[3],
			patronymic: float64(f[4][2]-'0') / 10, addrTpl: f[5], postcode: f[6], streets: strings.Split(f[8], ",")}
		for _, l := range strings.Fields(f[7]) {
			name, pre, _ := strings.Cut(l, ":")
			s.localities = append(s.localities, locality{strings.ReplaceAll(name, "_", " "), pre})
		}
		out = append(out, s)
	}
	return out
}

// StateWeights returns each Member State's share of temporary-protection registrations in
// 2022, summing to 1. The figures are approximate (public Eurostat and UNHCR orders of
// magnitude); they are meant for demo data, not for statistics.
func StateWeights() map[string]float64 {
	states := parseStates()
	total := 0.0
	for _, s := range states {
		total += s.weight
	}
	w := make(map[string]float64, len(states))
	for _, s := range states {
		w[s.code] = s.weight / total
	}
	return w
}
