import ArgumentParser
import Foundation
import PassageSealing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the passphrase of a sealed file comes from: `--passphrase-fd N`, else the environment variable
/// `PASSAGE_PASSPHRASE`, else a prompt on the terminal with echo off. Never from an argument (argument
/// lists are visible to every user through `ps`).
struct PassphraseOptions: ParsableArguments {
    /// The environment variable scripts may set instead of typing the passphrase.
    static let environmentVariable = "PASSAGE_PASSPHRASE"

    @Option(help: ArgumentHelp(
        "Read the passphrase from this open file descriptor (first line), e.g. --passphrase-fd 3 3<secret.txt.",
        valueName: "n"))
    var passphraseFd: Int32?

    /// The passphrase to open a sealed file.
    func forOpening() throws -> Passphrase {
        try read(confirm: false)
    }

    /// The passphrase to seal with: asked twice at a prompt, and checked against `PassphrasePolicy`.
    func forSealing() throws -> Passphrase {
        let passphrase = try read(confirm: true)
        try PassphrasePolicy.check(passphrase)
        return passphrase
    }

    private func read(confirm: Bool) throws -> Passphrase {
        if let fd = passphraseFd { return try Passphrase(Self.firstLine(of: fd)) }
        if let value = ProcessInfo.processInfo.environment[Self.environmentVariable] { return try Passphrase(value) }
        let first = try TerminalPrompt.readHidden("Passphrase: ")
        if confirm, try TerminalPrompt.readHidden("Passphrase again: ") != first {
            throw CommandInputError("the two passphrases differ")
        }
        return try Passphrase(first)
    }

    /// The first line read from `fd` (at most 4 KiB; `PassphraseLine` decides what the bytes say).
    static func firstLine(of fd: Int32) throws -> String {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while bytes.count < PassphraseLine.maximumBytes {
            let count = Foundation.read(fd, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { throw CommandInputError("cannot read the passphrase from file descriptor \(fd)") }
            if count == 0 || byte == 0x0A { break }
            bytes.append(byte)
        }
        do {
            return try PassphraseLine.text(of: bytes)
        } catch {
            throw CommandInputError("the passphrase is not valid UTF-8")
        }
    }
}


/// Reads a line from the controlling terminal with echo off, restoring the terminal afterwards.
enum TerminalPrompt {
    static func readHidden(_ prompt: String) throws -> String {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else {
            throw CommandInputError(
                "a passphrase is needed and there is no terminal to ask on; set \(PassphraseOptions.environmentVariable)"
                    + " or use --passphrase-fd")
        }
        defer { close(fd) }
        var saved = termios()
        let isTerminal = tcgetattr(fd, &saved) == 0
        if isTerminal {
            var silent = saved
            silent.c_lflag &= ~tcflag_t(ECHO)
            silent.c_lflag |= tcflag_t(ECHONL)
            _ = tcsetattr(fd, TCSAFLUSH, &silent)
        }
        defer { if isTerminal { _ = tcsetattr(fd, TCSAFLUSH, &saved) } }
        _ = prompt.withCString { Foundation.write(fd, $0, strlen($0)) }
        return try PassphraseOptions.firstLine(of: fd)
    }
}
