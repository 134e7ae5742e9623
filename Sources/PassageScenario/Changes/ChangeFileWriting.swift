// Change files written back as TOML, so that reading the text gives back equal changes: entries in
// the order docs/WHATIF.md documents the sections, keys in the order of each section's table, numbers
// in their shortest exact form. Used to check the reader (a round trip) and to save changes made by
// programs.

extension ScenarioChanges {
    /// The changes as the text of a change file; `ChangeFile.read` of it gives back equal changes.
    public var tomlText: String {
        var lines: [String] = []
        if let title { lines.append("title = \(ValueFormatting.tomlString(title))") }
        switch budget {
        case .amount(let amount): lines.append("budget = \(ValueFormatting.number(amount))")
        case .unlimited: lines.append("budget = \"unlimited\"")
        case nil: break
        }
        func entry(_ section: String, _ keys: [(String, String?)]) {
            lines += ["", "[[\(section)]]"] + keys.compactMap { key, value in value.map { "\(key) = \($0)" } }
        }
        let string = ValueFormatting.tomlString
        func number(_ value: Double?) -> String? { value.map { ValueFormatting.number($0) } }
        func integer(_ value: Int?) -> String? { value.map(String.init) }
        func strings(_ items: [String]) -> String? {
            items.isEmpty ? nil : "[" + items.map(string).joined(separator: ", ") + "]"
        }

        for c in safeHouses {
            entry(
                "safe_house",
                [
                    ("id", string(c.id)), ("beds", integer(c.beds)),
                    ("cost_per_person_week", number(c.costPerPersonWeek)),
                    ("max_stay_weeks", integer(c.maxStayWeeks)), ("open_from_week", integer(c.openFromWeek)),
                    ("open_until_week", integer(c.openUntilWeek)), ("closed_from_week", integer(c.closedFromWeek)),
                    ("closed_until_week", integer(c.closedUntilWeek)), ("closure_risk", number(c.closureRisk)),
                    ("transit", c.takesTransitGuests.map { $0 ? "true" : "false" }),
                ])
        }
        for h in addedSafeHouses {
            entry(
                "add_safe_house",
                [
                    ("id", string(h.id)), ("location", string(h.location)), ("beds", integer(h.beds)),
                    ("open_from_week", integer(h.openFromWeek)), ("open_until_week", integer(h.openUntilWeek)),
                    ("cost_per_person_week", number(h.costPerPersonWeek)), ("max_stay_weeks", integer(h.maxStayWeeks)),
                    ("needs_supported", strings(h.needsSupported)), ("closure_risk", number(h.closureRisk)),
                    ("transit", h.takesTransitGuests ? "true" : nil),
                ])
        }
        for id in removedSafeHouses { entry("remove_safe_house", [("id", string(id))]) }
        for c in legs {
            entry(
                "leg",
                [
                    ("id", string(c.id)), ("seats_per_week", integer(c.seatsPerWeek)),
                    ("cost_per_person", number(c.costPerPerson)),
                    ("duration_days", integer(c.durationDays)), ("risk", number(c.risk)),
                    ("cancel_rate", number(c.cancelRate)),
                ])
        }
        for l in addedLegs {
            entry(
                "add_leg",
                [
                    ("id", string(l.id)), ("from", string(l.from)), ("to", string(l.to)),
                    ("mode", string(l.mode.rawValue)),
                    ("duration_days", integer(l.durationDays)), ("cost_per_person", number(l.costPerPerson)),
                    ("seats_per_week", integer(l.seatsPerWeek)),
                    ("documents", string(ValueFormatting.documentRule(l.documents))),
                    ("risk", number(l.risk)), ("cancel_rate", number(l.cancelRate)),
                ])
        }
        for id in removedLegs { entry("remove_leg", [("id", string(id))]) }
        for c in programmes {
            entry(
                "programme",
                [
                    ("id", string(c.id)), ("quota", integer(c.quota)), ("processing_weeks", integer(c.processingWeeks)),
                    ("cost_per_person", number(c.costPerPerson)),
                    ("application_from_week", integer(c.applicationFromWeek)),
                    ("application_until_week", integer(c.applicationUntilWeek)),
                    ("processing_weeks_max", integer(c.processingWeeksMax)), ("refusal_rate", number(c.refusalRate)),
                ])
        }
        for p in addedProgrammes {
            entry(
                "add_programme",
                [
                    ("id", string(p.id)), ("destination_country", string(p.destinationCountry)),
                    ("lodged_at", string(p.lodgedAt)), ("arrival", string(p.arrival)), ("quota", integer(p.quota)),
                    ("quota_period", string(p.quotaPeriod.rawValue)), ("processing_weeks", integer(p.processingWeeks)),
                    ("nationalities", strings(p.nationalities)), ("documents", string(p.documentsRequired.rawValue)),
                    ("needs_served", strings(p.needsServed)), ("cost_per_person", number(p.costPerPerson)),
                    ("application_from_week", integer(p.applicationFromWeek)),
                    ("application_until_week", integer(p.applicationUntilWeek)),
                    ("processing_weeks_max", integer(p.processingWeeksMax)), ("refusal_rate", number(p.refusalRate)),
                ])
        }
        for id in removedProgrammes { entry("remove_programme", [("id", string(id))]) }
        for c in sharedQuotas { entry("shared_quota", [("id", string(c.id)), ("quota", integer(c.quota))]) }
        for c in documentServices {
            entry(
                "document_service",
                [
                    ("id", string(c.id)), ("capacity", integer(c.capacity)), ("weeks", integer(c.weeks)),
                    ("cost_per_person", number(c.costPerPerson)), ("weeks_max", integer(c.weeksMax)),
                    ("refusal_rate", number(c.refusalRate)),
                ])
        }
        for c in households {
            entry(
                "household",
                [
                    ("id", string(c.id)), ("passport", c.passport.map { string($0.rawValue) }),
                    ("internal_id", c.hasInternalID.map { $0 ? "true" : "false" }), ("from_week", integer(c.fromWeek)),
                    ("ready_week", integer(c.readyWeek)),
                ])
        }
        // A file that starts with an entry has no blank first line.
        return lines.drop { $0.isEmpty }.joined(separator: "\n") + "\n"
    }
}
