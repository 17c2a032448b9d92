import Foundation

/// Where a knowledge base's files are: a folder on disk, or files held in memory (the one
/// built into the program), read the same way. Files are named by their path inside the
/// folder ("flows/change_number.yaml"); diagnostics name them as `path` joined with that.
///
/// Files in memory are never written anywhere: a program on a read-only file system, or with
/// no cache it may write, answers from them all the same.
public struct KnowledgeBaseFolder: Sendable {
    /// How diagnostics name the folder: its path on disk, or the label of the files in memory.
    public let path: String
    /// The files in memory by their path inside the folder; nil for a folder on disk.
    private let memory: [String: String]?

    /// A folder on disk.
    public init(disk url: URL) {
        path = url.path
        memory = nil
    }

    /// Files held in memory, each with its path inside the folder, named `label` in diagnostics.
    public init(memory files: [(path: String, text: String)], label: String) {
        path = label
        memory = Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { _, last in last })
    }

    /// Whether the files are held in memory rather than on disk.
    public var isInMemory: Bool { memory != nil }

    /// The name diagnostics give a file inside the folder.
    public func location(of relativePath: String) -> String {
        relativePath.isEmpty ? path : pathPrefix + relativePath
    }

    /// `path` ending in a slash: what every file's location starts with.
    var pathPrefix: String { path.hasSuffix("/") ? path : path + "/" }

    /// Whether the folder itself exists (files in memory always do).
    public var exists: Bool {
        guard memory == nil else { return true }
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// What is at a path inside the folder.
    public enum Entry: Sendable { case file, folder, nothing }

    public func entry(at relativePath: String) -> Entry {
        if let memory {
            if memory[relativePath] != nil { return .file }
            let prefix = relativePath + "/"
            return memory.keys.contains { $0.hasPrefix(prefix) } ? .folder : .nothing
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: location(of: relativePath), isDirectory: &isFolder) else {
            return .nothing
        }
        return isFolder.boolValue ? .folder : .file
    }

    /// The names directly inside a subfolder ("" for the folder itself), sorted; nil when there
    /// is no such folder.
    public func names(in subfolder: String = "") -> [String]? {
        if let memory {
            let prefix = subfolder.isEmpty ? "" : subfolder + "/"
            var names: Set<String> = []
            for key in memory.keys where key.hasPrefix(prefix) {
                let rest = key.dropFirst(prefix.count)
                names.insert(String(rest.prefix { $0 != "/" }))
            }
            return names.isEmpty && !subfolder.isEmpty ? nil : names.sorted()
        }
        return (try? FileManager.default.contentsOfDirectory(atPath: location(of: subfolder)))?.sorted()
    }

    /// Every file, by its path inside the folder, sorted.
    public func allFiles() -> [String] {
        if let memory { return memory.keys.sorted() }
        let manager = FileManager.default
        return (manager.subpaths(atPath: path) ?? []).filter {
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: location(of: $0), isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// A file's text: a regular file in UTF-8 of at most `YAMLNode.maximumFileSize` bytes.
    public func text(of relativePath: String) throws -> String {
        if let memory {
            guard let text = memory[relativePath] else {
                throw KnowledgeBaseError.unreadable(file: location(of: relativePath), reason: "missing or not readable")
            }
            return text
        }
        return try KnowledgeBase.readText(location(of: relativePath))
    }

    /// A file's bytes as they are, or nil when it cannot be read (what the stored matcher's key
    /// is made from).
    func bytes(of relativePath: String) -> [UInt8]? {
        if let memory { return memory[relativePath].map { Array($0.utf8) } }
        return FileManager.default.contents(atPath: location(of: relativePath)).map { [UInt8]($0) }
    }
}

extension KnowledgeBaseFolder {
    /// Writes every file under `destination`, creating folders as needed: an author's copy of
    /// a knowledge base, to edit and use with `--kb`.
    public func write(to destination: URL) throws {
        let manager = FileManager.default
        for name in allFiles() {
            let url = destination.appendingPathComponent(name)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(try text(of: name).utf8).write(to: url)
        }
    }
}
