package authz

// Permission is one kind of action on one kind of data.
type Permission string

// Permissions on personal data are scoped to the caller's organisation by RequireOwner;
// permissions on aggregates ("stats") are not, because aggregates carry no personal data.
const (
	// Identity resolution and cross-register search.
	PermIdentitySearch Permission = "identity.search"

	// Temporary protection registration platform.
	PermTPRead   Permission = "tp.registration.read"
	PermTPWrite  Permission = "tp.registration.write"
	PermTPReview Permission = "tp.review.decide"
	PermTPImport Permission = "tp.import"
	PermTPStats  Permission = "tp.stats.read"

	// Eurodac and Dublin.
	PermEurodacRead  Permission = "eurodac.read"
	PermEurodacWrite Permission = "eurodac.write"
	PermDublinRead   Permission = "dublin.case.read"
	PermDublinWrite  Permission = "dublin.case.write"
	PermDublinStats  Permission = "dublin.stats.read"
	PermDublinRules  Permission = "dublin.evaluate"

	// Border systems.
	PermBorderRead  Permission = "border.read"
	PermBorderWrite Permission = "border.write"

	// Returns, reception, resettlement, talent pool.
	PermReturnsRead      Permission = "returns.read"
	PermReturnsWrite     Permission = "returns.write"
	PermReceptionRead    Permission = "reception.read"
	PermReceptionWrite   Permission = "reception.write"
	PermResettlementRead Permission = "resettlement.read"

	// Solidarity mechanism.
	PermSolidarityRead       Permission = "solidarity.read"
	PermSolidarityPledge     Permission = "solidarity.pledge"
	PermSolidarityCandidates Permission = "solidarity.candidates"
	PermSolidarityMatch      Permission = "solidarity.match"

	// Situational awareness.
	PermAwarenessRead   Permission = "awareness.read"
	PermAwarenessManage Permission = "awareness.manage"
	PermAwarenessIngest Permission = "awareness.ingest"

	// Platform.
	PermInboxRead   Permission = "inbox.read"
	PermAuditRead   Permission = "audit.read"
	PermAdminUsers  Permission = "admin.users"
	PermAdminTokens Permission = "admin.tokens"
	PermAdminHooks  Permission = "admin.webhooks"
	PermJobsRun     Permission = "jobs.run"
	PermProfileRead Permission = "profile.read"
)

// grants is the policy table: what each role may do. Officers of a Member State work on
// their own state's records (border guards also report their state's arrival and
// prevented-entry figures to situational awareness, which accepts a state's own figures only); analysts and coordinators see aggregates only; auditors read
// the audit log; administrators manage accounts of their own organisation but see no
// personal data (separation of duties).
func grants(r Role) []Permission {
	switch r {
	case RoleRegistrationOfficer:
		return []Permission{PermProfileRead, PermInboxRead, PermIdentitySearch, PermTPRead, PermTPWrite,
			PermTPReview, PermTPImport, PermTPStats, PermEurodacRead, PermEurodacWrite, PermDublinRules}
	case RoleDublinOfficer:
		return []Permission{PermProfileRead, PermInboxRead, PermIdentitySearch, PermDublinRead, PermDublinWrite,
			PermDublinStats, PermDublinRules, PermEurodacRead}
	case RoleBorderGuard:
		return []Permission{PermProfileRead, PermInboxRead, PermIdentitySearch, PermBorderRead, PermBorderWrite,
			PermEurodacRead, PermEurodacWrite, PermAwarenessIngest}
	case RoleReturnOfficer:
		return []Permission{PermProfileRead, PermInboxRead, PermIdentitySearch, PermReturnsRead, PermReturnsWrite}
	case RoleReceptionCoordinator:
		return []Permission{PermProfileRead, PermInboxRead, PermReceptionRead, PermReceptionWrite,
			PermSolidarityRead, PermSolidarityCandidates, PermSolidarityPledge}
	case RoleAnalyst:
		return []Permission{PermProfileRead, PermTPStats, PermDublinStats, PermAwarenessRead, PermSolidarityRead,
			PermDublinRules}
	case RoleCoordinator:
		return []Permission{PermProfileRead, PermInboxRead, PermTPStats, PermDublinStats, PermAwarenessRead,
			PermAwarenessManage, PermAwarenessIngest, PermSolidarityRead, PermSolidarityMatch, PermSolidarityPledge,
			PermDublinRules}
	case RoleAuditor:
		return []Permission{PermProfileRead, PermAuditRead}
	case RoleAdmin:
		return []Permission{PermProfileRead, PermAdminUsers, PermAdminTokens, PermAdminHooks}
	case roleSystem:
		return []Permission{PermTPRead, PermTPWrite, PermDublinRead, PermDublinWrite, PermEurodacRead,
			PermEurodacWrite, PermJobsRun, PermAwarenessIngest, PermSolidarityRead, PermAuditRead,
			PermAdminUsers, PermAdminTokens, PermAwarenessRead}
	}
	return nil
}

// Grants returns the permissions of r, for the UI and documentation.
func Grants(r Role) []Permission { return append([]Permission(nil), grants(r)...) }
