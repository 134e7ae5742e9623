import Foundation

/// Turns a file's bytes into text: strict UTF-8, a leading byte-order mark dropped.
///
/// Foundation's decoders either give up without a position or silently substitute U+FFFD; a coordinator
/// needs to know where the bad byte is (usually a file saved as Windows-1251 or Latin-1 by a spreadsheet).
enum TextDecoding {
    /// The decoded text, or the 1-based line and column of the first byte that is not valid UTF-8.
    static func decodeUTF8(_ data: Data) -> Result<String, TextDecodingFailure> {
        var scalars = String.UnicodeScalarView()
        var iterator = data.makeIterator()
        var codec = UTF8()
        var line = 1
        var column = 1
        decoding: while true {
            switch codec.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            case .emptyInput:
                break decoding
            case .error:
                return .failure(TextDecodingFailure(line: line, column: column))
            }
        }
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        return .success(String(scalars))
    }
}

/// Where a file stopped being valid UTF-8.
struct TextDecodingFailure: Error {
    var line: Int
    var column: Int

    /// The issue for `file`.
    func issue(file: String) -> ValidationIssue {
        ValidationIssue(
            file: file, line: line, column: column,
            message: "the file is not valid UTF-8 text; save it as UTF-8 (CSV UTF-8 in spreadsheet programs)")
    }
}
