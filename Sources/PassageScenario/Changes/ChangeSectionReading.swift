// One function per section of a change file: reads an entry's keys into its change value. Ranges are
// the ones of the scenario's own tables (docs/SCENARIO.md); weeks are checked against the horizon and
// ids against the scenario when the changes are applied.

enum ChangeSectionReading {
    /// `[[safe_house]]`: new beds, cost, longest stay, open window or a closure of an existing house.
    static func safeHouse(_ entry: inout ChangeEntryReader) -> ChangeEntry<SafeHouseChange>? {
        let id = entry.identifier("id")
        let beds = entry.integer("beds", atLeast: 0)
        let cost = entry.number("cost_per_person_week", atLeast: 0)
        let maxStay = entry.integer("max_stay_weeks", atLeast: 1)
        let openFrom = entry.integer("open_from_week", atLeast: 1)
        let openUntil = entry.integer("open_until_week", atLeast: 1)
        let closedFrom = entry.integer("closed_from_week", atLeast: 1)
        var closedUntil = entry.integer("closed_until_week", atLeast: 1)
        if let from = closedFrom, let until = closedUntil, until < from {
            entry.fail(
                "closed_until_week", "closed_until_week must be closed_from_week (\(from)) or later (got \(until))")
            closedUntil = nil
        }
        let closureRisk = entry.number("closure_risk", 0...1)
        let transit = entry.yesNo("transit")
        guard let id else { return nil }
        var change = SafeHouseChange(id: id)
        change.takesTransitGuests = transit
        (change.beds, change.costPerPersonWeek, change.maxStayWeeks) = (beds, cost, maxStay)
        change.closureRisk = closureRisk
        (change.openFromWeek, change.openUntilWeek) = (openFrom, openUntil)
        (change.closedFromWeek, change.closedUntilWeek) = (closedFrom, closedUntil)
        return changesSomething(&entry, change, change == SafeHouseChange(id: id))
    }

    /// `[[leg]]`: new seats, fare, duration or risk of an existing leg.
    static func leg(_ entry: inout ChangeEntryReader) -> ChangeEntry<LegChange>? {
        let id = entry.identifier("id")
        var change = LegChange(id: id ?? "")
        change.seatsPerWeek = entry.integer("seats_per_week", atLeast: 0)
        change.costPerPerson = entry.number("cost_per_person", atLeast: 0)
        change.durationDays = entry.integer("duration_days", 0...30)
        change.risk = entry.number("risk", 0...10)
        change.cancelRate = entry.number("cancel_rate", 0...1)
        guard let id else { return nil }
        return changesSomething(&entry, change, change == LegChange(id: id))
    }

    /// `[[programme]]`: new quota, processing time, cost or application window of an existing programme.
    static func programme(_ entry: inout ChangeEntryReader) -> ChangeEntry<ProgrammeChange>? {
        let id = entry.identifier("id")
        var change = ProgrammeChange(id: id ?? "")
        change.quota = entry.integer("quota", atLeast: 0)
        change.processingWeeks = entry.integer("processing_weeks", 1...52)
        change.costPerPerson = entry.number("cost_per_person", atLeast: 0)
        change.applicationFromWeek = entry.integer("application_from_week", atLeast: 1)
        change.applicationUntilWeek = entry.integer("application_until_week", atLeast: 1)
        change.processingWeeksMax = entry.integer("processing_weeks_max", 1...52)
        change.refusalRate = entry.number("refusal_rate", 0...1)
        guard let id else { return nil }
        return changesSomething(&entry, change, change == ProgrammeChange(id: id))
    }

    /// `[[shared_quota]]`: a new quota of an existing shared quota.
    static func sharedQuota(_ entry: inout ChangeEntryReader) -> ChangeEntry<SharedQuotaChange>? {
        let id = entry.identifier("id")
        var change = SharedQuotaChange(id: id ?? "")
        change.quota = entry.integer("quota", atLeast: 0)
        guard let id else { return nil }
        return changesSomething(&entry, change, change == SharedQuotaChange(id: id))
    }

    /// `[[document_service]]`: a new weekly capacity, waiting time, cost or (for `passage stress`) slowest
    /// wait or refusal rate of an existing document service.
    static func documentService(_ entry: inout ChangeEntryReader) -> ChangeEntry<DocumentServiceChange>? {
        let id = entry.identifier("id")
        var change = DocumentServiceChange(id: id ?? "")
        change.capacity = entry.integer("capacity", atLeast: 0)
        change.weeks = entry.integer("weeks", 1...52)
        change.costPerPerson = entry.number("cost_per_person", atLeast: 0)
        change.weeksMax = entry.integer("weeks_max", 1...52)
        change.refusalRate = entry.number("refusal_rate", 0...1)
        guard let id else { return nil }
        return changesSomething(&entry, change, change == DocumentServiceChange(id: id))
    }

    /// `[[household]]`: new documents (from a week) or a new ready week.
    static func household(_ entry: inout ChangeEntryReader) -> ChangeEntry<HouseholdChange>? {
        let id = entry.identifier("id")
        var change = HouseholdChange(id: id ?? "")
        change.passport = entry.choice("passport", PassportStatus.self)
        change.hasInternalID = entry.yesNo("internal_id")
        change.fromWeek = entry.integer("from_week", atLeast: 1)
        change.readyWeek = entry.integer("ready_week", atLeast: 1)
        if change.fromWeek != nil && entry.table["passport"] == nil && entry.table["internal_id"] == nil {
            entry.fail("from_week", "from_week says from when new documents are held; give passport or internal_id too")
        }
        guard let id else { return nil }
        return changesSomething(&entry, change, change == HouseholdChange(id: id))
    }

    /// `[[remove_safe_house]]`, `[[remove_leg]]`, `[[remove_programme]]`: just the id.
    static func removal(_ entry: inout ChangeEntryReader) -> ChangeEntry<String>? {
        entry.identifier("id").map { entry.located($0) }
    }

    /// `[[add_safe_house]]`: every column of `safe_houses.csv`.
    static func addedSafeHouse(_ entry: inout ChangeEntryReader) -> ChangeEntry<SafeHouse>? {
        let id = entry.identifier("id")
        let location = entry.identifier("location")
        let beds = entry.integer("beds", atLeast: 0, required: true)
        let openFrom = entry.integer("open_from_week", atLeast: 1)
        var openUntil = entry.integer("open_until_week", atLeast: 1)
        if let until = openUntil, until < (openFrom ?? 1) {
            entry.fail(
                "open_until_week", "open_until_week must be open_from_week (\(openFrom ?? 1)) or later (got \(until))")
            openUntil = nil
        }
        let cost = entry.number("cost_per_person_week", atLeast: 0, required: true)
        let maxStay = entry.integer("max_stay_weeks", atLeast: 1)
        let needs = entry.list("needs_supported", "a tag", item: CellParsing.tag)
        let closureRisk = entry.number("closure_risk", 0...1)
        let transit = entry.yesNo("transit")
        guard let id, let location, let beds, let cost else { return nil }
        return entry.located(
            SafeHouse(
                id: id, location: location, beds: beds, openFromWeek: openFrom ?? 1, openUntilWeek: openUntil,
                costPerPersonWeek: cost, maxStayWeeks: maxStay, needsSupported: needs, closureRisk: closureRisk,
                takesTransitGuests: transit ?? false))
    }

    /// `[[add_leg]]`: every column of `legs.csv`; `documents` is a document rule as in that file.
    static func addedLeg(_ entry: inout ChangeEntryReader) -> ChangeEntry<RouteLeg>? {
        let id = entry.identifier("id")
        let from = entry.identifier("from")
        var to = entry.identifier("to")
        if let from, let target = to, from == target {
            entry.fail("to", "to must differ from from (both are \"\(from)\")")
            to = nil
        }
        let mode = entry.choice("mode", TravelMode.self, required: true)
        let duration = entry.integer("duration_days", 0...30, required: true)
        let cost = entry.number("cost_per_person", atLeast: 0, required: true)
        let seats = entry.integer("seats_per_week", atLeast: 0, required: true)
        var documents: DocumentRule?
        if let text = entry.required("documents", "a string holding " + DocumentRuleParsing.expected, { $0.string }) {
            switch DocumentRuleParsing.parse(text) {
            case .success(let rule): documents = rule
            case .failure(let error):
                entry.fail("documents", "documents must be \(DocumentRuleParsing.expected): \(error.reason)")
            }
        }
        let risk = entry.number("risk", 0...10, required: true)
        let cancelRate = entry.number("cancel_rate", 0...1)
        guard let id, let from, let to, let mode, let duration, let cost, let seats, let documents, let risk
        else { return nil }
        return entry.located(
            RouteLeg(
                id: id, from: from, to: to, mode: mode, durationDays: duration, costPerPerson: cost,
                seatsPerWeek: seats, documents: documents, risk: risk, cancelRate: cancelRate))
    }

    /// `[[add_programme]]`: every column of `programmes.csv`; lists are TOML arrays of strings.
    static func addedProgramme(_ entry: inout ChangeEntryReader) -> ChangeEntry<VisaProgramme>? {
        let id = entry.identifier("id")
        let destination = entry.country("destination_country")
        let lodgedAt = entry.identifier("lodged_at")
        let arrival = entry.identifier("arrival")
        let quota = entry.integer("quota", atLeast: 0, required: true)
        let period = entry.choice("quota_period", QuotaPeriod.self, required: true)
        let processing = entry.integer("processing_weeks", 1...52, required: true)
        let nationalities = entry.list("nationalities", Expected.countryCode, item: CellParsing.countryCode)
        let documents = entry.choice("documents", DocumentKind.self, required: true)
        let needs = entry.list("needs_served", "a tag", item: CellParsing.tag)
        let cost = entry.number("cost_per_person", atLeast: 0, required: true)
        let windowFrom = entry.integer("application_from_week", atLeast: 1)
        var windowUntil = entry.integer("application_until_week", atLeast: 1)
        if let until = windowUntil, until < (windowFrom ?? 1) {
            entry.fail(
                "application_until_week",
                "application_until_week must be application_from_week (\(windowFrom ?? 1)) or later (got \(until))")
            windowUntil = nil
        }
        var processingMax = entry.integer("processing_weeks_max", 1...52)
        if let slowest = processingMax, let processing, slowest < processing {
            entry.fail(
                "processing_weeks_max",
                "processing_weeks_max must be processing_weeks (\(processing)) or more (got \(slowest))")
            processingMax = nil
        }
        let refusalRate = entry.number("refusal_rate", 0...1)
        guard let id, let destination, let lodgedAt, let arrival, let quota, let period, let processing,
            let documents, let cost
        else { return nil }
        return entry.located(
            VisaProgramme(
                id: id, destinationCountry: destination, lodgedAt: lodgedAt, arrival: arrival, quota: quota,
                quotaPeriod: period, processingWeeks: processing, nationalities: nationalities,
                documentsRequired: documents, needsServed: needs, costPerPerson: cost,
                applicationFromWeek: windowFrom, applicationUntilWeek: windowUntil, processingWeeksMax: processingMax,
                refusalRate: refusalRate))
    }

    /// The located change, or nil (reported) when the entry has only an id and changes nothing.
    private static func changesSomething<Value>(
        _ entry: inout ChangeEntryReader, _ change: Value, _ isUnchanged: Bool
    ) -> ChangeEntry<Value>? {
        // A key that failed reads as nil, so an entry whose only keys were bad is not "unchanged" twice.
        if isUnchanged && entry.issues.isEmpty {
            entry.fail("id", "[[\(entry.section)]] changes nothing: give at least one key besides id")
            return nil
        }
        return entry.located(change)
    }
}
