import PassagePlanning

/// The plan as plain text for a terminal: no colour, lines kept within `TextReport.width` columns.
public enum TextReport {
    /// The width text reports are laid out for.
    public static let width = 100

    /// Renders `plan` as plain text.
    public static func render(_ plan: Plan, options: ReportOptions = ReportOptions(format: .text)) -> String {
        render(PlanDocument.build(plan, options: options, detail: .summarised))
    }

    static func render(_ document: ReportDocument) -> String {
        var out: [String] = []
        var level = 1
        var previousWasItemHeading = false
        for block in document.blocks {
            // Blocks are separated by one empty line, except that an item heading (level 3) hugs its content.
            if !out.isEmpty && !(previousWasItemHeading && !isHeading(block)) { out.append("") }
            if case .heading(_, let l) = block {
                previousWasItemHeading = l >= 3
            } else {
                previousWasItemHeading = false
            }
            switch block {
            case .heading(let text, let l):
                level = l
                let text = Fmt.printable(text)
                switch l {
                case 1: out += [text, String(repeating: "=", count: text.count)]
                case 2: out += [text, String(repeating: "-", count: text.count)]
                default: out += wrap(text, width: width, indent: 0, hanging: 4)
                }
            case .warning(let text):
                let rule = String(repeating: "!", count: width)
                out.append(rule)
                out += wrap(Fmt.printable(text), width: width - 3, indent: 0, hanging: 0).map { "!! " + $0 }
                out.append(rule)
            case .lines(let lines):
                for line in lines { out += wrap(Fmt.printable(line), width: width, indent: 0, hanging: 4) }
            case .table(let table):
                out += table.textLines(maxWidth: width, indent: level == 3 ? 2 : 0)
            case .entry(let title, let details):
                out += wrap(Fmt.printable(title), width: width, indent: 0, hanging: 4)
                for detail in details { out += wrap(Fmt.printable(detail), width: width, indent: 4, hanging: 6) }
            }
        }
        return out.map(trimmedTrailing).joined(separator: "\n") + "\n"
    }

    private static func isHeading(_ block: ReportBlock) -> Bool {
        if case .heading = block { return true }
        return false
    }

    /// Greedy word wrap: first line indented by `indent`, continuation lines by `hanging`.
    /// A word longer than the line stays whole rather than being cut inside an id.
    static func wrap(_ text: String, width: Int, indent: Int, hanging: Int) -> [String] {
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        // Characters in `current`, kept as words join: counting a String walks all of it.
        var length = indent
        var currentHasWord = false
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let wordLength = word.count
            if currentHasWord && length + 1 + wordLength > width {
                lines.append(current)
                current = String(repeating: " ", count: hanging) + word
                length = hanging + wordLength
            } else {
                if currentHasWord {
                    current += " "
                    length += 1
                }
                current += word
                length += wordLength
            }
            currentHasWord = true
        }
        lines.append(current)
        return lines
    }
}
