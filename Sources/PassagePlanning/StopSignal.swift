import Foundation

/// A flag one thread raises and another checks between steps of its work: how a stage running
/// beside another is told that the other has finished (`Planner`, the bound beside the improvement).
final class StopSignal: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    /// Tells the work checking this signal to stop at its next check.
    func raise() { lock.withLock { raised = true } }

    /// Whether `raise()` has been called.
    var isRaised: Bool { lock.withLock { raised } }
}
