package web

import "net/url"

// Frame is what the shared layout needs on every page: the header, the navigation, the flash
// message and the document language. Every page struct embeds it, and is passed to
// Templates.Render by pointer so Render can fill in what the handler left empty (Lang,
// RequestID, URL).
type Frame struct {
	// Title is the page title, a catalogue key or plain text; a page template may override
	// it by defining "title".
	Title string
	// User is the signed-in person, nil when logged out (the header then shows no user menu
	// and no navigation).
	User *User
	// Nav is the navigation for this user, built by BuildNav.
	Nav []NavSection
	// Active is the Href of the navigation item of this page; BuildNav marks it current.
	Active string
	// Flash is a one-off message shown above the content (a catalogue key or plain text).
	Flash string
	// FlashKind is FlashInfo (the default), FlashSuccess, FlashWarning or FlashError.
	FlashKind string
	// Lang is the BCP 47 tag of the page language ("en", "uk"); Render negotiates it from
	// Accept-Language when empty.
	Lang string
	// RequestID is shown on error pages so a user can quote it to the help desk; Render
	// copies it from the X-Request-Id response or request header when empty.
	RequestID string
	// URL is the request URL; Render sets it when nil. pageLinks uses it to keep the query.
	URL *url.URL
}

// frame gives Render access to the embedded Frame of any page struct. It has a pointer
// receiver, so only a pointer to a page satisfies framer and Render can fill defaults.
func (f *Frame) frame() *Frame { return f }

// framer is satisfied by *Frame and by a pointer to any struct that embeds Frame.
type framer interface{ frame() *Frame }

// User is the signed-in person as the layout shows them.
type User struct {
	Name    string   // display name
	Org     string   // organisation code, e.g. "DE-BAMF"
	OrgName string   // organisation name shown in the header
	Roles   []string // role codes, e.g. "dublin_officer"
}

// HasRole reports whether the user holds role.
func (u *User) HasRole(role string) bool {
	if u == nil {
		return false
	}
	for _, r := range u.Roles {
		if r == role {
			return true
		}
	}
	return false
}

// NavItem is one link a module offers to the navigation. Section and Label are catalogue keys
// (plain text passes through unchanged); Permission is the authorisation permission a user
// needs to see the link, empty for a link everyone signed in may see.
type NavItem struct {
	Section    string
	Label      string
	Href       string
	Permission string
	// Current is set by BuildNav on the item whose Href equals the active page.
	Current bool
}

// NavSection is a titled group of navigation links, in the order BuildNav met them.
type NavSection struct {
	Label string
	Items []NavItem
	// Current is true when one of Items is the current page.
	Current bool
}

// BuildNav keeps the items the user may see (can(permission) is true, or the permission is
// empty), groups them by Section in the order sections first appear, and marks the item whose
// Href equals active. Sections left without items are dropped. can may be nil: then only
// items without a permission are kept, so a missing policy hides links rather than shows them.
func BuildNav(items []NavItem, can func(permission string) bool, active string) []NavSection {
	var out []NavSection
	index := map[string]int{}
	for _, it := range items {
		if it.Permission != "" && (can == nil || !can(it.Permission)) {
			continue
		}
		i, ok := index[it.Section]
		if !ok {
			i = len(out)
			index[it.Section] = i
			out = append(out, NavSection{Label: it.Section})
		}
		it.Current = active != "" && it.Href == active
		out[i].Current = out[i].Current || it.Current
		out[i].Items = append(out[i].Items, it)
	}
	return out
}
