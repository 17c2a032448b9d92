import AlipayHelpKit
import CReadline
import Foundation

/// What readline's C callbacks hand back to Swift. C callbacks cannot capture context, so this
/// state is global; the chat runs on one thread only.
enum ReadlineBridge {
    nonisolated(unsafe) static var received = false
    nonisolated(unsafe) static var line: String?
    nonisolated(unsafe) static var completionCandidates: [String] = []
    nonisolated(unsafe) static var completionMatches: [String] = []

    static let lineHandler: @convention(c) (UnsafeMutablePointer<CChar>?) -> Void = { raw in
        received = true
        if let raw {
            line = String(decoding: UnsafeRawBufferPointer(start: raw, count: strlen(raw)), as: UTF8.self)
            free(raw)
        } else {
            line = nil // Ctrl-D on an empty line
        }
        // Remove the handler so readline does not redraw the prompt before our reply.
        cr_remove()
    }

    static let completer: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { text, start, _ in
        cr_no_filename_completion()
        let prefix = text.map { String(cString: $0) } ?? ""
        let commandWord = start == 0 && prefix.hasPrefix("/")
        completionMatches = completionCandidates.filter { candidate in
            candidate.hasPrefix("/") == commandWord && candidate.lowercased().hasPrefix(prefix.lowercased())
        }
        return cr_completion_matches(text, generator)
    }

    static let generator: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = { _, state in
        let index = Int(state)
        guard index < completionMatches.count else { return nil }
        return strdup(completionMatches[index]) // readline frees it
    }
}

/// The chat on a terminal: GNU readline for editing, history and completion; Ctrl-C clears
/// the line; a resized window re-wraps the replies.
struct InteractiveChat {
    var session: ChatSession
    var history: ChatHistory?
    let output = StandardOutput()

    func prompt(colour: Bool) -> String {
        // \u{1}...\u{2} tell readline the escape codes take no columns.
        colour ? "\u{1}\u{1B}[1;36m\u{2}you ›\u{1}\u{1B}[0m\u{2} " : "you › "
    }

    mutating func run() -> Int32 {
        cr_configure("alipay-help")
        cr_hold_terminal()
        cr_install_fatal_handlers()
        defer { cr_release_terminal() }
        let commandNames: [String] = (ChatSession.commands + session.flowCommands).map(\.name) + ["/lang en", "/lang zh", "/lang auto"]
        let topicWords: [String] = session.conversation.responder.knowledgeBase.topics.flatMap { topic in
            [topic.id] + topic.title.en.split(separator: " ").map { String($0).lowercased() }
        }
        ReadlineBridge.completionCandidates = commandNames + topicWords + ["more", "tell me more"]
        cr_set_completer(ReadlineBridge.completer)
        if let loaded = history?.load(), !loaded { history = nil }
        let signals = cr_install_signal_pipe()
        updateWidth()
        StandardError.print(session.banner)
        let promptText = prompt(colour: session.renderer.colour)

        while true {
            ReadlineBridge.received = false
            cr_install(promptText, ReadlineBridge.lineHandler)
            while !ReadlineBridge.received {
                var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: signals, events: Int16(POLLIN), revents: 0)]
                let ready = poll(&fds, 2, -1)
                if ready < 0 { if errno == EINTR { continue } else { break } }
                if fds[1].revents & Int16(POLLIN) != 0 { handleSignals(signals) }
                if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 { cr_read_char() }
            }
            guard let line = ReadlineBridge.line else {
                // Ctrl-D
                FileHandle.standardError.write("\n".data(using: .utf8)!)
                say(session.conversation.responder.knowledgeBase.messages.text(.goodbye, session.conversation.language))
                return 0
            }
            let trimmed = line.trimmingWhitespace()
            if trimmed.isEmpty { continue }
            if session.mayRemember(trimmed) { history?.add(trimmed) }
            let (text, action) = session.handle(line)
            if !text.isEmpty { say(text) }
            switch action {
            case .none: break
            case .quit: return 0
            case .clearHistory: history?.clear()
            }
        }
    }

    private func say(_ text: String) {
        output.write(text + "\n\n")
        output.flush()
    }

    private mutating func handleSignals(_ fd: Int32) {
        var bytes = [UInt8](repeating: 0, count: 16)
        let count = read(fd, &bytes, bytes.count)
        guard count > 0 else { return }
        for signal in bytes.prefix(count) {
            if Int32(signal) == SIGINT {
                let lineWasEmpty = cr_line_length() == 0
                cr_cancel_line()
                if lineWasEmpty, let cancelled = session.cancelFlow() {
                    cr_print_above(cancelled + "\n\n")
                }
            } else if Int32(signal) == SIGWINCH {
                cr_resize()
                updateWidth()
            } else if Int32(signal) == SIGTSTP {
                // Ctrl-Z: give the shell back a working terminal, stop, and on `fg` take it
                // again and redraw the prompt with what was being typed.
                cr_release_terminal()
                StandardError.print("")
                cr_stop_self()
                cr_hold_terminal()
                cr_resize()
                updateWidth()
                cr_redraw()
            } else if Int32(signal) == SIGCONT {
                // Stopped some other way (SIGSTOP) and the shell reset the terminal meanwhile.
                if cr_terminal_was_reset() != 0 {
                    cr_release_terminal()
                    cr_hold_terminal()
                    cr_redraw()
                }
            } else if [SIGTERM, SIGHUP, SIGQUIT].contains(Int32(signal)) {
                // Killed, hung up, or Ctrl-\: the terminal is restored before going (the
                // history is already saved, line by line). Ctrl-\ ends the chat like Ctrl-D,
                // without a crash report.
                cr_release_terminal()
                StandardError.print("")
                output.flush()
                if Int32(signal) == SIGQUIT { exit(128 + SIGQUIT) }
                cr_die_of(Int32(signal))
            }
        }
    }

    private mutating func updateWidth() {
        var size = winsize()
        var columns = ioctl(1, UInt(TIOCGWINSZ), &size) == 0 ? Int(size.ws_col) : 0
        if columns <= 0 { columns = Int(cr_screen_width()) }
        if columns <= 0 { columns = 80 } // a terminal that does not say its size
        session.renderer.width = min(max(columns, 20), 100)
    }
}

/// The chat with a pipe on standard input: the same conversation, no readline, no prompt, no
/// banner; each reply followed by a blank line. This is how conversations are scripted.
struct ScriptedChat {
    var session: ChatSession

    mutating func run() -> Int32 {
        let output = StandardOutput()
        var reader = LineReader(maximumLength: AlipayHelp.Ask.maximumLineLength)
        reader.beforeRead = { output.flush() }
        cr_install_stop_signals()
        reader.interrupted = { cr_stop_signal() != 0 }
        while cr_stop_signal() == 0, let line = reader.next() {
            if line.truncated { LineReader.reportTruncation(line) }
            let (text, action) = session.handle(String(decoding: line.bytes, as: UTF8.self))
            if !text.isEmpty { output.write(text + "\n\n") }
            if action == .quit { break }
        }
        output.flush()
        LineReader.stop(ifSignalled: cr_stop_signal())
        if (try? reader.reportReadError()) == nil { return 1 }
        return 0
    }
}
