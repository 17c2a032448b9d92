import AlipayHelpKit

/// How a match is put into words on screen, by `explain` and the chat's `/explain`: one
/// wording for both (JSON Lines use `Match.Outcome.kind`, reports `Match.Outcome.label`; the
/// confidence is shown as `Match.confidenceInPercent`, JSON Lines keep their number).
extension Match {
    /// The decision: "topic limits, facet red_envelope", "small talk greeting", "out of scope",
    /// "ambiguous between huabei and limits".
    var decisionInWords: String {
        switch outcome {
        case let .topic(id): return "topic \(id)" + (facet.map { ", facet \($0)" } ?? "")
        case let .smallTalk(id): return "small talk \(id)"
        case .outOfScope: return "out of scope"
        case .tooLong: return "too long to read as one question"
        case let .ambiguous(ids): return "ambiguous between \(ids.joined(separator: " and "))"
        }
    }

}
