extension String {
    /// The text without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        // Fast path: nothing to trim at either end (most knowledge-base text).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        let scalars = unicodeScalars
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, Self.isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard Self.isWhitespace(scalars[before]) else { break }
            end = before
        }
        if start == scalars.startIndex && end == scalars.endIndex { return self }
        // One copy of the bytes kept, not a string rebuilt a character at a time.
        return String(scalars[start..<end])
    }

    /// White space, with no property look-up for ASCII or for the letters of most text.
    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return scalar.properties.isWhitespace
    }
}
