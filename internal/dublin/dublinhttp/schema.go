package dublinhttp

import (
	"reflect"

	"github.com/danielgtaylor/huma/v2"

	"github.com/ceas-eu/ceas/internal/dublin"
	"github.com/ceas-eu/ceas/internal/platform/timelimit"
)

// The OpenAPI document names a schema after its Go type, and other modules have types
// called Person, Document or Request too; these defined types give the Dublin schemas
// names of their own (DublinPerson, ...) with the same JSON shape.
type (
	// DublinCase is dublin.Case under its OpenAPI schema name.
	DublinCase dublin.Case
	// DublinPerson is dublin.Person under its OpenAPI schema name.
	DublinPerson dublin.Person
	// DublinFamilyApplicant is dublin.FamilyApplicant under its OpenAPI schema name.
	DublinFamilyApplicant dublin.FamilyApplicant
	// DublinApplication is dublin.Application under its OpenAPI schema name.
	DublinApplication dublin.Application
	// DublinFamilyMember is dublin.FamilyMember under its OpenAPI schema name.
	DublinFamilyMember dublin.FamilyMember
	// DublinDocument is dublin.Document under its OpenAPI schema name.
	DublinDocument dublin.Document
	// DublinEntry is dublin.Entry under its OpenAPI schema name.
	DublinEntry dublin.Entry
	// DublinExit is dublin.Exit under its OpenAPI schema name.
	DublinExit dublin.Exit
	// DublinStay is dublin.Stay under its OpenAPI schema name.
	DublinStay dublin.Stay
	// DublinEurodacHit is dublin.EurodacHit under its OpenAPI schema name.
	DublinEurodacHit dublin.EurodacHit
	// DublinPreviousApplication is dublin.PreviousApplication under its OpenAPI schema name.
	DublinPreviousApplication dublin.PreviousApplication
	// DublinRemoval is dublin.Removal under its OpenAPI schema name.
	DublinRemoval dublin.Removal
	// DublinProcedure is dublin.Procedure under its OpenAPI schema name.
	DublinProcedure dublin.Procedure
	// DublinReply is dublin.Reply under its OpenAPI schema name.
	DublinReply dublin.Reply
	// DublinReExamination is dublin.ReExamination under its OpenAPI schema name.
	DublinReExamination dublin.ReExamination
	// DublinAnswer is dublin.Reply under its OpenAPI schema name.
	DublinAnswer dublin.Reply
	// DublinAppeal is dublin.Appeal under its OpenAPI schema name.
	DublinAppeal dublin.Appeal
	// DublinExtension is dublin.Extension under its OpenAPI schema name.
	DublinExtension dublin.Extension
	// DublinDetermination is dublin.Determination under its OpenAPI schema name.
	DublinDetermination dublin.Determination
	// DublinCaseRecord is dublin.CaseRecord under its OpenAPI schema name.
	DublinCaseRecord dublin.CaseRecord
	// DublinDeadline is dublin.Deadline under its OpenAPI schema name.
	DublinDeadline dublin.Deadline
	// DublinRequest is dublin.Request under its OpenAPI schema name.
	DublinRequest dublin.Request
	// DublinCaseEvent is dublin.CaseEvent under its OpenAPI schema name.
	DublinCaseEvent dublin.CaseEvent
	// DublinPairStats is dublin.PairStats under its OpenAPI schema name.
	DublinPairStats dublin.PairStats
	// DublinCalendarItem is dublin.CalendarItem under its OpenAPI schema name.
	DublinCalendarItem dublin.CalendarItem
)

// registerSchemas makes the schema generator use the Dublin-named types.
func registerSchemas(a huma.API) {
	r := a.OpenAPI().Components.Schemas
	alias := func(t, as reflect.Type) { r.RegisterTypeAlias(t, as) }
	alias(reflect.TypeFor[timelimit.Date](), reflect.TypeFor[string]())
	alias(reflect.TypeFor[dublin.Case](), reflect.TypeFor[DublinCase]())
	alias(reflect.TypeFor[dublin.Person](), reflect.TypeFor[DublinPerson]())
	alias(reflect.TypeFor[dublin.FamilyApplicant](), reflect.TypeFor[DublinFamilyApplicant]())
	alias(reflect.TypeFor[dublin.Application](), reflect.TypeFor[DublinApplication]())
	alias(reflect.TypeFor[dublin.FamilyMember](), reflect.TypeFor[DublinFamilyMember]())
	alias(reflect.TypeFor[dublin.Document](), reflect.TypeFor[DublinDocument]())
	alias(reflect.TypeFor[dublin.Entry](), reflect.TypeFor[DublinEntry]())
	alias(reflect.TypeFor[dublin.Exit](), reflect.TypeFor[DublinExit]())
	alias(reflect.TypeFor[dublin.Stay](), reflect.TypeFor[DublinStay]())
	alias(reflect.TypeFor[dublin.EurodacHit](), reflect.TypeFor[DublinEurodacHit]())
	alias(reflect.TypeFor[dublin.PreviousApplication](), reflect.TypeFor[DublinPreviousApplication]())
	alias(reflect.TypeFor[dublin.Removal](), reflect.TypeFor[DublinRemoval]())
	alias(reflect.TypeFor[dublin.Procedure](), reflect.TypeFor[DublinProcedure]())
	alias(reflect.TypeFor[dublin.Reply](), reflect.TypeFor[DublinReply]())
	alias(reflect.TypeFor[dublin.ReExamination](), reflect.TypeFor[DublinReExamination]())
	alias(reflect.TypeFor[dublin.Answer](), reflect.TypeFor[DublinAnswer]())
	alias(reflect.TypeFor[dublin.Appeal](), reflect.TypeFor[DublinAppeal]())
	alias(reflect.TypeFor[dublin.Extension](), reflect.TypeFor[DublinExtension]())
	alias(reflect.TypeFor[dublin.Determination](), reflect.TypeFor[DublinDetermination]())
	alias(reflect.TypeFor[dublin.CaseRecord](), reflect.TypeFor[DublinCaseRecord]())
	alias(reflect.TypeFor[dublin.Deadline](), reflect.TypeFor[DublinDeadline]())
	alias(reflect.TypeFor[dublin.Request](), reflect.TypeFor[DublinRequest]())
	alias(reflect.TypeFor[dublin.CaseEvent](), reflect.TypeFor[DublinCaseEvent]())
	alias(reflect.TypeFor[dublin.PairStats](), reflect.TypeFor[DublinPairStats]())
	alias(reflect.TypeFor[dublin.CalendarItem](), reflect.TypeFor[DublinCalendarItem]())
}
