import AlipayHelpKit
import Foundation

/// `check`'s coverage table: per topic and language, the written examples, the phrasing
/// patterns and the phrasings they stand for.
struct PatternCoverageRenderer {
    let coverage: PatternCoverage

    func render() -> String {
        var table = TextTable(
            headers: ["topic", "language", "examples", "patterns", "phrasings"],
            alignments: [.left, .left, .right, .right, .right])
        table.rows = coverage.rows.map {
            [
                $0.label, $0.language, "\($0.examples)", "\($0.patterns)",
                $0.phrasings >= 1e9 ? String(format: "%.1e", $0.phrasings) : String(format: "%.0f", $0.phrasings),
            ]
        }
        return "Coverage\n" + table.render() + "\n"
    }
}
