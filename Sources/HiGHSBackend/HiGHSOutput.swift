import Foundation
import LinearProgramming

/// Receives HiGHS's output for one Highs object through its callback: log lines (forwarded to
/// `SolverOptions.log`, never printed) and MIP progress (as `SolverProgress`). The last lines are kept
/// so that a failure can quote HiGHS's own words. HiGHS calls it on the solving thread (one HiGHS
/// thread per object: `threads` = 1), so it needs no lock.
final class HiGHSOutput {
    private let library: HiGHSLibrary
    private let log: (@Sendable (String) -> Void)?
    private let progress: (@Sendable (SolverProgress) -> Void)?
    /// When the whole solve started (HiGHS's own `running_time` restarts with each Highs object).
    private let started: ContinuousClock.Instant
    private var lines = SolverOutputLines()

    init(
        library: HiGHSLibrary, log: (@Sendable (String) -> Void)?, progress: (@Sendable (SolverProgress) -> Void)?,
        started: ContinuousClock.Instant
    ) {
        self.started = started
        self.library = library
        self.log = log
        self.progress = progress
    }

    /// HiGHS's last lines, for an error message.
    var recentText: String { lines.recentText }

    fileprivate func receive(type: Int32, message: UnsafePointer<CChar>?, dataOut: UnsafeRawPointer?) {
        switch type {
        case HiGHSConstants.callbackLogging:
            guard let message else { return }
            lines.receive(String(cString: message)) { log?($0) }
        case HiGHSConstants.callbackMipImprovingSolution, HiGHSConstants.callbackMipLogging:
            guard let progress, let dataOut else { return }
            func item(_ name: String) -> Double? {
                library.callbackDataOutItem(dataOut, name).map { $0.load(as: Double.self) }
            }
            let incumbent = item("mip_primal_bound").flatMap { $0.isFinite && abs($0) < 1e30 ? $0 : nil }
            let bound = item("mip_dual_bound").flatMap { $0.isFinite && abs($0) < 1e30 ? $0 : nil }
            progress(
                SolverProgress(
                    phase: .branchAndCut, elapsedSeconds: elapsedSeconds(), incumbent: incumbent,
                    bound: bound))
        default:
            return
        }
    }

    private func elapsedSeconds() -> Double {
        let spent = ContinuousClock.now - started
        return Double(spent.components.seconds) + Double(spent.components.attoseconds) * 1e-18
    }

    func flush() { lines.flush { log?($0) } }
}

/// The C callback HiGHS calls; `userData` is the `HiGHSOutput` of the Highs object calling.
let highsCallback: HiGHSLibrary.Callback = { type, message, dataOut, _, userData in
    guard let userData else { return }
    Unmanaged<HiGHSOutput>.fromOpaque(userData).takeUnretainedValue()
        .receive(type: type, message: message, dataOut: dataOut)
}

/// The constants of `highs_c_api.h` the backend uses.
enum HiGHSConstants {
    static let statusError: Int32 = -1
    static let statusOK: Int32 = 0
    static let statusWarning: Int32 = 1

    static let objectiveMinimize: Int32 = 1
    static let objectiveMaximize: Int32 = -1
    static let matrixRowwise: Int32 = 2
    static let variableContinuous: Int32 = 0
    static let variableInteger: Int32 = 1

    static let solutionFeasible: Int32 = 2

    static let modelNotSet: Int32 = 0
    static let modelEmpty: Int32 = 6
    static let optimal: Int32 = 7
    static let infeasible: Int32 = 8
    static let unboundedOrInfeasible: Int32 = 9
    static let unbounded: Int32 = 10
    static let timeLimit: Int32 = 13
    /// What `mip_max_nodes` ends a solve with.
    static let solutionLimit: Int32 = 16
    static let interrupt: Int32 = 17

    static let basisBasic: Int32 = 1

    static let callbackLogging: Int32 = 0
    static let callbackMipImprovingSolution: Int32 = 4
    static let callbackMipLogging: Int32 = 5

    /// `kHighsModelStatus` names, for error messages.
    static func modelStatusName(_ status: Int32) -> String {
        let names = [
            "not set", "load error", "model error", "presolve error", "solve error", "postsolve error",
            "model empty", "optimal", "infeasible", "unbounded or infeasible", "unbounded", "objective bound",
            "objective target", "time limit", "iteration limit", "unknown", "solution limit", "interrupt",
        ]
        return names.indices.contains(Int(status)) ? names[Int(status)] : "status \(status)"
    }
}
