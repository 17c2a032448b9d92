import AlipayHelpKit
import AlipayHelpKnowledgeBase
import ArgumentParser
import Foundation

extension AlipayHelp {
    /// The knowledge base built into the program.
    struct KnowledgeBaseCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "kb",
            abstract: "Work with the knowledge base built into the program.",
            subcommands: [Export.self]
        )
    }
}

extension AlipayHelp.KnowledgeBaseCommand {
    /// Writes the built-in knowledge base out as YAML files, as a starting point for an author.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the built-in knowledge base to a folder, to edit and use with --kb.",
            discussion: "The folder must be new or empty. Then: alipay-help check --kb FOLDER."
        )

        @Argument(help: ArgumentHelp("The folder to write (new or empty).", valueName: "folder"))
        var folder: String

        func validate() throws {
            let manager = FileManager.default
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: folder, isDirectory: &isFolder) else { return }
            guard isFolder.boolValue else { throw ValidationError("'\(folder)' is a file; name a new or empty folder") }
            if let contents = try? manager.contentsOfDirectory(atPath: folder), !contents.isEmpty {
                throw ValidationError("'\(folder)' is not empty; name a new or empty folder so nothing is overwritten")
            }
        }

        func run() throws {
            let builtIn = BuiltInKnowledgeBase.alipayHelp
            do {
                try BuiltInKnowledgeBase.alipayHelp.folder.write(to: URL(fileURLWithPath: folder))
            } catch {
                StandardError.printSafely("alipay-help: error: cannot write '\(folder)': \(error.localizedDescription)")
                throw ExitCode.failure
            }
            StandardError.printSafely(
                "wrote \(builtIn.folder.allFiles().count) files (knowledge base \(builtIn.version)) to \(folder); use it with --kb \(folder)"
            )
        }
    }
}
