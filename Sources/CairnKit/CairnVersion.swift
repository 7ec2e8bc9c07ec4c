/// The version `cairn --version` prints.
public enum CairnVersion {
    public static let current = "0.1.0"
}
