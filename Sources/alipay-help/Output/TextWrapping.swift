/// Wraps text to a number of terminal columns, counting wide (CJK) characters as two columns
/// and combining marks as none. Breaks at spaces, or between two wide characters (Chinese has
/// no spaces), and never inside a character.
enum TextWrapping {
    /// Columns a scalar takes in a terminal.
    static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return value < 0x20 ? 0 : 1 }
        if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark {
            return 0
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) || (0xAC00...0xD7A3).contains(value)
            || (0xF900...0xFAFF).contains(value) || (0xFE30...0xFE4F).contains(value)
            || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
            || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }

    static func columns(of text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    /// Lines of at most `width` columns; the first starts with `firstPrefix`, the others with
    /// `restPrefix` (a hanging indent for numbered steps).
    static func wrap(_ text: String, width: Int, firstPrefix: String = "", restPrefix: String = "") -> [String] {
        var lines: [String] = []
        var line = firstPrefix
        var lineColumns = columns(of: firstPrefix)
        var lineHasText = false
        let restColumns = columns(of: restPrefix)
        let width = max(width, columns(of: firstPrefix) + 8, restColumns + 8)

        func breakLine() {
            lines.append(line)
            line = restPrefix
            lineColumns = restColumns
            lineHasText = false
        }

        for piece in pieces(of: text) {
            let pieceColumns = columns(of: piece.text)
            let space = piece.spaceBefore && lineHasText ? 1 : 0
            if lineHasText && lineColumns + space + pieceColumns > width { breakLine() }
            if piece.spaceBefore && lineHasText { line += " "; lineColumns += 1 }
            if pieceColumns > width - lineColumns {
                // A piece longer than a whole line (a URL, a long number): cut it by columns.
                for scalar in piece.text.unicodeScalars {
                    let scalarColumns = columns(of: scalar)
                    if lineHasText && lineColumns + scalarColumns > width { breakLine() }
                    line.unicodeScalars.append(scalar)
                    lineColumns += scalarColumns
                    lineHasText = true
                }
                continue
            }
            line += piece.text
            lineColumns += pieceColumns
            lineHasText = true
        }
        if lineHasText || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// Breakable pieces: words separated by spaces, and each wide character on its own
    /// (with the punctuation that must stay attached to it).
    private static func pieces(of text: String) -> [(text: String, spaceBefore: Bool)] {
        var result: [(text: String, spaceBefore: Bool)] = []
        var current = ""
        var spaceBefore = false
        var pendingSpace = false
        func flush() {
            if !current.isEmpty { result.append((current, spaceBefore)); current = "" }
        }
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" || scalar == "\t" {
                flush()
                pendingSpace = true
                continue
            }
            let wide = columns(of: scalar) == 2
            let closingPunctuation = "，。！？、；：）」』】》,.!?;:)".unicodeScalars.contains(scalar)
            if closingPunctuation && current.isEmpty && !pendingSpace && !result.isEmpty {
                result[result.count - 1].text.unicodeScalars.append(scalar)  // keep "号。" together
                continue
            }
            if wide && !closingPunctuation && !current.isEmpty {
                flush()
            }
            if current.isEmpty { spaceBefore = pendingSpace; pendingSpace = false }
            current.unicodeScalars.append(scalar)
            if wide && !closingPunctuation { flush() }
        }
        flush()
        return result
    }
}
