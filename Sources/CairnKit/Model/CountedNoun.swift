/// A count with its noun, as Cairn words it everywhere: `1 error`, `2 errors`, `0 notes`.
public enum CountedNoun {
    /// The noun takes an `s` unless the count is one; every noun Cairn counts does.
    public static func phrase(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
