/// A finished check kept in the cache folder: what `cairn check` printed and its exit code,
/// for the inputs and settings of its fingerprint, and the time over which it holds (a
/// restore test goes stale as days pass, with nothing in the content changing).
public struct CheckCacheEntry: Sendable, Equatable {
    public var output: [UInt8]
    public var exitCode: Int32
    /// The check ran at this moment; it says nothing of earlier ones.
    public var validFrom: Timestamp
    /// The first moment its findings could differ; nil when only an input change can do that.
    public var validUntil: Timestamp?

    public init(output: [UInt8], exitCode: Int32, validFrom: Timestamp, validUntil: Timestamp?) {
        self.output = output
        self.exitCode = exitCode
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    public func holds(at now: Timestamp) -> Bool {
        now.secondsSince1970 >= validFrom.secondsSince1970
            && validUntil.map { now.secondsSince1970 < $0.secondsSince1970 } ?? true
    }

    static let magic = "cairn-check-cache"

    /// A header line, `cairn-check-cache 1 <exit code> <from> <until or ->`, then the output.
    public var encoded: [UInt8] { header + output }

    /// `encoded`'s header line.
    public var header: [UInt8] {
        let until = validUntil.map { String($0.secondsSince1970) } ?? "-"
        return Array("\(Self.magic) 1 \(exitCode) \(validFrom.secondsSince1970) \(until)\n".utf8)
    }

    /// nil for anything not written by `encoded` (a truncated or foreign file is a miss).
    public init?(decoding bytes: [UInt8]) {
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let fields = String(decoding: bytes[..<newline], as: UTF8.self).split(separator: " ")
        guard fields.count == 5, fields[0] == Self.magic, fields[1] == "1",
            let exitCode = Int32(fields[2]), let from = Double(fields[3])
        else { return nil }
        let until: Double?
        if fields[4] == "-" {
            until = nil
        } else {
            guard let value = Double(fields[4]) else { return nil }
            until = value
        }
        self.init(
            output: Array(bytes[(newline + 1)...]), exitCode: exitCode,
            validFrom: Timestamp(secondsSince1970: from),
            validUntil: until.map { Timestamp(secondsSince1970: $0) })
    }
}
