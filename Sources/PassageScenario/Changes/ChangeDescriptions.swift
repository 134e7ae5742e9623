// What a change file changes, in a coordinator's words, one line per entry, for the head of each
// variant in a what-if report. Household lines name the household by id and say only which kind of
// thing changed, never its documents: a shared report should not carry them.

extension ScenarioChanges {
    /// One line per change, in the file's order by section (budget first).
    public var descriptions: [String] {
        var lines: [String] = []
        switch budget {
        case .amount(let amount): lines.append("budget \(ValueFormatting.number(amount))")
        case .unlimited: lines.append("no budget limit")
        case nil: break
        }
        for change in safeHouses {
            var parts: [String] = []
            if let beds = change.beds { parts.append("\(beds) beds") }
            if let cost = change.costPerPersonWeek {
                parts.append("cost \(ValueFormatting.number(cost)) per person-week")
            }
            if let stay = change.maxStayWeeks { parts.append("longest stay \(stay) weeks") }
            if let from = change.openFromWeek { parts.append("opens W\(from)") }
            if let until = change.openUntilWeek { parts.append("open until W\(until)") }
            if change.closedFromWeek != nil || change.closedUntilWeek != nil {
                let from = change.closedFromWeek.map { "W\($0)" } ?? "W1"
                let until = change.closedUntilWeek.map { "–W\($0)" } ?? " to the end"
                parts.append("closed \(from)\(until)")
            }
            if let risk = change.closureRisk { parts.append("closure risk \(ValueFormatting.number(risk)) a week") }
            if let transit = change.takesTransitGuests {
                parts.append(transit ? "takes transit guests" : "no transit guests")
            }
            lines.append("safe house \(change.id): " + parts.joined(separator: ", "))
        }
        lines += addedSafeHouses.map {
            "new safe house \($0.id) at \($0.location), \($0.beds) beds"
                + ($0.takesTransitGuests ? ", transit guests" : "")
        }
        lines += removedSafeHouses.map { "safe house \($0) removed" }
        for change in legs {
            var parts: [String] = []
            if let seats = change.seatsPerWeek { parts.append("\(seats) seats a week") }
            if let cost = change.costPerPerson { parts.append("cost \(ValueFormatting.number(cost)) per person") }
            if let days = change.durationDays { parts.append("\(days) days") }
            if let risk = change.risk { parts.append("risk \(ValueFormatting.number(risk))") }
            if let rate = change.cancelRate { parts.append("cancel rate \(ValueFormatting.number(rate))") }
            lines.append("leg \(change.id): " + parts.joined(separator: ", "))
        }
        lines += addedLegs.map { "new leg \($0.id) \($0.from) → \($0.to), \($0.seatsPerWeek) seats a week" }
        lines += removedLegs.map { "leg \($0) removed" }
        for change in programmes {
            var parts: [String] = []
            if let quota = change.quota { parts.append("quota \(quota)") }
            if let weeks = change.processingWeeks { parts.append("processing \(weeks) weeks") }
            if let cost = change.costPerPerson { parts.append("cost \(ValueFormatting.number(cost)) per person") }
            if let from = change.applicationFromWeek { parts.append("applications from W\(from)") }
            if let until = change.applicationUntilWeek { parts.append("applications until W\(until)") }
            if let slowest = change.processingWeeksMax { parts.append("slowest processing \(slowest) weeks") }
            if let rate = change.refusalRate { parts.append("refusal rate \(ValueFormatting.number(rate))") }
            lines.append("programme \(change.id): " + parts.joined(separator: ", "))
        }
        lines += addedProgrammes.map {
            "new programme \($0.id) to \($0.destinationCountry), quota \($0.quota) per \($0.quotaPeriod.rawValue)"
        }
        lines += removedProgrammes.map { "programme \($0) removed" }
        lines += sharedQuotas.compactMap { change in change.quota.map { "shared quota \(change.id): quota \($0)" } }
        for change in documentServices {
            var parts: [String] = []
            if let capacity = change.capacity { parts.append("capacity \(capacity) a week") }
            if let weeks = change.weeks { parts.append("\(weeks) weeks") }
            if let cost = change.costPerPerson { parts.append("cost \(ValueFormatting.number(cost)) per person") }
            if let slowest = change.weeksMax { parts.append("slowest wait \(slowest) weeks") }
            if let rate = change.refusalRate { parts.append("refusal rate \(ValueFormatting.number(rate))") }
            lines.append("document service \(change.id): " + parts.joined(separator: ", "))
        }
        for change in households {
            var what: [String] = []
            if change.passport != nil || change.hasInternalID != nil {
                what.append("documents changed" + (change.fromWeek.map { " from W\($0)" } ?? ""))
            }
            if change.readyWeek != nil { what.append("ready week changed") }
            lines.append("household \(change.id): " + what.joined(separator: ", "))
        }
        return lines
    }
}
