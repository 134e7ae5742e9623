import PassageScenario

/// Seat prices inside the Lagrangian class problems, so that a formulation built without seat rows
/// still gets the bound of the full model with every seat row (docs/MODEL.md, "Bounds for large
/// models").
///
/// A move column of such a formulation stands for a class lodging with a programme in a week `a`; it
/// names one route each way, the cheapest, because without seat rows every other route with the same
/// timing is dominated. Once seats have prices that is no longer so. Here each such column is priced
/// as the cheapest of all its ways to lodge in week `a`: every outbound route from the class's place
/// to the lodging place that arrives in `a` (starting in week `a − d` for a route taking `d` weeks, no
/// earlier than the class is ready, waiting and lateness costed), and every onward route that arrives
/// within the horizon, each with its money, risk and the seats it takes in each leg's week priced.
/// The class problems then range over every route, so their optimum at any prices is a lower bound on
/// the full model's, as for the rows the formulation has.
///
/// Routes are grouped by (from, to, traveller): classes sharing a group share one table per
/// iteration of each arrival offset and start week's cheapest route, so an iteration costs the
/// routes times the weeks plus a few look-ups per column, never a column per route.
struct RouteAlternatives: Sendable {
    /// The horizon in weeks.
    let weeks: Int
    /// Legs (indices into `scenario.legs`): seat rows `leg × weeks + (week − 1)`.
    let legCount: Int
    /// Room of each seat row after commitments, and whether it has any.
    let seatRoom: [Double]

    /// Every route of every group: legs with their week offsets, objective cost per person (money
    /// and risk, weighted), money per person.
    private let routeLegStart: [Int]
    private let routeLeg: [Int32]
    private let routeLegOffset: [Int16]
    private let routeValue: [Double]
    private let routeMoney: [Double]
    private let routeArrival: [Int16]
    /// Outbound groups: for each, its arrival offsets, each with its routes; a table of
    /// (offset, start week) → cheapest price per person starts at `outboundBase`.
    private let outboundOffsets: [[(offset: Int, routes: [Int])]]
    private let outboundBase: [Int]
    /// The routes of every (outbound group, arrival offset) in table order: entry `e` fills the
    /// outbound table's positions `e × weeks ..< (e + 1) × weeks`.
    private let outboundEntryRoutes: [[Int]]
    /// Onward groups: their routes; a table of start week → cheapest price per person at `onwardBase`.
    private let onwardRoutes: [[Int]]
    private let onwardBase: [Int]
    private let outboundTableSize: Int
    private let onwardTableSize: Int

    /// The priced move columns: column, class, outbound group, lodging week, onward group, onward
    /// start week, and the part of the column's cost that is not its routes or its waiting.
    let columns: [Int]
    private let columnClass: [Int32]
    private let columnOutbound: [Int32]
    private let columnLodged: [Int16]
    private let columnOnward: [Int32]
    private let columnOnwardStart: [Int16]
    /// Columns of one class lodging in the same week at the same place share their outbound way,
    /// and columns of households of one size going on from the same place in the same week share
    /// their onward way: each is priced once per pricing, in a slot, and the columns read their
    /// slots (docs/MODEL.md, "The scale targets").
    let columnOutboundSlot: [Int32]
    let columnOnwardSlot: [Int32]
    /// Each outbound slot's class, outbound group and lodging week.
    private let outboundSlotClass: [Int32]
    private let outboundSlotGroup: [Int32]
    private let outboundSlotLodged: [Int16]
    /// Each onward slot's persons, onward group and start week.
    private let onwardSlotPersons: [Double]
    private let onwardSlotGroup: [Int32]
    private let onwardSlotStart: [Int16]
    /// Per class: persons, waiting and lateness cost per week, ready week, latest departure week.
    private let classSize: [Double]
    private let classWaiting: [Double]
    private let classLateness: [Double]
    /// The first week a class may start in, and its ready week as the objective counts it.
    private let classReady: [Int]
    private let classReadyWeek: [Int]
    private let classLatest: [Int]

    /// For each priced column, what its cost and budget entry hold of its own routes (to take off).
    let ownRouteCost: [Double]
    let ownRouteMoney: [Double]
    /// Every route, by its number in the tables.
    let routes: [Route]

    /// What a move column of a pathway needs to know of it: the route groups it chooses from, its
    /// weeks' offsets and its own routes' value and money per person; `kept` when the pathway keeps
    /// its own routes (a document step or a transit stay).
    private struct OwnWay {
        var kept: Bool
        var outbound: Int32 = 0
        var onward: Int32 = 0
        var lodgeOffset = 0
        var onwardOffset = 0
        var value = 0.0
        var money = 0.0
    }

    /// The route alternatives of `formulation`'s move columns (all but a previous plan's columns and
    /// those with a document step or a transit stay, which stay as they are).
    init(_ formulation: Formulation) {
        let scenario = formulation.index.scenario
        let weights = scenario.settings.objective
        weeks = scenario.settings.horizonWeeks
        legCount = scenario.legs.count
        var room = [Double](repeating: 0, count: legCount * weeks)
        for leg in 0..<legCount {
            for week in 1...max(1, weeks) where week <= weeks {
                room[leg * weeks + week - 1] = max(
                    0,
                    Double(scenario.legs[leg].seatsPerWeek)
                        - formulation.pinnedUse[.seats(leg: leg, week: week), default: 0])
            }
        }
        seatRoom = room

        var finder = RouteFinder(index: formulation.index)
        var routeIndex: [Route: Int] = [:]
        var routeList: [Route] = []
        var legStart = [0]
        var legs: [Int32] = []
        var offsets: [Int16] = []
        var values: [Double] = []
        var money: [Double] = []
        var arrival: [Int16] = []
        func id(of route: Route) -> Int {
            if let known = routeIndex[route] { return known }
            routeIndex[route] = values.count
            routeList.append(route)
            for (leg, offset) in zip(route.legs, route.legWeekOffsets) {
                legs.append(Int32(leg))
                offsets.append(Int16(offset))
            }
            legStart.append(legs.count)
            values.append(weights.cost * route.costPerPerson + weights.risk * route.riskPerPerson)
            money.append(route.costPerPerson)
            arrival.append(Int16(route.arrivalWeekOffset))
            return values.count - 1
        }
        // Travellers and places as numbers, so that grouping a column costs no string hashing.
        struct GroupKey: Hashable {
            var traveller: Int
            var from: Int
            var to: Int
        }
        var travellerIndex: [Traveller: Int] = [:]
        var placeIndex: [String: Int] = [:]
        func number(_ place: String) -> Int {
            if let known = placeIndex[place] { return known }
            placeIndex[place] = placeIndex.count
            return placeIndex.count - 1
        }
        var outboundGroup: [GroupKey: Int] = [:]
        var outOffsets: [[(offset: Int, routes: [Int])]] = []
        var onwardGroup: [GroupKey: Int] = [:]
        var onRoutes: [[Int]] = []

        var columns: [Int] = []
        var columnClass: [Int32] = []
        var columnOutbound: [Int32] = []
        var columnLodged: [Int16] = []
        var columnOnward: [Int32] = []
        var columnOnwardStart: [Int16] = []
        var ownCost: [Double] = []
        var ownMoney: [Double] = []
        let previous = Set(formulation.previousMove.values)
        // Nearly every move column has alternatives: room for all, reserved once.
        let most = formulation.moves.count
        columns.reserveCapacity(most)
        columnClass.reserveCapacity(most)
        columnOutbound.reserveCapacity(most)
        columnLodged.reserveCapacity(most)
        columnOnward.reserveCapacity(most)
        columnOnwardStart.reserveCapacity(most)
        ownCost.reserveCapacity(most)
        ownMoney.reserveCapacity(most)
        for householdClass in formulation.classes {
            let c = householdClass.index
            let profile = householdClass.profile
            let traveller = Traveller(profile)
            let travellerNumber: Int
            if let known = travellerIndex[traveller] {
                travellerNumber = known
            } else {
                travellerNumber = travellerIndex.count
                travellerIndex[traveller] = travellerNumber
            }
            let origin = number(profile.location)
            let persons = Double(profile.size)
            // The groups of each programme the class may use, found once per class.
            var groupsOfProgramme: [Int: (outbound: Int, onward: Int)] = [:]
            func groups(of pathway: Pathway) -> (outbound: Int, onward: Int) {
                if let known = groupsOfProgramme[pathway.programme] { return known }
                let programme = scenario.programmes[pathway.programme]
                let outKey = GroupKey(traveller: travellerNumber, from: origin, to: number(programme.lodgedAt))
                let outGroup: Int
                if let known = outboundGroup[outKey] {
                    outGroup = known
                } else {
                    let routes = finder.routes(from: profile.location, to: programme.lodgedAt, for: traveller)
                    var byOffset: [Int: [Int]] = [:]
                    for route in routes { byOffset[route.arrivalWeekOffset, default: []].append(id(of: route)) }
                    outGroup = outOffsets.count
                    outboundGroup[outKey] = outGroup
                    outOffsets.append(byOffset.keys.sorted().map { ($0, byOffset[$0]!) })
                }
                let onKey = GroupKey(
                    traveller: travellerNumber, from: number(programme.lodgedAt), to: number(programme.arrival))
                let onGroup: Int
                if let known = onwardGroup[onKey] {
                    onGroup = known
                } else {
                    onGroup = onRoutes.count
                    onwardGroup[onKey] = onGroup
                    onRoutes.append(
                        finder.routes(from: programme.lodgedAt, to: programme.arrival, for: traveller).map(id(of:)))
                }
                groupsOfProgramme[pathway.programme] = (outGroup, onGroup)
                return (outGroup, onGroup)
            }
            // What a column needs of its pathway, read once per pathway of the class (a pathway is
            // a dozen arrays: copying one per column was most of this loop), when first used, so
            // that groups and routes are numbered in the order columns first need them.
            let pathways = formulation.options[c].pathways
            var ways = [OwnWay?](repeating: nil, count: pathways.count)
            let urgency = persons * weights.urgencyWeight(profile.urgency)
            for position in formulation.movesOfClass[c] where previous.isEmpty || !previous.contains(position) {
                let move = formulation.moves[position]
                let way: OwnWay
                if let known = ways[move.pathway] {
                    way = known
                } else {
                    let pathway = pathways[move.pathway]
                    // A pathway with a document step or a transit stay keeps its own routes: the formulation has every
                    // route of such pathways already (`PathwayGenerator`), priced with the rows it has.
                    if pathway.document != nil || pathway.transit != nil {
                        way = OwnWay(kept: true)
                    } else {
                        let (outGroup, onGroup) = groups(of: pathway)
                        way = OwnWay(
                            kept: false, outbound: Int32(outGroup), onward: Int32(onGroup),
                            lodgeOffset: pathway.lodgeOffset, onwardOffset: pathway.onwardOffset,
                            value:
                                weights.cost * (pathway.outbound.costPerPerson + pathway.onward.costPerPerson)
                                + weights.risk * (pathway.outbound.riskPerPerson + pathway.onward.riskPerPerson),
                            money: pathway.outbound.costPerPerson + pathway.onward.costPerPerson)
                    }
                    ways[move.pathway] = way
                }
                if way.kept { continue }
                let waiting =
                    urgency * weights.waitingPerWeek * Double(move.startWeek - profile.readyWeek)
                    + urgency * weights.latenessPerWeek * Double(weeksLate(startWeek: move.startWeek, profile: profile))
                columns.append(move.variable.index)
                columnClass.append(Int32(c))
                columnOutbound.append(way.outbound)
                columnLodged.append(Int16(move.startWeek + way.lodgeOffset))
                columnOnward.append(way.onward)
                columnOnwardStart.append(Int16(move.startWeek + way.onwardOffset))
                ownCost.append(waiting + persons * way.value)
                ownMoney.append(persons * way.money)
            }
        }
        routes = routeList
        routeLegStart = legStart
        routeLeg = legs
        routeLegOffset = offsets
        routeValue = values
        routeMoney = money
        routeArrival = arrival
        outboundOffsets = outOffsets
        let horizon = scenario.settings.horizonWeeks
        var bases: [Int] = []
        var base = 0
        for group in outOffsets {
            bases.append(base)
            base += group.count * horizon
        }
        outboundBase = bases
        outboundTableSize = base
        outboundEntryRoutes = outOffsets.flatMap { $0.map(\.routes) }
        onwardRoutes = onRoutes
        onwardBase = onRoutes.indices.map { $0 * horizon }
        onwardTableSize = onRoutes.count * horizon
        struct OutboundSlot: Hashable {
            var householdClass: Int32
            var group: Int32
            var lodged: Int16
        }
        struct OnwardSlot: Hashable {
            var persons: Int
            var group: Int32
            var start: Int16
        }
        // Slots are numbered in the order columns first use them. A class's columns are contiguous
        // and its outbound slots its own, so they are found in a dictionary of that class's slots
        // alone (one dictionary of every class's slots was most of this set-up at 30,000
        // households: millions of entries, grown by rehashing), and onward slots in a dense table
        // by household size, group and start week.
        var classSlots: [OutboundSlot: Int32] = [:]
        var slotsClass: Int32 = -1
        var outboundSlotList: [OutboundSlot] = []
        var onwardSlotList: [OnwardSlot] = []
        var outboundSlotOf: [Int32] = []
        var onwardSlotOf: [Int32] = []
        outboundSlotOf.reserveCapacity(columns.count)
        onwardSlotOf.reserveCapacity(columns.count)
        let largest = formulation.classes.map(\.profile.size).max() ?? 0
        let latestStart = Int(columnOnwardStart.max() ?? 0)
        let earliestStart = Int(columnOnwardStart.min() ?? 0)
        let starts = latestStart - earliestStart + 1
        var onwardSlotAt = [Int32](repeating: -1, count: onRoutes.count * (largest + 1) * starts)
        for k in columns.indices {
            let out = OutboundSlot(householdClass: columnClass[k], group: columnOutbound[k], lodged: columnLodged[k])
            if out.householdClass != slotsClass {
                classSlots.removeAll(keepingCapacity: true)
                slotsClass = out.householdClass
            }
            if let known = classSlots[out] {
                outboundSlotOf.append(known)
            } else {
                classSlots[out] = Int32(outboundSlotList.count)
                outboundSlotOf.append(Int32(outboundSlotList.count))
                outboundSlotList.append(out)
            }
            let on = OnwardSlot(
                persons: formulation.classes[Int(columnClass[k])].profile.size, group: columnOnward[k],
                start: columnOnwardStart[k])
            let at = (Int(on.group) * (largest + 1) + on.persons) * starts + Int(on.start) - earliestStart
            if onwardSlotAt[at] >= 0 {
                onwardSlotOf.append(onwardSlotAt[at])
            } else {
                onwardSlotAt[at] = Int32(onwardSlotList.count)
                onwardSlotOf.append(Int32(onwardSlotList.count))
                onwardSlotList.append(on)
            }
        }
        columnOutboundSlot = outboundSlotOf
        columnOnwardSlot = onwardSlotOf
        outboundSlotClass = outboundSlotList.map(\.householdClass)
        outboundSlotGroup = outboundSlotList.map(\.group)
        outboundSlotLodged = outboundSlotList.map(\.lodged)
        onwardSlotPersons = onwardSlotList.map { Double($0.persons) }
        onwardSlotGroup = onwardSlotList.map(\.group)
        onwardSlotStart = onwardSlotList.map(\.start)
        self.columns = columns
        self.columnClass = columnClass
        self.columnOutbound = columnOutbound
        self.columnLodged = columnLodged
        self.columnOnward = columnOnward
        self.columnOnwardStart = columnOnwardStart
        ownRouteCost = ownCost
        ownRouteMoney = ownMoney
        classSize = formulation.classes.map { Double($0.profile.size) }
        classWaiting = formulation.classes.map {
            Double($0.profile.size) * weights.urgencyWeight($0.profile.urgency) * weights.waitingPerWeek
        }
        classLateness = formulation.classes.map {
            Double($0.profile.size) * weights.urgencyWeight($0.profile.urgency) * weights.latenessPerWeek
        }
        classReady = formulation.classes.map { max(1, $0.profile.readyWeek) }
        classReadyWeek = formulation.classes.map { $0.profile.readyWeek }
        classLatest = formulation.classes.map { $0.profile.latestDepartureWeek ?? Int.max }
    }

    /// Seat rows in all: one per leg and week.
    var seatRowCount: Int { legCount * weeks }

    /// The scratch space of one pricing: the cheapest route of each table entry and each column's choice.
    struct Tables {
        var outboundPrice: [Double]
        var outboundRoute: [Int32]
        var onwardPrice: [Double]
        var onwardRoute: [Int32]
        /// Per outbound slot: its cheapest way's price for the whole class, route (-1: none) and
        /// start week (-1: none).
        var outboundValue: [Double]
        var outboundChosen: [Int32]
        var outboundStart: [Int32]
        /// Per onward slot: its cheapest way's price for the whole household and route (-1: none).
        var onwardValue: [Double]
        var onwardChosen: [Int32]
    }

    func makeTables() -> Tables {
        Tables(
            outboundPrice: Array(repeating: .infinity, count: outboundTableSize),
            outboundRoute: Array(repeating: -1, count: outboundTableSize),
            onwardPrice: Array(repeating: .infinity, count: onwardTableSize),
            onwardRoute: Array(repeating: -1, count: onwardTableSize),
            outboundValue: [], outboundChosen: [], outboundStart: [], onwardValue: [], onwardChosen: [])
    }

    /// Finds every slot's cheapest ways at `seatPrice` (per person and seat row, already divided by
    /// the row's scale) and `moneyPrice` (per unit of money, the budget's price), into `tables`.
    ///
    /// The hot loop of the bound at scale: the tables, then the slots, each cut into `pieces` fixed
    /// pieces run side by side (`ParallelChunks`); every entry is computed on its own, so the result
    /// does not depend on the cores or the pieces.
    func priceWays(
        seatPrice: [Double], moneyPrice: Double, tables: inout Tables, pieces: Int = ParallelChunks.defaultPieces
    ) {
        let weeks = self.weeks
        let pricing = RoutePricing(alternatives: self, seatPrice: seatPrice, moneyPrice: moneyPrice)
        let outbound = ParallelChunks.map(outboundEntryRoutes.count, pieces: pieces) { entries in
            var price: [Double] = []
            var route: [Int32] = []
            price.reserveCapacity(entries.count * weeks)
            route.reserveCapacity(entries.count * weeks)
            for e in entries {
                for week in 1...weeks {
                    let (best, bestRoute) = pricing.cheapest(self.outboundEntryRoutes[e], leavingIn: week)
                    price.append(best)
                    route.append(bestRoute)
                }
            }
            return (price: price, route: route)
        }
        var at = 0
        for part in outbound {
            for i in part.price.indices {
                tables.outboundPrice[at] = part.price[i]
                tables.outboundRoute[at] = part.route[i]
                at += 1
            }
        }
        let onward = ParallelChunks.map(onwardRoutes.count, pieces: pieces) { groups in
            var price: [Double] = []
            var route: [Int32] = []
            price.reserveCapacity(groups.count * weeks)
            route.reserveCapacity(groups.count * weeks)
            for h in groups {
                for week in 1...weeks {
                    let (best, bestRoute) = pricing.cheapest(self.onwardRoutes[h], leavingIn: week, arrivingBy: weeks)
                    price.append(best)
                    route.append(bestRoute)
                }
            }
            return (price: price, route: route)
        }
        at = 0
        for part in onward {
            for i in part.price.indices {
                tables.onwardPrice[at] = part.price[i]
                tables.onwardRoute[at] = part.route[i]
                at += 1
            }
        }
        let filled = tables
        let outboundWays = ParallelChunks.map(outboundSlotClass.count, pieces: pieces) { range in
            var parts = (value: [Double](), route: [Int32](), startWeek: [Int32]())
            for slot in range {
                let way = self.cheapestOutbound(ofSlot: slot, pricing: pricing, tables: filled)
                parts.value.append(way.value)
                parts.route.append(way.route)
                parts.startWeek.append(way.startWeek)
            }
            return parts
        }
        let onwardWays = ParallelChunks.map(onwardSlotGroup.count, pieces: pieces) { range in
            var parts = (value: [Double](), route: [Int32]())
            for slot in range {
                let way = self.cheapestOnward(ofSlot: slot, pricing: pricing, tables: filled)
                parts.value.append(way.value)
                parts.route.append(way.route)
            }
            return parts
        }
        tables.outboundValue = outboundWays.flatMap(\.value)
        tables.outboundChosen = outboundWays.flatMap(\.route)
        tables.outboundStart = outboundWays.flatMap(\.startWeek)
        tables.onwardValue = onwardWays.flatMap(\.value)
        tables.onwardChosen = onwardWays.flatMap(\.route)
    }

    /// The table entries and slots the ways of some priced columns read: a pricing restricted to
    /// them (`priceWays(seatPrice:moneyPrice:tables:only:pieces:)`) prices those columns' ways as a
    /// full pricing would, for a fraction of its work.
    struct WaysInUse: Sendable {
        fileprivate var outboundPositions: [Int32]
        fileprivate var onwardPositions: [Int32]
        fileprivate var outboundSlots: [Int32]
        fileprivate var onwardSlots: [Int32]
    }

    /// What the ways of priced columns `ks` (positions in `columns`) read, in table and slot order.
    func waysInUse(ofColumns ks: [Int]) -> WaysInUse {
        var outboundSlotUsed = [Bool](repeating: false, count: outboundSlotClass.count)
        var onwardSlotUsed = [Bool](repeating: false, count: onwardSlotGroup.count)
        for k in ks {
            outboundSlotUsed[Int(columnOutboundSlot[k])] = true
            onwardSlotUsed[Int(columnOnwardSlot[k])] = true
        }
        var outboundUsed = [Bool](repeating: false, count: outboundTableSize)
        var onwardUsed = [Bool](repeating: false, count: onwardTableSize)
        var outboundSlots: [Int32] = []
        var onwardSlots: [Int32] = []
        for slot in outboundSlotUsed.indices where outboundSlotUsed[slot] {
            outboundSlots.append(Int32(slot))
            // The entries `cheapestOutbound` reads: each arrival offset's start week.
            let c = Int(outboundSlotClass[slot])
            let g = Int(outboundSlotGroup[slot])
            let lodged = Int(outboundSlotLodged[slot])
            for (di, entry) in outboundOffsets[g].enumerated() {
                let week = lodged - entry.offset
                guard week >= classReady[c], week <= weeks else { continue }
                outboundUsed[outboundBase[g] + di * weeks + week - 1] = true
            }
        }
        for slot in onwardSlotUsed.indices where onwardSlotUsed[slot] {
            onwardSlots.append(Int32(slot))
            let start = Int(onwardSlotStart[slot])
            if start >= 1 && start <= weeks { onwardUsed[onwardBase[Int(onwardSlotGroup[slot])] + start - 1] = true }
        }
        return WaysInUse(
            outboundPositions: outboundUsed.indices.filter { outboundUsed[$0] }.map { Int32($0) },
            onwardPositions: onwardUsed.indices.filter { onwardUsed[$0] }.map { Int32($0) },
            outboundSlots: outboundSlots, onwardSlots: onwardSlots)
    }

    /// `priceWays` for the entries and slots of `ways` only, into tables a full pricing has sized;
    /// every other entry keeps what it held. Each entry is computed on its own, in fixed pieces.
    func priceWays(
        seatPrice: [Double], moneyPrice: Double, tables: inout Tables, only ways: WaysInUse,
        pieces: Int = ParallelChunks.defaultPieces
    ) {
        precondition(
            tables.outboundValue.count == outboundSlotClass.count && tables.onwardValue.count == onwardSlotGroup.count,
            "a restricted pricing needs tables a full pricing has filled")
        let weeks = self.weeks
        let pricing = RoutePricing(alternatives: self, seatPrice: seatPrice, moneyPrice: moneyPrice)
        let outbound = ParallelChunks.map(ways.outboundPositions.count, pieces: pieces) { range in
            range.map { i -> (Double, Int32) in
                let position = Int(ways.outboundPositions[i])
                return pricing.cheapest(self.outboundEntryRoutes[position / weeks], leavingIn: position % weeks + 1)
            }
        }
        for (i, way) in outbound.joined().enumerated() {
            let position = Int(ways.outboundPositions[i])
            tables.outboundPrice[position] = way.0
            tables.outboundRoute[position] = way.1
        }
        let onward = ParallelChunks.map(ways.onwardPositions.count, pieces: pieces) { range in
            range.map { i -> (Double, Int32) in
                let position = Int(ways.onwardPositions[i])
                return pricing.cheapest(
                    self.onwardRoutes[position / weeks], leavingIn: position % weeks + 1, arrivingBy: weeks)
            }
        }
        for (i, way) in onward.joined().enumerated() {
            let position = Int(ways.onwardPositions[i])
            tables.onwardPrice[position] = way.0
            tables.onwardRoute[position] = way.1
        }
        // The slots read the tables while their values are written: the values go in afterwards,
        // once no copy of the tables is held, so no array is copied on write.
        func slotWays(_ filled: Tables) -> (
            outbound: [(value: Double, route: Int32, startWeek: Int32)], onward: [(value: Double, route: Int32)]
        ) {
            let outbound = ParallelChunks.map(ways.outboundSlots.count, pieces: pieces) { range in
                range.map {
                    self.cheapestOutbound(ofSlot: Int(ways.outboundSlots[$0]), pricing: pricing, tables: filled)
                }
            }
            let onward = ParallelChunks.map(ways.onwardSlots.count, pieces: pieces) { range in
                range.map { self.cheapestOnward(ofSlot: Int(ways.onwardSlots[$0]), pricing: pricing, tables: filled) }
            }
            return (Array(outbound.joined()), Array(onward.joined()))
        }
        let (outboundWays, onwardWays) = slotWays(tables)
        for (i, way) in outboundWays.enumerated() {
            let slot = Int(ways.outboundSlots[i])
            tables.outboundValue[slot] = way.value
            tables.outboundChosen[slot] = way.route
            tables.outboundStart[slot] = way.startWeek
        }
        for (i, way) in onwardWays.enumerated() {
            let slot = Int(ways.onwardSlots[i])
            tables.onwardValue[slot] = way.value
            tables.onwardChosen[slot] = way.route
        }
    }

    /// Outbound slot `slot`'s cheapest way at the filled tables: its price (waiting, lateness and
    /// the route, for the whole class), the route (-1: none) and its start week (-1: none).
    @inline(__always)
    private func cheapestOutbound(ofSlot slot: Int, pricing: RoutePricing, tables: Tables) -> (
        value: Double, route: Int32, startWeek: Int32
    ) {
        let weeks = self.weeks
        let c = Int(outboundSlotClass[slot])
        let persons = classSize[c]
        let lodged = Int(outboundSlotLodged[slot])
        let g = Int(outboundSlotGroup[slot])
        var best = Double.infinity
        var bestEntry: Int32 = -1
        var bestRoute: Int32 = -1
        for (di, entry) in outboundOffsets[g].enumerated() {
            let week = lodged - entry.offset
            guard week >= classReady[c], week <= weeks else { continue }
            let at = outboundBase[g] + di * weeks + week - 1
            var price = tables.outboundPrice[at]
            var route = tables.outboundRoute[at]
            if persons > 1, route >= 0, pricing.room(Int(route), leavingIn: week) < persons {
                (price, route) = pricing.cheapest(entry.routes, leavingIn: week, persons: persons)
            }
            let late = max(0, week - classLatest[c])
            let value =
                classWaiting[c] * Double(week - classReadyWeek[c]) + classLateness[c] * Double(late)
                + persons * price
            if value < best {
                best = value
                bestEntry = Int32(week)
                bestRoute = route
            }
        }
        return (best, bestEntry < 0 ? -1 : bestRoute, bestEntry)
    }

    /// Onward slot `slot`'s cheapest way at the filled tables: its price for the whole household
    /// and the route (-1: none).
    @inline(__always)
    private func cheapestOnward(ofSlot slot: Int, pricing: RoutePricing, tables: Tables) -> (
        value: Double, route: Int32
    ) {
        let weeks = self.weeks
        let persons = onwardSlotPersons[slot]
        let onwardStart = Int(onwardSlotStart[slot])
        var onward = Double.infinity
        var onwardRoute: Int32 = -1
        if onwardStart >= 1 && onwardStart <= weeks {
            let group = Int(onwardSlotGroup[slot])
            let at = onwardBase[group] + onwardStart - 1
            onward = tables.onwardPrice[at]
            onwardRoute = tables.onwardRoute[at]
            if persons > 1, onwardRoute >= 0, pricing.room(Int(onwardRoute), leavingIn: onwardStart) < persons {
                (onward, onwardRoute) = pricing.cheapest(
                    onwardRoutes[group], leavingIn: onwardStart, persons: persons, arrivingBy: weeks)
            }
            onward *= persons
        }
        return (onward, onwardRoute)
    }

    /// Routes priced at one set of seat and money prices. It holds the route tables it reads
    /// itself, not the whole `RouteAlternatives`: copying that (some thirty arrays) in every call
    /// of the hot loop cost more than the pricing.
    private struct RoutePricing: Sendable {
        let weeks: Int
        let seatRoom: [Double]
        let routeLegStart: [Int]
        let routeLeg: [Int32]
        let routeLegOffset: [Int16]
        let routeValue: [Double]
        let routeMoney: [Double]
        let routeArrival: [Int16]
        let seatPrice: [Double]
        let moneyPrice: Double

        init(alternatives a: RouteAlternatives, seatPrice: [Double], moneyPrice: Double) {
            weeks = a.weeks
            seatRoom = a.seatRoom
            routeLegStart = a.routeLegStart
            routeLeg = a.routeLeg
            routeLegOffset = a.routeLegOffset
            routeValue = a.routeValue
            routeMoney = a.routeMoney
            routeArrival = a.routeArrival
            self.seatPrice = seatPrice
            self.moneyPrice = moneyPrice
        }

        /// Per person: a route's weighted cost and money plus its priced seats, leaving in `week`; a
        /// route with a leg that has fewer seats left than `persons` is no way at all (as the full
        /// model bounds its columns by the room on their way).
        @inline(__always)
        func price(_ route: Int, leavingIn week: Int, persons: Double = 1) -> Double {
            var total = routeValue[route] + moneyPrice * routeMoney[route]
            for e in routeLegStart[route]..<routeLegStart[route + 1] {
                let departs = week + Int(routeLegOffset[e])
                guard departs >= 1, departs <= weeks else { continue }
                let row = Int(routeLeg[e]) * weeks + departs - 1
                if seatRoom[row] < persons - 1e-9 || seatRoom[row] <= 0 { return .infinity }
                total += seatPrice[row]
            }
            return total
        }

        /// The least room on the way of a route, leaving in `week`.
        @inline(__always)
        func room(_ route: Int, leavingIn week: Int) -> Double {
            var least = Double.infinity
            for e in routeLegStart[route]..<routeLegStart[route + 1] {
                let departs = week + Int(routeLegOffset[e])
                guard departs >= 1, departs <= weeks else { continue }
                least = min(least, seatRoom[Int(routeLeg[e]) * weeks + departs - 1])
            }
            return least
        }

        /// The cheapest of `routes` leaving in `week` with room for `persons` and, with `last`,
        /// arriving by week `last` (table entries are for one person; a larger household whose
        /// table route is too small for it looks again).
        func cheapest(_ routes: [Int], leavingIn week: Int, persons: Double = 1, arrivingBy last: Int? = nil) -> (
            Double, Int32
        ) {
            var best = Double.infinity
            var bestRoute: Int32 = -1
            for route in routes where last.map({ week + Int(routeArrival[route]) <= $0 }) ?? true {
                let price = price(route, leavingIn: week, persons: persons)
                if price < best {
                    best = price
                    bestRoute = Int32(route)
                }
            }
            return (best, bestRoute)
        }
    }

    /// Adds what `value` households of priced column `k` use on their chosen routes: seats (scaled
    /// by `seatScale`) into `seatUse`, and money into the returned amount.
    func use(
        ofColumn k: Int, value: Double, tables: Tables, seatScale: [Double], seatUse: inout [Double]
    ) -> Double {
        let persons = classSize[Int(columnClass[k])]
        var money = 0.0
        let outboundSlot = Int(columnOutboundSlot[k])
        let outbound = Int(tables.outboundChosen[outboundSlot])
        if outbound >= 0 {
            money += addSeats(
                outbound, leavingIn: Int(tables.outboundStart[outboundSlot]), amount: value * persons, scale: seatScale,
                into: &seatUse)
        }
        let onward = Int(tables.onwardChosen[Int(columnOnwardSlot[k])])
        if onward >= 0 {
            money += addSeats(
                onward, leavingIn: Int(columnOnwardStart[k]), amount: value * persons, scale: seatScale, into: &seatUse)
        }
        return money
    }

    private func addSeats(_ route: Int, leavingIn week: Int, amount: Double, scale: [Double], into use: inout [Double])
        -> Double
    {
        guard route >= 0 else { return 0 }
        for e in routeLegStart[route]..<routeLegStart[route + 1] {
            let departs = week + Int(routeLegOffset[e])
            guard departs >= 1, departs <= weeks else { continue }
            let row = Int(routeLeg[e]) * weeks + departs - 1
            use[row] += amount / scale[row]
        }
        return amount * routeMoney[route]
    }

    /// The routes priced column `k` took in the last pricing: outbound route, its start week and
    /// onward route, or nil when it has no way.
    func chosenWay(ofColumn k: Int, tables: Tables) -> (outbound: Route, startWeek: Int, onward: Route)? {
        let outboundSlot = Int(columnOutboundSlot[k])
        let outbound = Int(tables.outboundChosen[outboundSlot])
        let onward = Int(tables.onwardChosen[Int(columnOnwardSlot[k])])
        guard outbound >= 0, onward >= 0 else { return nil }
        return (routes[outbound], Int(tables.outboundStart[outboundSlot]), routes[onward])
    }
}
