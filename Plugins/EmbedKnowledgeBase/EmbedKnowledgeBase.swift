import Foundation
import PackagePlugin

/// Builds the knowledge base into the program: every YAML file of the package's `intents/`
/// folder becomes a string in a generated Swift file, so a binary copied anywhere answers
/// without a folder beside it. `intents/` stays the only copy in the repository.
@main
struct EmbedKnowledgeBase: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let intents = context.package.directoryURL.appending(path: "intents")
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedKnowledgeBase.swift")
        var inputs: [URL] = []
        if let walker = FileManager.default.enumerator(at: intents, includingPropertiesForKeys: nil) {
            for case let file as URL in walker where ["yaml", "yml"].contains(file.pathExtension) {
                inputs.append(file)
            }
        }
        return [
            .buildCommand(
                displayName: "Embedding the knowledge base (\(inputs.count) files)",
                executable: try context.tool(named: "embed-knowledge-base").url,
                arguments: [intents.path, output.path],
                inputFiles: inputs.sorted { $0.path < $1.path },
                outputFiles: [output]
            )
        ]
    }
}
