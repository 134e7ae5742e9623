// scenario.toml written line by line (TOMLParser only reads): a coordinator reads this file and diffs it,
// so the keys come in the order of docs/SCENARIO.md and numbers in their shortest exact form, which
// TOMLParser reads back exactly.

/// Renders `ScenarioSettings` as the text of `scenario.toml`.
enum SettingsWriting {
    static func text(_ settings: ScenarioSettings) -> String {
        var lines: [String] = []
        lines.append("title = \(ValueFormatting.tomlString(settings.title))")
        lines.append("start_date = \(settings.startDate)")
        lines.append("horizon_weeks = \(settings.horizonWeeks)")
        if let budget = settings.budget { lines.append("budget = \(ValueFormatting.number(budget))") }
        lines.append("currency = \(ValueFormatting.tomlString(settings.currency))")

        let objective = settings.objective
        lines.append("")
        lines.append("[objective]")
        let weights = objective.urgencyWeights.map { ValueFormatting.number($0) }.joined(separator: ", ")
        lines.append("urgency_weights = [\(weights)]")
        lines.append("waiting_per_week = \(ValueFormatting.number(objective.waitingPerWeek))")
        lines.append("cost = \(ValueFormatting.number(objective.cost))")
        lines.append("risk = \(ValueFormatting.number(objective.risk))")
        lines.append("preferred_country = \(ValueFormatting.number(objective.preferredCountry))")
        lines.append("lateness_per_week = \(ValueFormatting.number(objective.latenessPerWeek))")
        lines.append("change_penalty = \(ValueFormatting.number(objective.changePenalty))")
        // Only when set: otherwise the loader's default (half of waiting_per_week) follows waiting_per_week.
        if let transit = objective.transitWaitingPerWeek {
            lines.append("transit_waiting_per_week = \(ValueFormatting.number(transit))")
        }

        // An absent limit is left out, so the loader applies its default.
        lines.append("")
        lines.append("[solver]")
        if let time = settings.solver.timeLimitSeconds {
            lines.append("time_limit_seconds = \(ValueFormatting.number(time))")
        }
        if let gap = settings.solver.mipGap { lines.append("mip_gap = \(ValueFormatting.number(gap))") }
        if let backend = settings.solver.backend { lines.append("backend = \"\(backend.rawValue)\"") }
        return lines.joined(separator: "\n") + "\n"
    }
}
