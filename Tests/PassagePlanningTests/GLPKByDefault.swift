import GLPKBackend
import LinearProgramming
import PassageScenario
@testable import PassagePlanning

// Planning tests solve with GLPK unless they name a backend (BackendAgreementTests compares both):
// these overloads keep their call sites as short as the behaviour they test.

extension Planner {
    init(scenario: Scenario, previous: PreviousPlan? = nil, style: FormulationStyle = .compact) {
        self.init(scenario: scenario, solver: GLPKSolver(), previous: previous, style: style)
    }

    init(scenario: Scenario, largeModelThreshold: Int) {
        self.init(scenario: scenario, solver: GLPKSolver(), largeModelThreshold: largeModelThreshold)
    }
}

extension Sweep {
    static func plan(
        _ scenario: Scenario, varying specification: SweepSpecification, options: PlanningOptions = PlanningOptions(),
        jobs: Int = Sweep.defaultJobs, progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) throws -> Sweep {
        try plan(
            scenario, varying: specification, options: options, jobs: jobs, solver: GLPKSolver(), progress: progress)
    }
}
