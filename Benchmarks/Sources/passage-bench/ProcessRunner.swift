import Foundation

/// The outcome of a child process: exit status and everything it wrote.
struct ProcessOutput {
    var status: Int32
    /// Whether the process ended on a signal (then `status` is the signal's number).
    var signalled: Bool
    /// Whether `runProcess` stopped it at its wall-clock guard.
    var timedOut: Bool
    var standardOutput: Data
    var standardError: String
}

/// Runs `executable` with `arguments` and waits, collecting both output streams (read concurrently so
/// neither pipe can fill up and stall the child). With `timeout`, a child still running after that many
/// seconds is terminated. Throws only when the process cannot be started.
func runProcess(_ executable: String, _ arguments: [String], timeout: Double? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let outPipe = Pipe(), errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    try process.run()
    let timedOut = LockedValue(false)
    if let timeout {
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
            guard process.isRunning else { return }
            timedOut.value = true
            process.terminate()
        }
    }
    let errorData = LockedValue(Data())
    let done = DispatchSemaphore(value: 0)
    DispatchQueue.global().async {
        errorData.value = errPipe.fileHandleForReading.readDataToEndOfFile()
        done.signal()
    }
    let outData = outPipe.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return ProcessOutput(
        status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
        timedOut: timedOut.value, standardOutput: outData,
        standardError: String(decoding: errorData.value, as: UTF8.self))
}

/// The absolute path of `name` on `PATH`, or nil.
func findExecutable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
