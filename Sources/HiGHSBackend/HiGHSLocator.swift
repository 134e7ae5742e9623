import Foundation

/// Finds HiGHS's shared library: `PASSAGE_HIGHS_LIBRARY`, else where `pip install highsbox` put it
/// (asked of `python3` once, then the usual site-packages folders).
enum HiGHSLocator {
    /// The environment variable naming libhighs explicitly.
    static let environmentVariable = "PASSAGE_HIGHS_LIBRARY"

    #if canImport(Darwin)
        static let libraryName = "libhighs.dylib"
    #else
        static let libraryName = "libhighs.so"
    #endif

    /// A library path, or why none was found.
    struct Search {
        var path: String?
        var explanation: String
    }

    static func search(environment: [String: String] = ProcessInfo.processInfo.environment) -> Search {
        // An explicit choice is never second-guessed: a wrong path is an error, not a fallback.
        if let explicit = environment[environmentVariable], !explicit.isEmpty {
            let exists = FileManager.default.fileExists(atPath: explicit)
            return Search(
                path: exists ? explicit : nil,
                explanation: "\(environmentVariable)=\(explicit) names no file")
        }
        let packages =
            [highsboxFolderFromPython()].compactMap { $0 }
            + sitePackagesFolders(environment).map { ($0 as NSString).appendingPathComponent("highsbox") }
        for package in packages {
            let path = (package as NSString).appendingPathComponent("highs_dist/lib/\(libraryName)")
            if FileManager.default.fileExists(atPath: path) { return Search(path: path, explanation: "") }
        }
        return Search(
            path: nil,
            explanation:
                "python3 cannot import highsbox, no \(libraryName) in \(packages.count) site-packages folders, and \(environmentVariable) is not set"
        )
    }

    /// The folder of the `highsbox` package as the `python3` on PATH sees it, or nil.
    static func highsboxFolderFromPython() -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import highsbox,os; print(os.path.dirname(highsbox.__file__))"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let folder = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return folder.isEmpty ? nil : folder
    }

    /// Site-packages folders pip commonly installs into: a virtual environment, the user's, the
    /// system's and pyenv's.
    static func sitePackagesFolders(_ environment: [String: String]) -> [String] {
        let home = environment["HOME"] ?? NSHomeDirectory()
        var libraries = ["\(home)/.local/lib", "/usr/local/lib", "/usr/lib", "/opt/homebrew/lib"]
        if let virtual = environment["VIRTUAL_ENV"] { libraries.insert("\(virtual)/lib", at: 0) }
        let pyenv = environment["PYENV_ROOT"] ?? "\(home)/.pyenv"
        for version in (try? FileManager.default.contentsOfDirectory(atPath: "\(pyenv)/versions"))?.sorted() ?? [] {
            libraries.append("\(pyenv)/versions/\(version)/lib")
        }
        var folders: [String] = []
        for library in libraries {
            let pythons = (try? FileManager.default.contentsOfDirectory(atPath: library))?.sorted() ?? []
            for python in pythons where python.hasPrefix("python3") {
                for packages in ["site-packages", "dist-packages"] {
                    folders.append("\(library)/\(python)/\(packages)")
                }
            }
        }
        return folders
    }
}
