import Crypto
import Foundation
import PassageReports
import Testing

/// End-to-end: `passage plan --format html` on the demo writes one self-contained page, owner-only.
@Suite struct HTMLCommandTests {
    @Test func planWritesAnOwnerOnlyPageWithItsCharts() throws {
        let folder = try TemporaryFolder()
        let output = folder.path("plan.html")
        let result = try Passage.run(["plan", Passage.demo, "--format", "html", "--output", output, "--quiet"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: output)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let html = try String(contentsOfFile: output, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for id in ["chart-moved-per-week", "chart-capacity", "chart-flows"] {
            let figure = try #require(html.range(of: "<figure id=\"\(id)\""), "no figure \(id)")
            let end = try #require(html[figure.upperBound...].range(of: "</figure>"))
            #expect(html[figure.upperBound..<end.lowerBound].contains("<svg "), "\(id) has no SVG")
        }
        for forbidden in ["http://", "https://", "src="] { #expect(!html.contains(forbidden)) }
        // The one inline script runs only if its hash is the one the Content-Security-Policy names.
        let start = try #require(html.range(of: "<script>"))
        let end = try #require(html.range(of: "</script>"))
        let hash = Data(SHA256.hash(data: Data(html[start.upperBound..<end.lowerBound].utf8))).base64EncodedString()
        #expect(html.contains("script-src &#39;sha256-\(hash.replacingOccurrences(of: "=", with: "&#61;"))&#39;"))
        #expect(HTMLReport.contentSecurityPolicy.contains("'sha256-\(hash)'"))

        let redacted = try Passage.run(["plan", Passage.demo, "--format", "html", "--redact", "--quiet"])
        #expect(redacted.status == 0, "\(redacted.standardError)")
        #expect(redacted.standardOutput.hasPrefix("<!DOCTYPE html>"))
        // Demo household ids are H001…; none may appear in the redacted page.
        #expect(redacted.standardOutput.range(of: #"H\d{3}"#, options: .regularExpression) == nil)
        #expect(!redacted.standardOutput.contains("<svg"))
    }
}
