// Package awareness keeps the situational picture of the EU migration preparedness and
// crisis management network (the "Blueprint", Commission Recommendation (EU) 2020/1366):
// aggregate series by route, state and nationality, their analysis, early-warning rules and
// the situational report (Report on Migration and Asylum, COM(2022) 740, section 3).
//
// The model, the analysis, the rules, the readers and the report are pure functions: no SQL,
// no HTTP, no clock. Service (service.go, *_store.go, jobs.go) keeps them in the database:
// every exported method is one transaction that checks the caller's permission
// (awareness.read, .manage, .ingest), writes the rows and the audit record together and
// raises its events through the outbox. The transport (awarenesshttp: API, dashboards, the
// printable report) calls the Service only.
//
// # Store
//
//   - Observations are never updated: a row is a key and a revision. Importing the same file
//     again finds every row stored with the same value and writes nothing; a row whose key
//     and revision are stored with another value is rejected with its line (send the next
//     revision). The rows of one import are written in one transaction; rejected rows are
//     listed in the ImportResult, the others stored.
//   - A national system (an organisation that is a state) may report only its own state.
//   - Other modules publish aggregates through Publisher (Service.Ingest) or a Feed the
//     awareness.feeds job pulls; a changed count is stored as the key's next revision.
//   - The awareness.evaluate job runs the enabled rules over the weeks new data can have
//     changed, stores each alert once (rule, week, nationality), and notifies the rule's
//     organisations of recent ones (inbox and webhook topic awareness.alert). Coordinators
//     acknowledge alerts; acknowledgements are audited.
//   - Everything shown is suppressed below the configured small count outside the owning
//     state (Observations, Situation, Report).
//
// # Aggregates and invariants
//
//   - Observation: one number for a period (civil dates, both ends included), a geography
//     (state, route, border section), optionally a nationality, with its unit, qualifier
//     (exact, approximate, more than), source and revision. Aggregates only: nothing here
//     refers to a person (ARCHITECTURE.md: awareness reads aggregates, never personal data).
//   - Key: series, measure, period, geography, nationality and unit. One value per key and
//     revision; a higher revision supersedes a lower one and both are kept as history.
//   - Arrivals reported by Member States and Frontex detections are different series kinds
//     and are never summed: a Selector names exactly one kind.
//   - An empty dimension is a total. Totals and breakdowns are stored side by side, so a
//     selector matches either the total rows ("") or the breakdown rows (Any), never both.
//   - Route groups (Western Mediterranean/Atlantic, Mediterranean and Atlantic) exist only to
//     store figures published for several routes; analysis sums member routes.
//
// # Analysis
//
// Series picks, per breakdown row, the finest non-overlapping observations (a month beats
// the cumulative it is part of); Sum and Resample count partial overlaps pro rata by days;
// Weekly, Monthly, Cumulate, YearToDate, ChangeSince, TopNationalities, StateShares and Share
// build on them. Quality tells whether a sum is exact, a lower bound or an estimate.
//
// # Early warning
//
// Rule (above the trailing median, threshold crossed, new nationality in the top N,
// forecast exceeded) is evaluated on whole ISO weeks with Evaluate(rule, obs, asOf) and
// replayed with Backtest(rule, obs, from, to). DefaultRule fires on the Belarus
// prevented-entries series in July 2022.
//
// # Import
//
// ReadCSV and ReadXLSX stream the layout documented in csv-layout.md, rejecting each bad
// row with its line and reason; WriteCSV writes it.
//
// # Demo data and privacy
//
// Demo2022 returns every figure of shared/domain/figures-2022.md and synthetic weekly series
// that add up exactly to them. SuppressSmall and Report.SuppressSmall withhold small counts
// in anything shown outside the owning state.
package awareness
