extension Array where Element: Comparable {
    /// Sorts in place and keeps one of each run of equal elements, without a set or a second
    /// array (feature keys per question, the spelling index's deletion pairs).
    mutating func sortAndRemoveDuplicates() {
        sort()
        var unique = 0
        for index in indices where index == 0 || self[index] != self[index - 1] {
            self[unique] = self[index]
            unique += 1
        }
        removeLast(count - unique)
    }
}
