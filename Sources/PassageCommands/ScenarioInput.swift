import ArgumentParser
import Foundation
import PassageScenario

/// Loads a scenario folder for a command, printing every validation problem to standard error
/// (paths relative to the folder given) and exiting with status 1 when there are any.
/// A sealed scenario file is decrypted in memory; its problems are named by file inside it (`FILE.sealed/households.csv:…`).
enum ScenarioInput {
    static func load(_ path: String, passphrase: PassphraseOptions) throws -> Scenario {
        try loadWithWarnings(path, passphrase: passphrase).scenario
    }

    /// Like ``load(_:passphrase:)``, first printing the scenario's warnings on standard error in
    /// `validate`'s shape (`DIR/FILE:LINE:COLUMN: warning: message`), for the commands that plan the
    /// scenario: a coordinator who never runs `validate` still hears of them. `--quiet` does not hide
    /// them (it hides progress only): they are about the input, as errors are. They change nothing
    /// planned, printed on standard output or written.
    static func loadShowingWarnings(_ path: String, passphrase: PassphraseOptions) throws -> Scenario {
        let (scenario, warnings) = try loadWithWarnings(path, passphrase: passphrase)
        show(warnings, of: path)
        return scenario
    }

    /// Prints `warnings` on standard error, paths relative to the folder (or sealed file) given.
    static func show(_ warnings: [ValidationIssue], of path: String) {
        for warning in warnings { StandardError.write(prefix(path) + warning.description) }
    }

    /// What the help of every command that reads a scenario (other than `validate`) says about those warnings.
    static let warningsHelp = """
        Warnings about the scenario (households larger than every safe house open to them; .csv or .toml \
        files in the folder that Passage does not read) are printed on standard error first, as \
        `passage validate` prints them (FILE:LINE:COLUMN: warning: message), even with --quiet; they \
        change nothing planned or written.
        """

    /// A scenario's issues are named `DIR/FILE`, or `FILE.sealed/FILE` for a sealed scenario.
    private static func prefix(_ path: String) -> String { path.hasSuffix("/") ? path : path + "/" }

    /// Like ``load(_:passphrase:)``, also returning the scenario's warnings (sorted, paths relative to
    /// the folder given, as the errors are): the caller decides whether to show them.
    static func loadWithWarnings(_ path: String, passphrase: PassphraseOptions) throws
        -> (scenario: Scenario, warnings: [ValidationIssue])
    {
        do {
            if let files = try ScenarioSource.sealedFiles(at: path, passphrase: passphrase) {
                return try ScenarioLoader.loadWithWarnings(files: files)
            }
            // A folder may also hold files Passage does not read (a misspelt commitment.csv): warned about.
            return try ScenarioLoader.loadWithWarnings(directory: URL(fileURLWithPath: path, isDirectory: true))
        } catch let error as ScenarioValidationError {
            for issue in error.issues { StandardError.write(prefix(path) + issue.description) }
            let count = error.issues.count
            StandardError.write("\(count) problem\(count == 1 ? "" : "s") found; nothing was written.")
            throw ExitCode(1)
        }
    }
}

/// A command's input could not be used (unreadable, not a scenario, no passphrase). Names paths, never contents.
struct CommandInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes lines to standard error (diagnostics never go to standard output, which carries reports).
enum StandardError {
    static func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

/// Failures other than invalid input (the solver failed, an output could not be written): one line
/// on standard error and exit status 2, so scripts can tell them from a scenario with problems (1).
enum Failure {
    /// Runs `body`; an error there is input that does not fit the scenario (a house, week or plan
    /// of another scenario), which the user can mend: its message, and exit status 1 as for a
    /// scenario problem.
    static func exitingWithStatus1<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardError.write("passage: error: \(error)")
            throw ExitCode(1)
        }
    }

    static func exitingWithStatus2<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            StandardError.write("passage: error: \(error)")
            throw ExitCode(2)
        }
    }
}
