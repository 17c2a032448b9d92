/// Base64 text (as the build writes the built-in matcher) to bytes, straight into the array the
/// matcher is read from: `Data(base64Encoded:)` then `[UInt8](data)` decoded into one buffer and
/// copied a megabyte into another, a tenth of a start.
enum Base64Text {
    /// The bytes `text` encodes (standard alphabet, `=` padding, no line breaks), or nil when it
    /// is not such text.
    static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { input -> [UInt8]? in
            guard input.count % 4 == 0 else { return nil }
            guard !input.isEmpty else { return [] }
            let padding = input[input.count - 1] == pad ? (input[input.count - 2] == pad ? 2 : 1) : 0
            let count = input.count / 4 * 3 - padding
            var valid = true
            let bytes = [UInt8](unsafeUninitializedCapacity: count) { output, initialized in
                initialized = 0
                pairs.withUnsafeBufferPointer { pairs in
                    // Raw pointers in locals, and two characters per look-up: this loop is most of
                    // the decoding, and the decoding a tenth of a start.
                    let table = pairs.baseAddress!, text = UnsafeRawPointer(input.baseAddress!)
                    let out = output.baseAddress!
                    func group(_ at: UnsafeRawPointer) -> (value: UInt32, invalid: Bool) {
                        let high = table[Int(at.loadUnaligned(as: UInt16.self))]
                        let low = table[Int(at.loadUnaligned(fromByteOffset: 2, as: UInt16.self))]
                        return (UInt32(high) << 12 | UInt32(low), (high | low) & 0xF000 != 0)
                    }
                    // Every group of four characters but the last, which may end in padding.
                    let groups = input.count / 4 - 1
                    for index in 0..<groups {
                        let (value, invalid) = group(text + 4 * index)
                        if invalid { valid = false; return }
                        let into = out + 3 * index
                        into[0] = UInt8(truncatingIfNeeded: value >> 16)
                        into[1] = UInt8(truncatingIfNeeded: value >> 8)
                        into[2] = UInt8(truncatingIfNeeded: value)
                    }
                    // The last group, its padding read as zero bits.
                    var last = Array(input[(input.count - 4)...])
                    for index in (4 - padding)..<4 { last[index] = UInt8(ascii: "A") }
                    let (value, invalid) = last.withUnsafeBytes { group($0.baseAddress!) }
                    if invalid { valid = false; return }
                    for (offset, shift) in [16, 8, 0].prefix(3 - padding).enumerated() {
                        out[3 * groups + offset] = UInt8(truncatingIfNeeded: value >> UInt32(shift))
                    }
                    initialized = count
                }
            }
            return valid ? bytes : nil
        }
    }

    private static let pad = UInt8(ascii: "=")
    /// Each pair of characters' twelve bits, indexed by the two bytes as a little-endian
    /// `UInt16` (first character in the low byte); 0xFFFF when either is outside the alphabet
    /// (`=` included: padding is read only where it ends the text).
    private static let pairs: [UInt16] = {
        var sextets = [UInt16](repeating: 0xFFFF, count: 256)
        for (value, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            sextets[Int(character)] = UInt16(value)
        }
        var table = [UInt16](repeating: 0xFFFF, count: 1 << 16)
        for first in 0..<256 where sextets[first] != 0xFFFF {
            for second in 0..<256 where sextets[second] != 0xFFFF {
                table[second << 8 | first] = sextets[first] << 6 | sextets[second]
            }
        }
        return table
    }()
}
