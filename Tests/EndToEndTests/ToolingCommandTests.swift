import Foundation
import Testing

/// `test`, `check` and `explain`, run as a knowledge-base author would.
@Suite struct ToolingCommandTests {
    @Test func testReportsTablesAndCoverage() throws {
        let result = try BinaryRunner.run(["test"])
        #expect(result.status == 0, "\(result.stderr)")
        for heading in [
            "Summary", "accuracy", "out-of-scope recall", "precision", "Confusion matrix", "Conversations:", "Coverage",
            "flow steps",
        ] {
            #expect(result.text.contains(heading), "missing \(heading)")
        }
        #expect(!result.text.contains("\u{1B}["), "no colour in a pipe")
    }

    @Test func testJSONHasTheWholeReport() throws {
        let result = try BinaryRunner.run(["test", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
        for key in [
            "accuracy", "outOfScopeRecall", "falseRejectionRate", "ambiguityRate", "facetAccuracy", "perClass",
            "confusion", "failures", "conversations", "coverage",
        ] {
            #expect(report[key] != nil, "missing \(key)")
        }
    }

    @Test func anUnmetBarExitsOne() throws {
        let result = try BinaryRunner.run(["test", "--min-accuracy", "1.0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("below the bar"))
        let met = try BinaryRunner.run(["test", "--min-accuracy", "0.5", "--min-out-of-scope-recall", "0.5"])
        #expect(met.status == 0)
    }

    @Test func badBarsAreUsageErrors() throws {
        let result = try BinaryRunner.run(["test", "--min-accuracy", "95"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("between 0 and 1"))
    }

    @Test func sweepPicksAThreshold() throws {
        let result = try BinaryRunner.run(["test", "--sweep"])
        #expect(result.status == 0)
        #expect(result.text.contains("best threshold:"))
        #expect(result.text.contains("0.95"))
    }

    @Test func crossValidationReports() throws {
        let result = try BinaryRunner.run(["test", "--cross-validate", "3"])
        #expect(result.status == 0)
        #expect(result.text.contains("3-fold cross-validation"))
    }

    @Test func crossValidationTrainsOnTheWholeKnowledgeBaseEvenWithAStoredMatcher() throws {
        // A start with a stored matcher reads only what answering needs; cross-validation
        // trains its own matchers and must still get the vocabulary and the language files.
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("cv-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let stored = ["XDG_CACHE_HOME": cache.path, "ALIPAY_HELP_NO_CACHE": ""]
        _ = try BinaryRunner.run(["ask", "hello"], environment: stored)
        let withStore = try BinaryRunner.run(["test", "--cross-validate", "3", "--json"], environment: stored)
        let without = try BinaryRunner.run(
            ["test", "--cross-validate", "3", "--json"], environment: ["ALIPAY_HELP_NO_CACHE": "1"])
        #expect(withStore.status == 0)
        #expect(withStore.stdout == without.stdout)
    }

    @Test func checkPassesOnTheProjectAndNamesPositions() throws {
        let result = try BinaryRunner.run(["check"])
        #expect(result.status == 0, "\(result.text)")
        #expect(result.text.contains("0 errors"))
    }

    @Test func explainShowsTheReasoning() throws {
        let result = try BinaryRunner.run(["explain", "How do I change my WhatsApp number?"])
        #expect(result.status == 0)
        #expect(result.text.contains("normalised: how do i change my whatsapp number"))
        #expect(result.text.contains("other_product"))
        #expect(result.text.contains("decision:   out of scope"))
        #expect(result.text.contains("another app"))
    }

    @Test func realQuestionsFromATSVAreReportedApart() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tsv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tsv = folder.appendingPathComponent("real.tsv")
        try
            "intent\tlang\tquestion\nchange_phone\ten\thow can i do for change my alipay phone\nout_of_scope\tzh\t微信怎么改手机号\ndelete_account\tru\tКак удалить аккаунт\n"
            .write(to: tsv, atomically: true, encoding: .utf8)
        let result = try BinaryRunner.run(["test", tsv.path])
        #expect(result.status == 0, "\(result.stderr)")
        for heading in ["real questions", "in-scope declined", "Calibration", "calibration error", "other languages"] {
            #expect(result.text.contains(heading), "missing \(heading)")
        }
        #expect(result.text.contains("real.tsv"))
        let json = try BinaryRunner.run(["test", "--json", tsv.path])
        let report = try #require(try JSONSerialization.jsonObject(with: json.stdout) as? [String: Any])
        let suites = try #require(report["suites"] as? [[String: Any]])
        #expect(suites.first?["realQuestions"] as? Bool == true)
        #expect(report["expectedCalibrationError"] as? Double != nil)
    }

    @Test func ablationShowsWhatEachRuleIsWorth() throws {
        let result = try BinaryRunner.run(["test", "--ablate"])
        #expect(result.status == 0, "\(result.stderr)")
        for row in ["all rules", "without require", "without exclude", "without other-product"] {
            #expect(result.text.contains(row), "missing \(row)")
        }
    }
}
