import Foundation
import Testing

/// Passage never uses the network: the built binary must not link a networking library. Checked with
/// `ldd` (Linux) or `otool -L` (macOS) on the `passage` executable the tests run.
@Suite struct NoNetworkTests {
    /// Libraries that would give the binary a network client; Foundation itself is allowed.
    static let forbidden = ["FoundationNetworking", "libcurl", "libssl", "libnghttp", "CFNetwork", "libgnutls", "libnss"]

    @Test func thePassageBinaryLinksNoNetworkingLibrary() throws {
        #if os(Linux)
        let tool = ("/usr/bin/ldd", [Passage.executable.path])
        #else
        let tool = ("/usr/bin/otool", ["-L", Passage.executable.path])
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool.0)
        process.arguments = tool.1
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let listing = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(listing.contains("lib"), "no libraries listed: \(listing)")
        for library in Self.forbidden {
            #expect(!listing.contains(library), "passage links \(library):\n\(listing)")
        }
    }
}
