/// Text made safe for HTML and SVG (XML) alike, the one escaper both use.
///
/// `& < > " '` become references and control characters are replaced (as in every other format),
/// so data can never become markup, inside an element or a quoted attribute. `=` is escaped too,
/// harmless in text, so a scan of a page for `src=` or `href=` finds only the page's own attributes,
/// never an id that merely looks like one. Numeric references only: they mean the same in HTML and XML.
func markupEscaped(_ text: String) -> String {
    var out = ""
    for scalar in Fmt.printable(text).unicodeScalars {
        switch scalar {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        case "=": out += "&#61;"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
