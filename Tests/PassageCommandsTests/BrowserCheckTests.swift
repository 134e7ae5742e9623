import Foundation
import Testing

/// Python 3, which runs the browser check's judge, if this machine has it.
let browserCheckPython = ["/usr/bin/python3", "/usr/local/bin/python3", "/opt/homebrew/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

/// The judge of `make browser-check` (scripts/browser_check.py) on what Chromium would hand it: it must
/// fail on console output, on any request the page makes, and on a chart without its SVG, and pass a
/// clean page. Chromium itself runs only in `make browser-check`.
@Suite(.enabled(if: browserCheckPython != nil, "needs python3"))
struct BrowserCheckTests {
    static let python = browserCheckPython
    static let script = Passage.repositoryRoot.appendingPathComponent("scripts/browser_check.py").path

    static let cleanDOM = """
        <!DOCTYPE html><html lang="en"><body>
        <figure id="chart-moved-per-week"><figcaption>Moved</figcaption><svg role="img"><rect/></svg></figure>
        <figure id="chart-capacity"><div><svg role="img"></svg></div></figure>
        </body></html>
        """
    /// A net log as Chromium writes it: the browser's own request (another isolation key) is not the page's.
    static let quietNet = """
        {"constants": {}, "events": [
        {"params": {"url": "https://update.example/service", "network_isolation_key": "https://google.com https://google.com"}, "type": 2}
        ]}
        """

    func check(dom: String, log: String = "", net: String = quietNet) throws -> (status: Int32, errors: String) {
        let folder = try TemporaryFolder()
        for (name, text) in [("dom.html", dom), ("browser.log", log), ("net.json", net)] {
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path(name)))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(Self.python))
        process.arguments = [
            Self.script, "--dom", folder.path("dom.html"), "--log", folder.path("browser.log"), "--net",
            folder.path("net.json"), "--charts", "chart-moved-per-week", "chart-capacity",
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func aCleanPagePasses() throws {
        let result = try check(dom: Self.cleanDOM, log: "[1:1:1126/0:WARNING:gpu] no devices\n")
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func consoleOutputFails() throws {
        let log = "[1:1:1126/0:INFO:CONSOLE:3] \"Uncaught ReferenceError: x is not defined\", source: file:///p.html (3)\n"
        let result = try check(dom: Self.cleanDOM, log: log)
        #expect(result.status == 1)
        #expect(result.errors.contains("console:") && result.errors.contains("Uncaught ReferenceError"))
    }

    @Test func aRequestFromThePageFails() throws {
        let net = """
            {"events": [{"params": {"url": "https://fonts.example/a.woff2", "network_isolation_key": "file:// [internally: file://]"}}]}
            """
        let result = try check(dom: Self.cleanDOM, net: net)
        #expect(result.status == 1)
        #expect(result.errors.contains("the page asked for https://fonts.example/a.woff2"))
    }

    @Test func aMissingOrEmptyChartFails() throws {
        let dom = """
            <html><body><figure id="chart-moved-per-week"><p>no picture</p></figure><svg></svg></body></html>
            """
        let result = try check(dom: dom)
        #expect(result.status == 1)
        #expect(result.errors.contains("chart-moved-per-week has no <svg>"))
        #expect(result.errors.contains("no element with id chart-capacity"))
    }
}
