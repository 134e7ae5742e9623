// Builds the tables of a TOML document as headers and keys arrive, enforcing TOML 1.0's rules on defining
// things once: a key is set once, a table is defined by one header, `[[x]]` appends only to an array of
// tables, and dotted keys extend only tables they created. Reference types while building (a header may
// reach back into any table defined earlier); turned into plain values at the end.

/// The tables being built from one document.
struct TOMLTableBuilder {
    /// How a table came to exist, which decides what may still add to it.
    enum Origin {
        case root
        /// Named by its own `[header]`.
        case header
        /// Created as the parent of a header (`a` for `[a.b]`); a later `[a]` may still define it.
        case parentOfHeader
        /// Created by a dotted key (`a.b = 1` creates `a`).
        case dottedKey
        /// One element of an array of tables (`[[a]]`).
        case arrayElement
    }

    final class TableNode {
        var origin: Origin
        let line: Int
        var entries: [String: Entry] = [:]

        init(origin: Origin, line: Int) {
            self.origin = origin
            self.line = line
        }
    }

    final class TableArrayNode {
        var tables: [TableNode]
        let line: Int

        init(first: TableNode, line: Int) {
            tables = [first]
            self.line = line
        }
    }

    enum Entry {
        case value(TOMLValue, line: Int)
        case table(TableNode)
        case tableArray(TableArrayNode)

        var line: Int {
            switch self {
            case .value(_, let line): line
            case .table(let node): node.line
            case .tableArray(let node): node.line
            }
        }
    }

    private let root = TableNode(origin: .root, line: 1)
    /// The table that `key = value` lines currently go to.
    private var current: TableNode

    init() { current = root }

    /// `[path]` on `line`: later keys go to that table. Throws a message (the caller locates it).
    mutating func defineTable(_ path: [String], line: Int) throws(TOMLBuildError) {
        guard let last = path.last else { throw TOMLBuildError("a table header needs a name") }
        let parent = try parentForHeader(path.dropLast(), line: line)
        let name = Self.display(path)
        switch parent.entries[last] {
        case nil:
            let table = TableNode(origin: .header, line: line)
            parent.entries[last] = .table(table)
            current = table
        case .table(let table) where table.origin == .parentOfHeader:
            table.origin = .header
            current = table
        case .table(let table) where table.origin == .dottedKey:
            throw TOMLBuildError("table [\(name)] was already made by a dotted key on line \(table.line)")
        case .table(let table):
            throw TOMLBuildError("table [\(name)] is defined twice (first on line \(table.line))")
        case .tableArray(let array):
            throw TOMLBuildError("\(name) is already an array of tables ([[\(name)]], line \(array.line))")
        case .value(_, let first):
            throw TOMLBuildError("\(name) is already a value (line \(first)), so it cannot be a table")
        }
    }

    /// `[[path]]` on `line`: appends a table to the array of tables `path`; later keys go to it.
    mutating func appendTable(_ path: [String], line: Int) throws(TOMLBuildError) {
        guard let last = path.last else { throw TOMLBuildError("an array-of-tables header needs a name") }
        let parent = try parentForHeader(path.dropLast(), line: line)
        let name = Self.display(path)
        let table = TableNode(origin: .arrayElement, line: line)
        switch parent.entries[last] {
        case nil:
            parent.entries[last] = .tableArray(TableArrayNode(first: table, line: line))
        case .tableArray(let array):
            array.tables.append(table)
        case .table(let existing):
            throw TOMLBuildError(
                "\(name) is already a table (line \(existing.line)), so [[\(name)]] cannot add an entry to it")
        case .value(_, let first):
            throw TOMLBuildError(
                "\(name) is already a value (line \(first)), so [[\(name)]] cannot add an entry to it")
        }
        current = table
    }

    /// `path = value` on `line`, in the current table.
    mutating func setValue(_ value: TOMLValue, at path: [String], line: Int) throws(TOMLBuildError) {
        guard let last = path.last else { throw TOMLBuildError("a key needs a name") }
        var table = current
        for (depth, part) in path.dropLast().enumerated() {
            let name = Self.display(Array(path.prefix(depth + 1)))
            switch table.entries[part] {
            case nil:
                let created = TableNode(origin: .dottedKey, line: line)
                table.entries[part] = .table(created)
                table = created
            case .table(let existing) where existing.origin == .dottedKey:
                table = existing
            case .table(let existing):
                throw TOMLBuildError(
                    "\(name) is a table with its own header (line \(existing.line)); write its keys under that header")
            case .tableArray(let existing):
                throw TOMLBuildError("\(name) is already an array of tables (line \(existing.line))")
            case .value(_, let first):
                throw TOMLBuildError("\(name) is already a value (line \(first)), so it cannot hold keys")
            }
        }
        if let existing = table.entries[last] {
            throw TOMLBuildError("duplicate key \(Self.display(path)): first defined on line \(existing.line)")
        }
        table.entries[last] = .value(value, line: line)
    }

    /// The finished document.
    func build() -> TOMLTable { Self.value(of: root) }

    /// Walks to the table that holds the last part of a header, creating parents as needed. Through an
    /// array of tables it goes to its last element, as TOML specifies.
    private func parentForHeader(_ parents: ArraySlice<String>, line: Int) throws(TOMLBuildError) -> TableNode {
        var table = root
        for (depth, part) in parents.enumerated() {
            switch table.entries[part] {
            case nil:
                let created = TableNode(origin: .parentOfHeader, line: line)
                table.entries[part] = .table(created)
                table = created
            case .table(let existing):
                table = existing
            case .tableArray(let array):
                guard let last = array.tables.last else { throw TOMLBuildError("empty array of tables") }
                table = last
            case .value(_, let first):
                let name = Self.display(Array(parents.prefix(depth + 1)))
                throw TOMLBuildError("\(name) is already a value (line \(first)), so it cannot hold a table")
            }
        }
        return table
    }

    /// Recursion is bounded: the parser limits dotted parts per key and header and the nesting of arrays.
    private static func value(of node: TableNode) -> TOMLTable {
        var table = TOMLTable()
        for (key, entry) in node.entries {
            switch entry {
            case .value(let value, _): table.entries[key] = value
            case .table(let child): table.entries[key] = .table(value(of: child))
            case .tableArray(let array): table.entries[key] = .array(array.tables.map { .table(value(of: $0)) })
            }
        }
        return table
    }

    /// A key path as it would be written (parts that are not bare keys quoted).
    static func display(_ path: [String]) -> String {
        path.map { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy(TOMLCharacters.isBareKey)
                ? part : ValueFormatting.tomlString(part)
        }.joined(separator: ".")
    }
}

/// A TOML definition rule broken; the parser adds where.
struct TOMLBuildError: Error {
    var message: String
    init(_ message: String) { self.message = message }
}
