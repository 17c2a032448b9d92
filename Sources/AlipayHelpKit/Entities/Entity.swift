/// A figure read from a question: an amount of money, a count of something, or a bare number,
/// with the period it is for and whether it was already used.
public struct Entity: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// Money: a number with a currency mark or word ("¥90,000", "9万元").
        case amount
        /// A number of something declared in `entities.yaml` ("18 instalments", "130个红包").
        case count
        /// A number with nothing that says what it is ("can I send 90000 today?").
        case number
    }

    public var kind: Kind
    public var value: Double
    /// `yuan` for an amount, the counted thing for a count, nil for a bare number.
    public var unit: String?
    /// The period named in the question ("day", "year", "transaction"), if any.
    public var period: String?
    /// Already spent or sent ("I've used 170,000 this year").
    public var used: Bool
    /// The words it was read from, as written.
    public var text: String
}
