package awareness

import (
	"slices"
	"strings"
)

// Route is a migratory route as the Commission's report and Frontex name them. Besides the
// seven routes, two groups exist only so published figures that cover several routes can be
// stored as published; analysis sums the member routes and never a group together with them.
type Route string

// The routes of the report, section 3.
const (
	RouteCentralMed        Route = "central_mediterranean"
	RouteEasternMed        Route = "eastern_mediterranean" // Greece, Cyprus and Bulgaria's sea border; Cyprus included
	RouteWesternMed        Route = "western_mediterranean" // Spanish mainland, Ceuta and Melilla
	RouteAtlantic          Route = "atlantic"              // West African route to the Canary Islands
	RouteWesternBalkans    Route = "western_balkans"
	RouteEasternLandBorder Route = "eastern_land_border" // includes the border with Belarus
	RouteChannel           Route = "channel"             // exits towards the United Kingdom

	// RouteWesternMedAtlantic is the report's "Western Mediterranean/Atlantic route" (fn 45).
	RouteWesternMedAtlantic Route = "western_mediterranean_atlantic"
	// RouteMedAtlantic is the report's total "along the Mediterranean routes" (fn 45),
	// which includes the Atlantic route.
	RouteMedAtlantic Route = "mediterranean_atlantic"
)

// Routes lists the seven routes in the order reports show them.
func Routes() []Route {
	return []Route{RouteCentralMed, RouteEasternMed, RouteWesternMed, RouteAtlantic,
		RouteWesternBalkans, RouteEasternLandBorder, RouteChannel}
}

// Members returns the routes r stands for: itself for a route, its members for a group,
// nil when r is unknown.
func (r Route) Members() []Route {
	switch r {
	case RouteWesternMedAtlantic:
		return []Route{RouteWesternMed, RouteAtlantic}
	case RouteMedAtlantic:
		return []Route{RouteCentralMed, RouteEasternMed, RouteWesternMed, RouteAtlantic}
	}
	if slices.Contains(Routes(), r) {
		return []Route{r}
	}
	return nil
}

// IsGroup reports whether r is a group of routes.
func (r Route) IsGroup() bool { return len(r.Members()) > 1 }

// Label returns the English name of r.
func (r Route) Label() string {
	switch r {
	case RouteCentralMed:
		return "Central Mediterranean"
	case RouteEasternMed:
		return "Eastern Mediterranean"
	case RouteWesternMed:
		return "Western Mediterranean"
	case RouteAtlantic:
		return "Atlantic (Canary Islands)"
	case RouteWesternBalkans:
		return "Western Balkans"
	case RouteEasternLandBorder:
		return "Eastern land border"
	case RouteChannel:
		return "Channel"
	case RouteWesternMedAtlantic:
		return "Western Mediterranean/Atlantic"
	case RouteMedAtlantic:
		return "Mediterranean and Atlantic routes"
	}
	return string(r)
}

// stateCodes are the Member States (EU protocol codes: EL for Greece) and the Schengen
// associated states, the geographies that report to the network; a constant, not a slice,
// so nothing can change it at run time.
const stateCodes = " AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK CH IS LI NO "

// IsState reports whether code is a Member State or associated state (EU protocol code).
func IsState(code string) bool {
	return len(code) == 2 && strings.Contains(stateCodes, " "+code+" ")
}
