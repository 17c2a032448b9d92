import CReadline
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The chat's line history on disk: `$XDG_STATE_HOME/alipay-help/history`, else
/// `~/.local/state/alipay-help/history`. Like bash and readline's own history functions, each
/// new line is appended to the file (never the whole list rewritten from memory), and the file
/// is cut to its last `capacity` lines, both under an exclusive `flock` on a lock file beside it,
/// so two chats at once keep each other's lines. A path that is not a regular file (a FIFO, a
/// folder, a device) is refused with one warning: the chat goes on without history.
struct ChatHistory {
    static let capacity: Int32 = 1_000

    let path: String
    private var lockPath: String { path + ".lock" }
    private var folder: String { (path as NSString).deletingLastPathComponent }

    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/alipay-help/history"
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/alipay-help/history"
    }

    /// Loads the history into readline; false (after one warning) when the path cannot hold a
    /// history file, so the chat goes on without one.
    func load() -> Bool {
        cr_stifle_history(Self.capacity)
        var info = stat()
        if lstat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else {
                Self.warnOnce(
                    "\(path) is not a regular file (\(Self.kind(info.st_mode))); the chat goes on without history")
                return false
            }
            _ = cr_read_history(path)
        } else if errno != ENOENT {
            Self.warnOnce("cannot read \(path): \(Self.reason(errno)); the chat goes on without history")
            return false
        }
        return true
    }

    /// Adds a line to readline's list and appends it to the file.
    func add(_ line: String) {
        cr_add_history(line)
        locked { cr_append_history(1, path) }
    }

    /// Forgets every line, in memory and in the file.
    func clear() {
        cr_clear_history()
        locked { cr_truncate_history_file(path, 0) }
    }

    /// Runs a change to the file under the lock, then cuts the file to `capacity` lines.
    private func locked(_ change: () -> Int32) {
        guard makeFolder() else { return }
        let lock = open(lockPath, O_WRONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0o600)
        guard lock >= 0 else {
            Self.warnOnce("cannot write \(lockPath): \(Self.reason(errno)); history is not saved")
            return
        }
        defer { close(lock) }
        while flock(lock, LOCK_EX) != 0 {
            guard errno == EINTR else {
                Self.warnOnce("cannot lock \(lockPath): \(Self.reason(errno)); history is not saved"); return
            }
        }
        defer { _ = flock(lock, LOCK_UN) }
        // Checked again under the lock: something else may have taken the path meanwhile.
        var info = stat()
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) != S_IFREG {
            Self.warnOnce("\(path) is not a regular file (\(Self.kind(info.st_mode))); history is not saved")
            return
        }
        let created = lstat(path, &info) != 0
        if created {
            let file = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if file >= 0 { close(file) }
        }
        let status = change()
        if status != 0 {
            Self.warnOnce("cannot write \(path): \(Self.reason(status)); history is not saved")
            return
        }
        _ = cr_truncate_history_file(path, Self.capacity)
        chmod(path, 0o600)
    }

    /// Creates the state folder (and its parents) private to the user, or says in plain words
    /// why it cannot.
    private func makeFolder() -> Bool {
        var partial = ""
        for component in folder.split(separator: "/", omittingEmptySubsequences: true) {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                Self.warnOnce(
                    "cannot create the folder \(partial) for the chat history: \(Self.reason(errno)); history is not saved"
                )
                return false
            }
        }
        var info = stat()
        guard stat(folder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            Self.warnOnce("cannot keep the chat history in \(folder): it is not a folder; history is not saved")
            return false
        }
        return true
    }

    static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: return "permission denied"
        case ENOSPC: return "the disk is full"
        case EROFS: return "the file system is read-only"
        case ENOTDIR: return "part of the path is a file, not a folder"
        case EDQUOT: return "the disk quota is used up"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: return "a FIFO"
        case S_IFDIR: return "a folder"
        case S_IFLNK: return "a symbolic link"
        case S_IFCHR, S_IFBLK: return "a device"
        case S_IFSOCK: return "a socket"
        default: return "not a plain file"
        }
    }

    nonisolated(unsafe) private static var warned = false

    private static func warnOnce(_ message: String) {
        guard !warned else { return }
        warned = true
        StandardError.printSafely("alipay-help: warning: " + message)
    }
}
