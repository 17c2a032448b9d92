import Foundation
import Testing

@testable import AlipayHelpKit

@Suite struct KnowledgeBaseLintTests {
    func lint(_ folder: URL) -> [Diagnostic] {
        var options = KnowledgeBaseLint.Options()
        options.leaveOneOut = false
        return KnowledgeBaseLint.run(directory: folder, options: options)
    }

    /// The errors `check` reports on a copy of the project's knowledge base with one edit.
    func errors(editing file: String, replacing old: String, with new: String) throws -> [Diagnostic] {
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(folder, file, replacing: old, with: new)
        return lint(folder).filter { $0.severity == .error }
    }

    @Test func theProjectKnowledgeBaseHasNoErrors() {
        let errors = lint(Fixtures.intents).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func anExampleUnderTwoIntentsIsAnError() throws {
        let errors = try errors(
            editing: "limits.yaml", replacing: "  - \"alipay limit\"\n",
            with: "  - \"alipay limit\"\n  - huabei repayment\n")
        #expect(
            errors.contains {
                $0.message.contains("\"huabei repayment\" is an example of both") && $0.location.contains(".yaml:")
            })
    }

    @Test func aBareFigureNoEntryNamesIsAnError() throws {
        // Any number an answer writes out must be a named figure, so each is stated once.
        let errors = try errors(
            editing: "limits.yaml", replacing: "en: \"You can transfer up to {daily_transfer} a day.\"",
            with: "en: \"You can transfer up to {daily_transfer} a day, or 7 times.\"")
        #expect(
            errors.contains {
                $0.message.contains("'7' is a figure no entry under figures: names")
                    && $0.location.contains("limits.yaml:")
            }, "\(errors)")
    }

    @Test func aFacetMayStateAFigureTheTopicAnswerDoesNot() throws {
        // The rule this replaced made authors delete useful facts from facets.
        let facetOnly = try errors(
            editing: "huabei.yaml", replacing: "      en: \"Huabei bills you monthly.",
            with: "      en: \"Huabei bills you monthly, {interest_free_days} at most.")
        #expect(!facetOnly.contains { $0.message.contains("never says") }, "\(facetOnly)")
    }

    @Test func aRuleNamingNoConceptIsAWarning() throws {
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(
            folder, "limits.yaml", replacing: "    triggers: [\"qr\"]", with: "    triggers: [\"qr_code_payment\"]")
        #expect(
            lint(folder).contains {
                $0.severity == .warning && $0.message.contains("'qr_code_payment', which is not a concept")
            })
    }

    @Test func aCheckedFigureTheFacetDoesNotStateIsAnError() throws {
        let errors = try errors(
            editing: "limits.yaml", replacing: "en: \"You can transfer up to {daily_transfer} a day.\"",
            with: "en: \"You can transfer a fair amount a day.\"")
        #expect(
            errors.contains {
                $0.message.contains("checks figure 'daily_transfer' (50,000)") && $0.location.contains("limits.yaml:")
            }, "\(errors)")
    }

    @Test func aFigureWrittenOutInsteadOfByNameIsAnError() throws {
        let errors = try errors(
            editing: "limits.yaml", replacing: "en: \"You can transfer up to {daily_transfer} a day.\"",
            with: "en: \"You can transfer up to 50,000 yuan a day.\"")
        #expect(
            errors.contains {
                $0.message.contains("'50,000' is figure 'daily_transfer' written out; write {daily_transfer}")
            }, "\(errors)")
    }

    @Test func aTextNamingAnUnknownFigureIsAnError() throws {
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(folder, "limits.yaml", replacing: "{annual_total}.\"", with: "{yearly_cap}.\"")
        #expect(
            lint(folder).contains {
                $0.severity == .error && $0.message.contains("names figure 'yearly_cap'")
                    && $0.location.contains("limits.yaml:")
            })
    }

    @Test func aWordThatFoldsIntoAFunctionWordIsAWarning() throws {
        let folder = try Fixtures.copyOfIntents()
        // Vietnamese "nợ" (debt) loses its accents in matching and becomes English "no".
        try Fixtures.edit(folder, "languages/vi.yaml", replacing: "  debt: [", with: "  debt: [\"nợ\", ")
        #expect(
            lint(folder).contains {
                $0.severity == .warning && $0.message.contains("'nợ' (debt) reads as 'no', an English function word")
            })
        #expect(!lint(Fixtures.intents).contains { $0.message.contains("reads as") })
    }

    @Test func aPhraseThatFoldsIntoEnglishWithAnotherMeaningIsAWarning() throws {
        let folder = try Fixtures.copyOfIntents()
        // French "à nouveau" (again) folds to "a nouveau": the terms of every English "a new".
        try Fixtures.edit(folder, "languages/fr.yaml", replacing: "  again: [", with: "  again: [\"à nouveau\", ")
        #expect(
            lint(folder).contains {
                $0.severity == .warning && $0.message.contains("'à nouveau' (again) reads as 'a new'")
            })
    }

    @Test func aTestCaseNamingAnUnknownFacetIsAnError() throws {
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(
            folder, "tests/questions.yaml", replacing: "facet: red_envelope}", with: "facet: red_packets}")
        #expect(
            lint(folder).contains {
                $0.severity == .error && $0.message.contains("topic limits has no facet 'red_packets'")
            })
    }

    @Test func aBrokenFileIsOneErrorWithItsPosition() throws {
        let folder = try Fixtures.copyOfIntents()
        try Fixtures.edit(
            folder, "flows/change_number.yaml", replacing: "    next: verify_current", with: "    next: verify_currnet")
        let diagnostics = lint(folder)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description.contains("change_number.yaml:") == true)
        #expect(
            diagnostics.first?.description.contains(
                ": error: step 'open_settings' leads to unknown step 'verify_currnet'") == true)
    }

    @Test func leaveOneOutFindsExamplesTheMatcherMisreads() throws {
        let folder = try Fixtures.copyOfIntents()
        // An example unlike anything else in its topic cannot be learned from the others.
        try Fixtures.edit(
            folder, "huabei.yaml", replacing: "  - \"huabei\"\n",
            with: "  - \"huabei\"\n  - penguins juggle marmalade\n")
        let warnings = KnowledgeBaseLint.run(directory: folder).filter { $0.severity == .warning }
        #expect(warnings.contains { $0.message.contains("\"penguins juggle marmalade\" is taken for") })
    }
}
