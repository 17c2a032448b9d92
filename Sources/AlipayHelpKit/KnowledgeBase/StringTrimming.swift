extension String {
    /// The text without leading and trailing white space (Unicode-aware, no Foundation).
    public func trimmingWhitespace() -> String {
        // Fast path: nothing to trim at either end (most knowledge-base text).
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
