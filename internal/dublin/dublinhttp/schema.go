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
	DublinCase                dublin.Case
	DublinPerson              dublin.Person
	DublinFamilyApplicant     dublin.FamilyApplicant
	DublinApplication         dublin.Application
	DublinFamilyMember        dublin.FamilyMember
	DublinDocument            dublin.Document
	DublinEntry               dublin.Entry
	DublinExit                dublin.Exit
	DublinStay                dublin.Stay
	DublinEurodacHit          dublin.EurodacHit
	DublinPreviousApplication dublin.PreviousApplication
	DublinRemoval             dublin.Removal
	DublinProcedure           dublin.Procedure
	DublinReply               dublin.Reply
	DublinReExamination       dublin.ReExamination
	DublinAnswer              dublin.Reply
	DublinAppeal              dublin.Appeal
	DublinExtension           dublin.Extension
	DublinDetermination       dublin.Determination
	DublinCaseRecord          dublin.CaseRecord
	DublinDeadline            dublin.Deadline
	DublinRequest             dublin.Request
	DublinCaseEvent           dublin.CaseEvent
	DublinPairStats           dublin.PairStats
	DublinCalendarItem        dublin.CalendarItem
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
