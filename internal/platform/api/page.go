package api

import (
	"net/url"
)

// PageParams are the query parameters of every list operation.
type PageParams struct {
	Cursor string `query:"cursor" doc:"Opaque cursor from the next_cursor of the previous page; empty for the first page."`
	Limit  int    `query:"limit" minimum:"1" maximum:"500" default:"50" doc:"Largest number of items to return."`
}

// PageOf is the body of a list response.
type PageOf[T any] struct {
	Items      []T    `json:"items" doc:"This page's items."`
	NextCursor string `json:"next_cursor,omitempty" doc:"Cursor of the next page; absent on the last page."`
}

// ListOutput is the response of a list operation: the page and a Link header to the next.
type ListOutput[T any] struct {
	Link string `header:"Link" doc:"RFC 8288 link to the next page."`
	Body PageOf[T]
}

// NewList returns the list response for items, with the Link header when a next page exists.
func NewList[T any](path string, query url.Values, items []T, next string) *ListOutput[T] {
	if items == nil {
		items = []T{}
	}
	out := &ListOutput[T]{Body: PageOf[T]{Items: items, NextCursor: next}}
	if next != "" {
		q := url.Values{}
		for k, v := range query {
			q[k] = v
		}
		q.Set("cursor", next)
		out.Link = "<" + path + "?" + q.Encode() + `>; rel="next"`
	}
	return out
}
