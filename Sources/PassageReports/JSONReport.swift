import Foundation
import PassagePlanning

/// The plan as JSON for programs: every number exact, keys sorted, arrays in a fixed order, so the same
/// plan always gives the same bytes. The layout is documented in docs/REPORTS.md.
public enum JSONReport {
    /// Renders `plan` as pretty-printed JSON ending in a newline.
    public static func render(_ plan: Plan, options: ReportOptions = ReportOptions(format: .json)) -> String {
        encodedSplicingHouseholds(model(plan, options: options))
    }

    /// The encoder of every JSON report: sorted keys, pretty printed, slashes as they are.
    static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        // Non-finite numbers cannot appear in JSON; naming them keeps encoding total (it cannot throw).
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// `value` as pretty-printed JSON with sorted keys, ending in a newline (also used by the redacted report).
    static func encoded(_ value: some Encodable) -> String {
        String(decoding: encodedBytes(value, with: makeEncoder()), as: UTF8.self) + "\n"
    }

    /// `value` encoded by `encoder`, without a final newline.
    private static func encodedBytes(_ value: some Encodable, with encoder: JSONEncoder) -> Data {
        do {
            return try encoder.encode(value)
        } catch {
            // Unreachable: every value is a string, integer, Bool or Double with non-finite values mapped.
            preconditionFailure("JSON encoding of a plan failed: \(error)")
        }
    }

    /// Households per piece below which the households are encoded with the rest in one go.
    static let householdsPerPiece = 512

    /// Exactly the bytes of `encoded(plan)`, with the households (nearly all of a large plan's bytes)
    /// encoded in `pieces` side by side (fewer when a piece would have under `smallestPiece`).
    ///
    /// Each piece is encoded as an array of its own by an encoder with the same settings, and the
    /// rest of the plan with a placeholder string for the array. Pretty printing makes the pieces'
    /// elements differ from those of the whole array only in their indentation (a JSON string never
    /// holds a raw newline: it is written `\n`), so the elements, indented to the depth of the
    /// `households` key and joined by ",\n", are the bytes of the whole array. Should an encoder ever
    /// lay arrays out differently, the plan is encoded in one go instead.
    static func encodedSplicingHouseholds(
        _ plan: JSONPlan, pieces: Int = ParallelChunks.defaultPieces, smallestPiece: Int = householdsPerPiece
    ) -> String {
        let households = plan.households.list
        let ranges = ParallelChunks.split(households.count, into: min(pieces, households.count / smallestPiece))
        guard ranges.count > 1 else { return encoded(plan) }
        let encodedPieces = ParallelChunks.map(ranges.count, pieces: ranges.count, smallest: 2) { range in
            range.map { piece in
                // An encoder per piece: a JSONEncoder is not meant to be shared between threads.
                [UInt8](encodedBytes(Array(households[ranges[piece]]), with: makeEncoder()))
            }
        }.flatMap { $0 }
        let frameEncoder = makeEncoder()
        frameEncoder.userInfo[JSONHouseholds.placeholderKey] = true
        let frame = [UInt8](encodedBytes(plan, with: frameEncoder))
        // The key is at the top level: the only place a line starts with two spaces and then it.
        let indent = [UInt8]("  ".utf8)
        let marker = [UInt8](("\n" + "  \"households\" : \"" + JSONHouseholds.placeholder + "\"").utf8)
        let open = [UInt8]("[\n".utf8)
        let close = [UInt8]("\n]".utf8)
        guard let at = firstRange(of: marker, in: frame),
            encodedPieces.allSatisfy({ $0.starts(with: open) && $0.reversed().starts(with: close.reversed()) })
        else { return encoded(plan) }
        let valueStart = at.upperBound - JSONHouseholds.placeholder.utf8.count - 2
        var out: [UInt8] = []
        out.reserveCapacity(frame.count + encodedPieces.reduce(0) { $0 + $1.count + $1.count / 8 })
        out += frame[..<valueStart]
        out.append(UInt8(ascii: "["))
        for (index, piece) in encodedPieces.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            // The piece's elements, each line one level deeper: every newline gains the key's indent,
            // but for the empty line inside an empty array (`[`, an empty line, then `]`).
            for position in 1..<(piece.count - 2) {
                let byte = piece[position]
                out.append(byte)
                if byte == UInt8(ascii: "\n") && piece[position + 1] != UInt8(ascii: "\n") { out += indent }
            }
        }
        out += [UInt8]("\n".utf8) + indent + [UInt8(ascii: "]")]
        out += frame[at.upperBound...]
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }

    /// Where `needle` first occurs in `haystack`.
    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return start..<(start + needle.count) }
        }
        return nil
    }

    /// The Codable value behind the JSON.
    static func model(_ plan: Plan, options: ReportOptions) -> JSONPlan {
        let header = plan.scenario
        let solver = plan.solver
        return JSONPlan(
            status: solver.status.rawValue,
            objective: Nullable(solver.objective),
            bound: Nullable(solver.bound),
            gap: Nullable(solver.gap),
            scenario: JSONScenario(
                title: header.title, startDate: header.startDate.description,
                endDate: Fmt.endDate(header).description, horizonWeeks: header.horizonWeeks,
                currency: header.currency, budget: Nullable(header.budget)),
            solver: JSONSolver(
                status: solver.status.rawValue, provenOptimal: solver.status == .optimal,
                hasPlan: solver.status.hasSolution, rows: solver.rows, columns: solver.columns,
                nonzeros: solver.nonzeros, timeLimitSeconds: Nullable(solver.timeLimitSeconds),
                mipGapTolerance: Nullable(solver.mipGapTolerance),
                solveSeconds: options.includeTimings ? solver.solveSeconds : nil,
                stages: options.includeTimings && !solver.stages.isEmpty
                    ? solver.stages.map {
                        JSONStage(
                            stage: $0.kind.rawValue, seconds: $0.seconds, objective: Nullable($0.objective),
                            bound: Nullable($0.bound))
                    } : nil),
            summary: summary(plan),
            households: JSONHouseholds(list: households(plan)),
            capacity: capacity(plan.capacity),
            conflicts: plan.conflicts.map {
                JSONConflict(
                    kind: $0.kind.rawValue, householdIDs: $0.householdIDs, problem: $0.problem, action: $0.action)
            },
            changes: Nullable(
                plan.changes.map { changes in
                    changes.map {
                        JSONChange(
                            householdID: $0.householdID, kinds: $0.kinds.map(\.rawValue),
                            previousStartWeek: Nullable($0.previousStartWeek), newStartWeek: Nullable($0.newStartWeek),
                            reason: $0.reason)
                    }
                }),
            shadowPrices: Nullable(plan.shadowPrices.map(JSONShadowPrices.init)),
            robustness: plan.robustness.map(JSONRobustness.init))
    }

    static func summary(_ plan: Plan) -> JSONSummary { summary(plan.summary, budget: plan.scenario.budget) }

    /// The summary object of `s` with `budget` (also used by the sweep report, whose points have no plan).
    static func summary(_ s: PlanSummary, budget: Double?) -> JSONSummary {
        JSONSummary(
            overall: JSONCount(
                householdsMoved: s.overall.householdsMoved, householdsTotal: s.overall.householdsTotal,
                personsMoved: s.overall.personsMoved, personsTotal: s.overall.personsTotal),
            byUrgency: s.byUrgency.enumerated().map { index, c in
                JSONTierCount(
                    urgency: index + 1, householdsMoved: c.householdsMoved, householdsTotal: c.householdsTotal,
                    personsMoved: c.personsMoved, personsTotal: c.personsTotal)
            },
            urgencyWeightedPersonsMoved: s.urgencyWeightedPersonsMoved, totalCost: s.totalCost,
            costBeforeWeekOne: s.costBeforeWeekOne, costFromWeekOne: s.costFromWeekOne,
            budget: Nullable(budget), budgetLeft: Nullable(budget.map { $0 - s.costFromWeekOne }),
            averageWeeksWaited: s.averageWeeksWaited,
            householdsWithDeadline: s.householdsWithDeadline, deadlinesMissed: s.deadlinesMissed)
    }

    /// Moved and unmoved households in one array, sorted by id.
    static func households(_ plan: Plan) -> [JSONHousehold] {
        let header = plan.scenario
        @Sendable func leg(_ l: LegTravel) -> JSONLeg {
            JSONLeg(
                legID: l.legID, from: l.from, to: l.to, mode: l.mode.rawValue, week: l.week,
                weekStart: Fmt.date(ofWeek: l.week, header).description,
                departureDate: Fmt.departureDate(l, header).description, durationDays: l.durationDays, cost: l.cost)
        }
        @Sendable func movedHousehold(_ i: Itinerary) -> JSONHousehold {
            JSONHousehold(
                id: i.householdID, size: i.size, urgency: i.urgency, readyWeek: i.readyWeek,
                latestDepartureWeek: Nullable(i.latestDepartureWeek), moved: true,
                itinerary: Nullable(
                    JSONItinerary(
                        committed: i.isCommitted, startWeek: i.startWeek, weeksWaited: i.weeksWaited,
                        weeksLate: i.weeksLate,
                        outbound: i.outbound.map(leg),
                        stay: JSONStay(
                            houseID: i.stay.houseID, location: i.stay.location, fromWeek: i.stay.fromWeek,
                            toWeek: i.stay.toWeek, fromDate: Fmt.date(ofWeek: i.stay.fromWeek, header).description,
                            arrivalDate: Fmt.arrivalDate(after: i.outbound, orWeek: i.stay.fromWeek, header)
                                .description,
                            cost: i.stay.cost),
                        programmeID: i.programmeID, destinationCountry: i.destinationCountry,
                        lodgedWeek: i.lodgedWeek, onward: i.onward.map(leg), arrivalWeek: i.arrivalWeek,
                        arrivalWeekStart: Fmt.date(ofWeek: i.arrivalWeek, header).description,
                        arrivalDate: Fmt.arrivalDate(after: i.onward, orWeek: i.arrivalWeek, header).description,
                        cost: i.cost,
                        risk: i.risk,
                        documentStep: i.document.map { d in
                            JSONDocumentStep(
                                serviceID: d.serviceID, location: d.location, obtains: d.obtains.rawValue,
                                startWeek: d.startWeek, startDate: Fmt.date(ofWeek: d.startWeek, header).description,
                                weeks: d.weeks, heldWeek: d.readyWeek, cost: d.cost, risk: d.risk)
                        },
                        transitStay: i.transitStay.map { t in
                            JSONStay(
                                houseID: t.houseID, location: t.location, fromWeek: t.fromWeek, toWeek: t.toWeek,
                                fromDate: Fmt.date(ofWeek: t.fromWeek, header).description,
                                arrivalDate: Fmt.arrivalDate(after: i.outboundBeforeTransit, orWeek: t.fromWeek, header)
                                    .description,
                                cost: t.cost)
                        })),
                reason: Nullable(nil))
        }
        // Each household's object depends on it alone: a large plan's are made on the cores side
        // by side, joined in the plan's order.
        let itineraries = plan.itineraries
        let moved = ParallelChunks.map(itineraries.count) { range in range.map { movedHousehold(itineraries[$0]) } }
            .flatMap { $0 }
        let unmovedHouseholds = plan.unmoved
        let unmoved = ParallelChunks.map(unmovedHouseholds.count) { range in
            range.map { position in
                let u = unmovedHouseholds[position]
                return JSONHousehold(
                    id: u.householdID, size: u.size, urgency: u.urgency, readyWeek: u.readyWeek,
                    latestDepartureWeek: Nullable(u.latestDepartureWeek), moved: false,
                    itinerary: Nullable(nil), reason: Nullable(reason(u.reason)))
            }
        }.flatMap { $0 }
        return (moved + unmoved).sorted { ($0.id, $0.moved ? 0 : 1) < ($1.id, $1.moved ? 0 : 1) }
    }

    static func reason(_ reason: NotMovedReason) -> JSONReason {
        let (sentence, _) = Fmt.reasonExplanation(reason)
        var blockers: [JSONBlocker] = []
        var shortages: [JSONShortage] = []
        let kind: String
        switch reason {
        case .noEligiblePathway(let list):
            kind = "no_eligible_pathway"
            blockers = list.sorted().map {
                JSONBlocker(kind: $0.kind.rawValue, programmeID: Nullable($0.programmeID), explanation: $0.explanation)
            }
        case .capacity(let list):
            kind = "capacity"
            // Every shortage, in the planner's order (most options blocked first, too-small ones last).
            shortages = list.map {
                JSONShortage(
                    kind: $0.kind.rawValue, resourceID: $0.resourceID, periods: $0.periods.map(\.description),
                    description: Fmt.shortage($0),
                    blockedOptions: $0.blockedOptions, tooSmall: $0.isTooSmall, capacity: Nullable($0.capacityTooSmall))
            }
        case .notSelectedWithinTolerance:
            kind = "solver_tolerance"
        case .noPlan:
            kind = "no_plan"
        case .leftForRobustness:
            kind = "robustness"
        }
        return JSONReason(
            kind: kind, label: reason.label, explanation: sentence, blockers: blockers, shortages: shortages)
    }

    /// Capacity rows sorted by kind (beds, seats, quota, budget), resource, week, period.
    static func capacity(_ uses: [CapacityUse]) -> [JSONCapacity] {
        let order = Dictionary(uniqueKeysWithValues: ResourceKind.allCases.enumerated().map { ($1, $0) })
        return uses.sorted {
            (order[$0.kind] ?? 0, $0.resourceID, $0.period) < (order[$1.kind] ?? 0, $1.resourceID, $1.period)
        }.map {
            JSONCapacity(
                kind: $0.kind.rawValue, resourceID: $0.resourceID, week: Nullable($0.week),
                period: $0.period.description,
                used: $0.used, capacity: $0.capacity, binding: $0.isBinding, closed: $0.isClosed)
        }
    }
}
