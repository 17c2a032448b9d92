import AlipayHelpKit
import Foundation
import Testing

@testable import alipay_help

/// The library's load errors are neutral values; the command line words them as compilers do.
@Suite struct KnowledgeBaseErrorTextTests {
    /// The line the command line prints for the error a folder fails to load with.
    func line(_ folder: URL) -> String {
        do {
            _ = try KnowledgeBase.load(from: folder)
            return "no error"
        } catch let error as KnowledgeBaseError {
            return KnowledgeBaseErrorText.line(for: error)
        } catch {
            return "\(error)"
        }
    }

    @Test func errorTextFollowsTheCompilerConvention() throws {
        let topic =
            "id: limits\ntitle: Limits\nrequire: [limit]\nexamples:\n  - what is the limit\nanswer:\n  summary: There are limits.\ncolour: red\n"
        let text = line(try Fixtures.folder(["limits.yaml": topic]))
        #expect(text.contains("limits.yaml:8:1: error: unknown key 'colour'"), "got: \(text)")
    }

    @Test func aMissingFolderSaysWhatToDo() {
        let text = line(URL(fileURLWithPath: "/nonexistent/intents"))
        #expect(
            text
                == "/nonexistent/intents: error: no knowledge base here; pass --kb with the folder that holds the intents YAML files"
        )
    }

    @Test func theLibraryErrorNamesNoOption() {
        let error = KnowledgeBaseError.notFound(path: "/nonexistent/intents")
        #expect(!(error.errorDescription ?? "").contains("--") && !(error.errorDescription ?? "").contains("error:"))
    }

    @Test func aCheckFindingOfAMissingFolderSaysWhatToDoToo() {
        let finding = KnowledgeBaseErrorText.worded(Diagnostic(KnowledgeBaseError.notFound(path: "/x")))
        #expect(
            finding.description
                == "/x:1:1: error: no knowledge base here; pass --kb with the folder that holds the intents YAML files")
    }
}
