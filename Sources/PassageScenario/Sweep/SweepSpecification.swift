import Foundation

/// What `passage sweep --vary` asks for: one resource and the values to plan it at
/// (docs/WHATIF.md, "Sweeps").
///
/// Written `RESOURCE=FROM..TO[:STEP]`, where RESOURCE is `beds:HOUSE`, `seats:LEG`, `quota:PROGRAMME`,
/// `shared_quota:ID`, `document_service:ID` or `budget`: `beds:SH-EVN-1=5..15:2` plans 5, 7, 9, 11, 13
/// and 15 beds. The values run from FROM in steps of STEP up to TO, never past it (TO itself is planned
/// when a whole number of steps reaches it). STEP defaults to 1, and for the budget to a tenth of the range.
public struct SweepSpecification: Sendable, Hashable, CustomStringConvertible {
    /// The capacity varied.
    public var resource: SweptResource
    /// The first value.
    public var from: Double
    /// The last value allowed.
    public var to: Double
    /// The distance between values.
    public var step: Double

    /// More values than this are refused: each is a full plan, and a chart of hundreds of points
    /// says no more than one of a few dozen.
    public static let maximumValues = 101

    /// A specification of `resource` from `from` to `to` in steps of `step` (not checked: see `parse`).
    public init(resource: SweptResource, from: Double, to: Double, step: Double) {
        self.resource = resource
        self.from = from
        self.to = to
        self.step = step
    }

    /// The values to plan, in increasing order.
    public var values: [Double] {
        guard step > 0, from <= to else { return [from] }
        // By index, not by repeated addition, so 0.1-sized steps do not drift past TO.
        let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
        return (0..<count).map { from + Double($0) * step }
    }

    /// As written on the command line, numbers in their shortest form.
    public var description: String {
        "\(resource)=\(ValueFormatting.number(from))..\(ValueFormatting.number(to)):\(ValueFormatting.number(step))"
    }

    /// Reads `text` (`RESOURCE=FROM..TO[:STEP]`); throws ``SweepSpecificationError`` saying what is
    /// wrong and what was expected. Ids are not checked here (see `SweptResource.problem(in:)`).
    public static func parse(_ text: String) throws -> SweepSpecification {
        guard let equals = text.lastIndex(of: "=") else {
            throw SweepSpecificationError(
                "\"\(text)\" has no \"=\": write RESOURCE=FROM..TO[:STEP], e.g. beds:SH-EVN-1=5..15:2")
        }
        let resource = try parseResource(String(text[..<equals]))
        let range = String(text[text.index(after: equals)...])
        var bounds = Substring(range)
        var stepText: Substring?
        if let colon = range.lastIndex(of: ":") {
            bounds = range[..<colon]
            stepText = range[range.index(after: colon)...]
        }
        let ends = bounds.components(separatedBy: "..")
        guard ends.count == 2 else {
            throw SweepSpecificationError(
                "\"\(range)\" is not a range: write FROM..TO or FROM..TO:STEP, e.g. 5..15:2")
        }
        let from = try number(ends[0], "FROM", resource)
        let to = try number(ends[1], "TO", resource)
        guard from <= to else {
            throw SweepSpecificationError(
                "FROM (\(ends[0])) is larger than TO (\(ends[1])); give the smaller value first")
        }
        let step: Double
        if let stepText {
            step = try number(String(stepText), "STEP", resource)
            guard step > 0 else { throw SweepSpecificationError("STEP must be larger than 0") }
        } else if resource.takesWholeNumbers || from == to {
            step = 1
        } else {
            step = (to - from) / 10
        }
        let specification = SweepSpecification(resource: resource, from: from, to: to, step: step)
        let count = specification.values.count
        guard count <= maximumValues else {
            throw SweepSpecificationError(
                "\(count) values is more than the \(maximumValues) a sweep plans; give a larger STEP")
        }
        return specification
    }

    private static func parseResource(_ text: String) throws -> SweptResource {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let kind = parts[0]
        let id = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : nil
        let expected =
            "one of beds:HOUSE, seats:LEG, quota:PROGRAMME, shared_quota:ID, document_service:ID or budget"
        switch kind {
        case "budget":
            guard id == nil else { throw SweepSpecificationError("budget takes no id: write budget=FROM..TO[:STEP]") }
            return .budget
        case "beds", "seats", "quota", "shared_quota", "document_service":
            guard let id, !id.isEmpty else {
                let what = [
                    "beds": "a safe house", "seats": "a leg", "quota": "a programme", "shared_quota": "a shared quota",
                    "document_service": "a document service",
                ][kind]!
                throw SweepSpecificationError("\(kind) needs the id of \(what): write \(kind):ID=FROM..TO[:STEP]")
            }
            switch kind {
            case "beds": return .beds(houseID: id)
            case "seats": return .seats(legID: id)
            case "quota": return .quota(programmeID: id)
            case "shared_quota": return .sharedQuota(id: id)
            default: return .documentService(id: id)
            }
        default:
            throw SweepSpecificationError("\"\(text)\" is not a resource to vary: expected \(expected)")
        }
    }

    /// What the values of `resource` are, for messages: `beds`, `document service places`.
    private static func counted(_ resource: SweptResource) -> String {
        if case .documentService = resource { return "document service places" }
        return resource.kind
    }

    private static func number(_ text: String, _ name: String, _ resource: SweptResource) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed), value.isFinite else {
            throw SweepSpecificationError("\(name) \"\(text)\" is not a number")
        }
        guard value >= 0 else { throw SweepSpecificationError("\(name) \(trimmed) is negative; capacities start at 0") }
        if resource.takesWholeNumbers && value != value.rounded() {
            throw SweepSpecificationError(
                "\(name) \(trimmed) is not a whole number; \(counted(resource)) count persons")
        }
        return value
    }
}

/// A `--vary` specification that cannot be read: the message says what is wrong and what was expected.
public struct SweepSpecificationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, in a sentence.
    public var description: String
    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
