package names

import "strings"

// givenGroups lists forms of one given name across Ukrainian, Russian, Belarusian and the
// languages of the Member States; every form on a line is the same name. Any
// transliteration of a listed form is recognised through its keys, so one spelling per
// convention is not needed.
var givenGroups = []string{
	"олександр александр аляксандр alexander alexandre alessandro alejandro aleksander sándor",
	"олександра александра аляксандра alexandra alessandra alejandra aleksandra",
	"сергій сергей сяргей sergiusz sergio serge sergiu",
	"андрій андрей андрэй andrzej andreas andrea andres andré",
	"наталія наталья наталля natalia nathalie natalie",
	"олексій алексей аляксей alexei alexis",
	"микола николай мікалай mikołaj nicolae nicolas nikolaus niccolo nicola nicolás mikuláš",
	"михайло михаил міхаіл michał michael michel michele miguel mihai",
	"володимир владимир уладзімір włodzimierz wladimir",
	"дмитро дмитрий дзмітрый зміцер dymitr dmitri",
	"юрій юрий юрый jerzy",
	"іван иван jan johann juan giovanni jean",
	"петро пётр петр пятро piotr peter pierre pietro pedro",
	"павло павел паўла paweł paul paolo pablo",
	"григорій григорий рыгор grzegorz gregor gregory gregorio",
	"віктор виктор wiktor victor",
	"євген евгений яўген eugeniusz eugen eugene eugenio",
	"євгенія евгения яўгенія eugenia",
	"василь василий васіль wasyl vasile",
	"степан стефан стэфан szczepan stefan stephan",
	"віталій виталий віталь witalij vitali",
	"анатолій анатолий анатоль anatol",
	"юлія юлия юлія julia julie giulia",
	"олена елена алена алёна helena hélène elena",
	"ольга вольга olga",
	"тетяна татьяна таццяна tatiana",
	"ірина ирина iryna irena irène",
	"катерина екатерина кацярына katarzyna katharina catherine caterina catalina kateřina",
	"марія мария марыя maria marie",
	"ганна анна hanna anna anne",
	"галина галина галіна halina",
	"світлана светлана святлана swietłana",
	"людмила людмила людміла ludmiła",
	"надія надежда надзея nadzieja",
	"вікторія виктория вікторыя wiktoria victoria",
	"валентина валентина валянціна walentyna",
	"віра вера вера wiera",
	"любов любовь любоў",
	"дарія дарина дарья дар'я daria",
	"софія софия сафія zofia sophia sophie sofia žofie",
	"анастасія анастасия анастасія anastazja",
	"максим максим максім maksymilian",
	"артем артём арцём artiom",
	"ігор игорь ігар igor",
	"олег олег алег oleg",
	"костянтин константин канстанцін konstanty constantin konstantin",
	"федір федор фёдор фёдар teodor theodor",
	"яків яков якаў jakub jakob jacob giacomo",
	"йосип иосиф язэп józef josef joseph giuseppe",
	"микита никита мікіта nikita",
	"кирило кирилл кірыл cyryl",
	"данило данила даниил данііл daniel",
	"ілля илья ілья eliasz elias",
	"матвій матвей мацвей mateusz matthäus matteo",
	"тимофій тимофей цімафей tymoteusz",
	"семен семён сямён szymon simon",
	"леонід леонид леанід leonid",
	"ярослав ярослав яраслаў jarosław",
	"борис борис барыс borys",
	"оксана ксения ксенія",
	"антон антон антон antoni anton antonio antoine",
	"роман раман",
	"денис денис дзяніс",
	"вадим вадзім",
	"євдокія евдокия яўдакія",
	"тарас", "богдан", "назар", "руслан", "олесь", "яна", "зоряна", "алла", "мирослава",
	"станіслав станислав stanisław", "валерій валерий walery", "геннадій геннадий",
	"владислав władysław", "аліна алина", "христина кристина krystyna christina",
	"поліна полина", "єлизавета елизавета elżbieta elisabeth élisabeth elisabetta isabel",
	"вероніка вероника veronika", "інна инна", "соломія соломия", "лариса", "ростислав",
	"святослав", "мирослав", "зіновій зиновий", "арсен", "марко marco marek",
}

// GivenNames resolves given names, and the patronymics built on them, to equivalence
// groups. Build one with NewGivenNames and share it: it is read-only after construction.
type GivenNames struct {
	group map[string]int32 // key -> group number (1-based)
}

// NewGivenNames builds the resolver from the package's table.
func NewGivenNames() *GivenNames {
	g := &GivenNames{group: make(map[string]int32, 1024)}
	for i, line := range givenGroups {
		for _, form := range strings.Fields(line) {
			for _, k := range Keys(Clean(form)) {
				if _, taken := g.group[k]; !taken {
					g.group[k] = int32(i + 1)
				}
			}
		}
	}
	return g
}

// Group returns the equivalence group of a name key, or 0 when the name is not listed.
func (g *GivenNames) Group(key string) int32 { return g.group[key] }

// PatronymicGroup returns the given-name group a patronymic key is built on (Serhiiovych
// and Sergeevich both on Sergei), or 0.
func (g *GivenNames) PatronymicGroup(key string) int32 {
	for _, suf := range []string{"oviT", "eviT", "aviT", "iviT", "ovna", "evna", "ivna", "avna", "iT", "na"} {
		stem, ok := strings.CutSuffix(key, suf)
		if !ok || len(stem) < 2 {
			continue
		}
		for _, cand := range []string{stem, stem + "i", stem + "ei", stem + "a", stem + "o", stem + "r", stem + "ii"} {
			if grp := g.group[canon(cand)]; grp != 0 {
				return grp
			}
		}
	}
	return 0
}
