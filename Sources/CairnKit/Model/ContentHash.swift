/// A 128-bit hash of a build's inputs, for the cache: two independent 64-bit lanes over the
/// bytes, eight at a time. Not cryptographic: it tells edited inputs from unchanged ones, and
/// a chance collision is about one in 2^128.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public private(set) var high: UInt64
    public private(set) var low: UInt64

    /// 32 hexadecimal digits, for a file name.
    public var description: String {
        Self.hex(high) + Self.hex(low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

/// Builds a `ContentHash` from pieces: file paths, bytes, settings.
public struct ContentHasher: Sendable {
    private var first: UInt64 = 0x243F_6A88_85A3_08D3
    private var second: UInt64 = 0x1319_8A2E_0370_7344
    private var length: UInt64 = 0

    public init() {}

    /// Adds `text` and a boundary, so `"ab", "c"` and `"a", "bc"` hash differently.
    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(UnsafeRawBufferPointer($0)) }
    }

    /// Adds `bytes` and a boundary.
    public mutating func add(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { add($0) }
    }

    /// Adds another hash's two halves, with no boundary: a hash is always 16 bytes.
    mutating func add(_ hash: ContentHash) {
        add(word: hash.high)
        add(word: hash.low)
    }

    /// Adds one number, with no boundary: for tags that tell kinds of values apart.
    public mutating func add(word: UInt64) {
        mix(word)
        length &+= 8
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + 8 <= bytes.count {
            mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        var tail: UInt64 = 0
        for index in offset..<bytes.count {
            tail |= UInt64(bytes[index]) << (8 * UInt64(index - offset))
        }
        mix(tail)
        // The count ends the piece: a boundary that no content can imitate.
        mix(UInt64(bytes.count) ^ 0xA5A5_A5A5_0000_0000)
        length &+= UInt64(bytes.count)
    }

    private mutating func mix(_ word: UInt64) {
        first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
        first = (first << 31) | (first >> 33)
        second = (second &+ word) &* 0xC2B2_AE3D_27D4_EB4F
        second ^= second >> 29
    }

    public func finish() -> ContentHash {
        ContentHash(high: Self.avalanche(first ^ length), low: Self.avalanche(second &+ first))
    }

    /// MurmurHash3's finaliser: every input bit reaches every output bit.
    private static func avalanche(_ value: UInt64) -> UInt64 {
        var value = value
        value ^= value >> 33
        value &*= 0xFF51_AFD7_ED55_8CCD
        value ^= value >> 33
        value &*= 0xC4CE_B9FE_1A85_EC53
        value ^= value >> 33
        return value
    }
}

extension ContentHash {
    /// The hash that `description` wrote: 32 hexadecimal digits; nil for anything else.
    public init?(hex: some StringProtocol) {
        guard hex.utf8.count == 32,
            let high = UInt64(hex.prefix(16), radix: 16),
            let low = UInt64(hex.suffix(16), radix: 16)
        else { return nil }
        self.high = high
        self.low = low
    }
}
