import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the binary on a pseudo-terminal, as a person at a keyboard would: the child's
/// standard input, output and error are the terminal, which is its controlling terminal, so
/// Ctrl-C typed at it sends SIGINT like a real one.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// Everything the program wrote, decoded whole each time so a character split across two
    /// reads is not mangled.
    private(set) var transcript = ""
    private var bytes: [UInt8] = []

    /// Runs the binary, or with `shell`, a `/bin/sh -c` script given the binary as `$0` and the
    /// arguments as `$@` (so a script with `set -m` can run it as a job, stop it and `fg` it).
    init(arguments: [String], environment: [String: String], columns: UInt16 = 100, shell: String? = nil) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var name = [CChar](repeating: 0, count: 128)
        guard openpty(&master, &slave, &name, nil, &size) == 0 else { throw POSIXError(.ENXIO) }
        self.master = master
        let slavePath = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        close(slave)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // Opened after setsid(), so the terminal becomes the child's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A new session (POSIX_SPAWN_SETSID), an empty signal mask and default signal handling,
        // whatever the test runner itself blocks or ignores.
        var empty = sigset_t()
        sigemptyset(&empty)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let executable = shell == nil ? BinaryRunner.executable.path : "/bin/sh"
        let argv =
            ((shell.map { ["/bin/sh", "-c", $0, BinaryRunner.executable.path] } ?? [executable]) + arguments).map {
                strdup($0)
            } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let env = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for pointer in env { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, env)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .EINVAL) }
        self.pid = pid
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Changes the window size, as dragging the window does (the child gets SIGWINCH).
    func resize(columns: UInt16) {
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Types text at the terminal ("\r" is Enter, "\u{3}" Ctrl-C, "\u{4}" Ctrl-D).
    func type(_ text: String) {
        var bytes = Array(text.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until `marker` appears in what has been read since `from`, or the timeout passes.
    @discardableResult
    func read(until marker: String, since from: String.Index? = nil, timeout: Double = 30) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let start = from ?? transcript.startIndex
            if transcript[start...].contains(marker) { return true }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 100) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = Glibc.read(master, &buffer, buffer.count)
                if count <= 0 { return transcript[start...].contains(marker) }
                bytes += buffer[..<count]
                transcript = String(decoding: bytes, as: UTF8.self)
            }
        }
        return false
    }

    /// The exit status once the program ends, or nil if it is still running after `timeout`.
    func waitForExit(timeout: Double = 30) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = read(until: "\u{0}", timeout: 0.05)  // keep draining so the child never blocks
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
            }
        }
        return nil
    }

    var isRunning: Bool { kill(pid, 0) == 0 && waitpid(pid, nil, WNOHANG) == 0 }

    /// The first child of the spawned process (the chat, when a shell script runs it).
    var child: pid_t? {
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return children.split(separator: " ").first.flatMap { pid_t(String($0)) }
    }
}
