import CReadline
import Foundation

/// The chat's line history on disk: `$XDG_STATE_HOME/alipay-help/history`, else
/// `~/.local/state/alipay-help/history`, capped, and always replaced whole through a
/// temporary file and a rename, so a crash or a full disk leaves the old file intact.
struct ChatHistory {
    static let capacity: Int32 = 1_000

    let path: String

    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/alipay-help/history"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/alipay-help/history"
    }

    /// Loads the history into readline.
    func load() {
        cr_stifle_history(Self.capacity)
        if FileManager.default.fileExists(atPath: path) { _ = cr_read_history(path) }
    }

    func add(_ line: String) {
        cr_add_history(line)
        save()
    }

    func clear() {
        cr_clear_history()
        save()
    }

    /// Writes the whole history to a temporary file beside it, then renames it into place.
    func save() {
        let folder = (path as NSString).deletingLastPathComponent
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            Self.warnOnce("cannot create \(folder): \(error.localizedDescription); history is not saved")
            return
        }
        let temporary = "\(path).tmp-\(getpid())"
        if cr_write_history(temporary) == 0, rename(temporary, path) == 0 {
            chmod(path, 0o600)
        } else {
            unlink(temporary)
            Self.warnOnce("cannot write \(path) (disk full or read-only?); history is not saved")
        }
    }

    nonisolated(unsafe) private static var warned = false

    private static func warnOnce(_ message: String) {
        guard !warned else { return }
        warned = true
        StandardError.print("alipay-help: warning: " + message)
    }
}
