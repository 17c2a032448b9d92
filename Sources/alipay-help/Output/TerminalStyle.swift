/// ANSI styling that turns itself off when colour is not wanted (a pipe, or NO_COLOR).
struct TerminalStyle {
    var colour: Bool

    private func wrap(_ text: String, _ code: String) -> String { colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func accent(_ text: String) -> String { wrap(text, "36") }
    func good(_ text: String) -> String { wrap(text, "32") }
    func bad(_ text: String) -> String { wrap(text, "31") }
    func warning(_ text: String) -> String { wrap(text, "1;33") }
    func error(_ text: String) -> String { wrap(text, "1;31") }
}
