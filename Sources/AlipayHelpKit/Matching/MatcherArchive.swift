import Foundation

/// The trained matcher as bytes, so start-up can skip training: a magic header, the key the
/// archive was made for (the knowledge base's content, the training settings and the program
/// itself), the payload, and a checksum. Anything that does not check out is ignored and the
/// matcher is trained again.
enum MatcherArchive {
    static let magic: UInt64 = 0x414C_4950_4D41_5439  // "ALIPMAT9" in ASCII

    /// Little-endian writer of plain values.
    struct Writer {
        var bytes: [UInt8] = []
        mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
        mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        mutating func i32(_ value: Int32) { u32(UInt32(bitPattern: value)) }
        mutating func float(_ value: Float) { u32(value.bitPattern) }
        mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
        mutating func string(_ value: String) { int(value.utf8.count); bytes.append(contentsOf: value.utf8) }
        mutating func floats(_ values: [Float]) {
            int(values.count)
            values.withUnsafeBytes { bytes.append(contentsOf: $0) }  // little-endian machines only; checked on read
        }
        mutating func i32s(_ values: [Int32]) { int(values.count); for value in values { i32(value) } }
        mutating func u32s(_ values: [UInt32]) { int(values.count); for value in values { u32(value) } }
        mutating func u16s(_ values: [UInt16]) {
            int(values.count)
            for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        mutating func strings(_ values: [String]) { int(values.count); for value in values { string(value) } }
    }

    struct Damaged: Error {}

    /// Reader of what `Writer` wrote; any read past the end or out of range throws.
    struct Reader {
        let bytes: [UInt8]
        var offset = 0
        init(_ bytes: [UInt8], offset: Int = 0) {
            self.bytes = bytes
            self.offset = offset
        }

        mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
            guard count >= 0, offset + count <= bytes.count else { throw Damaged() }
            defer { offset += count }
            return bytes[offset..<(offset + count)]
        }
        mutating func u64() throws -> UInt64 { try fixedWidth(UInt64.self) }
        mutating func u32() throws -> UInt32 { try fixedWidth(UInt32.self) }
        /// One little-endian integer, loaded in one go (a stored matcher holds tens of
        /// thousands of them; byte by byte, they cost a tenth of a start).
        @inline(__always)
        private mutating func fixedWidth<Bits: FixedWidthInteger>(_: Bits.Type) throws -> Bits {
            let size = MemoryLayout<Bits>.size
            guard offset + size <= bytes.count else { throw Damaged() }
            defer { offset += size }
            return bytes.withUnsafeBytes { Bits(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: Bits.self)) }
        }
        mutating func int() throws -> Int {
            let value = Int(Int64(bitPattern: try u64()))
            guard value >= -(1 << 40), value <= 1 << 40 else { throw Damaged() }
            return value
        }
        mutating func count() throws -> Int {
            let value = try int()
            guard value >= 0, value <= bytes.count - offset else { throw Damaged() }
            return value
        }
        mutating func i32() throws -> Int32 { Int32(bitPattern: try u32()) }
        mutating func float() throws -> Float { Float(bitPattern: try u32()) }
        mutating func bool() throws -> Bool { try take(1).first! != 0 }
        mutating func string() throws -> String { String(decoding: try take(try count()), as: UTF8.self) }
        mutating func floats() throws -> [Float] { try plain(Float.self, UInt32.self) { Float(bitPattern: $0) } }
        mutating func i32s() throws -> [Int32] { try (0..<(try count())).map { _ in try i32() } }
        mutating func u32s() throws -> [UInt32] { try plain(UInt32.self, UInt32.self) { $0 } }
        /// What `Writer.int(count)` and then `Writer.u64` for each value wrote.
        mutating func u64s() throws -> [UInt64] { try plain(UInt64.self, UInt64.self) { $0 } }
        mutating func u16s() throws -> [UInt16] { try plain(UInt16.self, UInt16.self) { $0 } }

        /// A counted array of fixed-size values, copied in one go: a large table (the sparse
        /// weights of hundreds of topics) is read at memory speed, not value by value.
        private mutating func plain<Value, Bits: FixedWidthInteger>(
            _: Value.Type, _: Bits.Type, _ make: (Bits) -> Value
        ) throws -> [Value] {
            let n = try count()
            let size = MemoryLayout<Bits>.size
            let slice = try take(n * size)
            #if _endian(little)
                return [Value](unsafeUninitializedCapacity: n) { buffer, initialized in
                    slice.withUnsafeBytes { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: $0) }
                    initialized = n
                }
            #else
                return slice.withUnsafeBytes { raw in
                    (0..<n).map {
                        make(Bits(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * size, as: Bits.self)))
                    }
                }
            #endif
        }
        mutating func strings() throws -> [String] { try (0..<(try count())).map { _ in try string() } }
    }

    /// The archive's checksum: FNV-1a over 8-byte words (then the last bytes), eight times
    /// fewer steps than over bytes for a stored matcher of megabytes; any one damaged word
    /// changes the result.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash = FNV1a()
        bytes.withUnsafeBytes { raw in
            let words = raw.count / 8
            for index in 0..<words {
                hash.combine(word: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)))
            }
            hash.combine(raw[(words * 8)...])
        }
        return hash.value
    }

    static func seal(key: UInt64, payload: Writer) -> [UInt8] {
        var out = Writer()
        out.u64(magic)
        out.u64(key)
        out.int(payload.bytes.count)
        out.u64(checksum(payload.bytes[...]))
        out.bytes += payload.bytes
        return out.bytes
    }

    /// The payload of an archive made for `key`, or nil when it is for something else or damaged.
    static func open(_ bytes: [UInt8], key: UInt64) -> Reader? {
        var reader = Reader(bytes)
        guard (try? reader.u64()) == magic, (try? reader.u64()) == key, let length = try? reader.count(),
            let checksum = try? reader.u64(), length == bytes.count - reader.offset
        else { return nil }
        guard Self.checksum(bytes[reader.offset...]) == checksum else { return nil }
        return reader
    }
}

// MARK: Each part of the matcher, written and read back

extension Lexicon {
    func archive(into out: inout MatcherArchive.Writer) {
        let byID = ids.sorted { $0.key < $1.key }
        out.strings(byID.map(\.key))
        out.i32s(byID.map(\.value))
        out.strings(names)
        out.int(isConcept.count)
        for (concept, stopword) in zip(isConcept, isStopword) { out.bool(concept); out.bool(stopword) }
        let phraseList = phrases.sorted { $0.key < $1.key }
        out.int(phraseList.count)
        for (key, term) in phraseList { out.u64(key); out.i32(term) }
        out.int(longestPhrase)
        let unspaced = unspacedTerms.sorted { $0.key < $1.key }
        out.int(unspaced.count)
        for (first, list) in unspaced {
            out.u32(first)
            out.int(list.count)
            for entry in list { out.u32s(entry.scalars); out.i32(entry.term) }
        }
        out.u32s(stopCharacters.sorted())
        let stemList = stems.sorted { $0.key < $1.key }
        out.int(stemList.count)
        for (key, list) in stemList {
            out.string(key)
            out.int(list.count)
            for entry in list { out.u32s(entry.scalars.map(\.value)); out.i32(entry.term) }
        }
        // The misspelling words, in a section of their own: read only when a word first needs
        // correcting (most starts never do), and copied as read by a lexicon that never did.
        var spelling = MatcherArchive.Writer()
        if spellingBuckets.isEmpty, let archivedSpelling {
            spelling.bytes = archivedSpelling
        } else {
            let buckets = spellingBuckets.sorted { $0.key < $1.key }
            spelling.int(buckets.count)
            for (first, list) in buckets {
                spelling.u32(UInt32(first))
                spelling.int(list.count)
                for entry in list { spelling.u32s(entry.bytes.map(UInt32.init)); spelling.i32(entry.term) }
            }
        }
        out.int(spelling.bytes.count)
        out.bytes += spelling.bytes
    }

    /// The misspelling words of an archive's section (written by `archive(into:)`); nil when
    /// damaged or naming a term beyond `termCount`.
    static func spellingBuckets(archived bytes: [UInt8], termCount: Int) -> SpellingBuckets? {
        var reader = MatcherArchive.Reader(bytes)
        var buckets: SpellingBuckets = [:]
        do {
            for _ in 0..<(try reader.count()) {
                let first = UInt8(truncatingIfNeeded: try reader.u32())
                buckets[first] = try (0..<(try reader.count())).map { _ in
                    let bytes = try reader.u32s().map { UInt8(truncatingIfNeeded: $0) }
                    return (bytes, try reader.i32(), Lexicon.letterSet(bytes))
                }
            }
        } catch {
            return nil
        }
        guard reader.offset == bytes.count,
            buckets.values.allSatisfy({ $0.allSatisfy { $0.term >= 0 && Int($0.term) < termCount } })
        else { return nil }
        return buckets
    }

    init(archive reader: inout MatcherArchive.Reader) throws {
        self.init()
        let keys = try reader.strings(), values = try reader.i32s()
        guard keys.count == values.count else { throw MatcherArchive.Damaged() }
        ids = Dictionary(uniqueKeysWithValues: zip(keys, values))
        names = try reader.strings()
        let flags = try reader.count()
        guard flags == names.count else { throw MatcherArchive.Damaged() }
        for _ in 0..<flags { isConcept.append(try reader.bool()); isStopword.append(try reader.bool()) }
        for _ in 0..<(try reader.count()) { phrases[try reader.u64()] = try reader.i32() }
        longestPhrase = try reader.int()
        for _ in 0..<(try reader.count()) {
            let first = try reader.u32()
            unspacedTerms[first] = try (0..<(try reader.count())).map { _ in (try reader.u32s(), try reader.i32()) }
        }
        stopCharacters = Set(try reader.u32s())
        for _ in 0..<(try reader.count()) {
            let key = try reader.string()
            stems[key] = try (0..<(try reader.count())).map { _ in
                (try reader.u32s().map { Unicode.Scalar($0) ?? " " }, try reader.i32())
            }
        }
        archivedSpelling = Array(try reader.take(try reader.count()))
        guard ids.values.allSatisfy({ $0 >= 0 && Int($0) < names.count }) else { throw MatcherArchive.Damaged() }
        prepareForReading()
    }
}

extension FeatureSpace {
    func archive(into out: inout MatcherArchive.Writer) {
        let keys = index.keysInOrder
        out.int(keys.count)
        for key in keys { out.u64(key) }
        out.floats(idf)
        out.float(unknownIDF)
        out.float(unknownShare)
        out.float(spellingWeight)
    }

    init(archive reader: inout MatcherArchive.Reader) throws {
        let keys = try reader.u64s()
        let idf = try reader.floats()
        guard keys.count == idf.count else { throw MatcherArchive.Damaged() }
        self.init(
            keys: keys, idf: idf, unknownIDF: try reader.float(), unknownShare: try reader.float(),
            spellingWeight: try reader.float())
    }
}

extension SoftmaxClassifier {
    func archive(into out: inout MatcherArchive.Writer) {
        out.int(classCount)
        out.floats(bias)
        out.bool(isSparse)
        if isSparse {
            out.u32s(rowStarts)
            out.u16s(rowClasses)
            out.floats(rowWeights)
        } else {
            out.floats(weights)
        }
    }

    init(archive reader: inout MatcherArchive.Reader, featureCount: Int) throws {
        let classCount = try reader.int()
        let bias = try reader.floats()
        guard classCount > 0, bias.count == classCount else { throw MatcherArchive.Damaged() }
        guard try reader.bool() else {
            let weights = try reader.floats()
            guard weights.count == featureCount * classCount else { throw MatcherArchive.Damaged() }
            self.init(classCount: classCount, weights: weights, bias: bias)
            return
        }
        let starts = try reader.u32s(), classes = try reader.u16s(), weights = try reader.floats()
        // Every row within the table, in order, and every class number a class.
        guard starts.count == featureCount + 1, starts.first == 0, Int(starts.last!) == classes.count,
            classes.count == weights.count, zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
            classes.allSatisfy({ Int($0) < classCount })
        else {
            throw MatcherArchive.Damaged()
        }
        self.init(classCount: classCount, bias: bias, rowStarts: starts, rowClasses: classes, rowWeights: weights)
    }
}

extension TermRule {
    func archive(into out: inout MatcherArchive.Writer) {
        out.int(alternatives.count)
        for group in alternatives { out.i32s(group) }
    }

    init(archive reader: inout MatcherArchive.Reader) throws {
        self.init(alternatives: try (0..<(try reader.count())).map { _ in try reader.i32s() })
    }
}

extension FacetSelector {
    func archive(into out: inout MatcherArchive.Writer) {
        out.strings(facetIDs)
        for trigger in triggers { trigger.archive(into: &out) }
        space.archive(into: &out)
        out.bool(classifier != nil)
        classifier?.archive(into: &out)
    }

    init(archive reader: inout MatcherArchive.Reader) throws {
        let facetIDs = try reader.strings()
        let triggers = try facetIDs.map { _ in try TermRule(archive: &reader) }
        let space = try FeatureSpace(archive: &reader)
        let classifier = try reader.bool() ? try SoftmaxClassifier(archive: &reader, featureCount: space.count) : nil
        self.init(facetIDs: facetIDs, triggers: triggers, classifier: classifier, space: space)
    }
}
