import AlipayHelpKit
import CReadline
import Foundation

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
        let commandNames: [String] =
            (ChatCommand.all + session.flowCommands).map(\.name) + ["/lang en", "/lang zh", "/lang auto"]
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
                var fds = [
                    pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                    pollfd(fd: signals, events: Int16(POLLIN), revents: 0),
                ]
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
            let response = session.handle(line)
            if let typed = response.lineToRemember { history?.add(typed) }
            if !response.output.isEmpty { say(response.output) }
            switch response.action {
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
        if columns <= 0 { columns = 80 }  // a terminal that does not say its size
        session.renderer.width = min(max(columns, 20), 100)
    }
}
