import Foundation

extension JSONEncoder {
    /// The JSON the commands write: indented, keys sorted, slashes as they are.
    static var pretty: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

extension StandardOutput {
    /// Writes a value as pretty JSON, and a newline.
    func writeJSON<Value: Encodable>(_ value: Value) throws {
        write(String(decoding: try JSONEncoder.pretty.encode(value), as: UTF8.self) + "\n")
    }
}
