/// The hash of everything a check's result depends on, for the cache: the documents and
/// `handbook.yml` as read, what reading them reported, and every status record's bytes.
public enum InputFingerprint {
    /// - Parameter settings: anything else the result depends on (the format, the flags).
    ///   Status records are read one at a time and not kept.
    public static func of(_ tree: ContentTree, settings: [String]) -> ContentHash {
        var hasher = ContentHasher()
        hasher.add("cairn \(CairnVersion.current) inputs v1")
        for setting in settings { hasher.add(setting) }
        hasher.add("config")
        if let config = tree.config {
            hasher.add(config.path)
            hasher.add(config.text)
        }
        hasher.add("documents \(tree.documents.count)")
        for document in tree.documents {
            hasher.add(document.path)
            hasher.add(document.text)
        }
        hasher.add("diagnostics \(tree.diagnostics.count)")
        for diagnostic in tree.diagnostics {
            hasher.add(diagnostic.formatted)
            hasher.add(diagnostic.hint ?? "")
        }
        hasher.add("status \(tree.statusFiles.count)")
        let reader = StatusFileReader()
        for file in tree.statusFiles {
            hasher.add(file.path)
            let read = reader.read(file)
            if let bytes = read.bytes {
                hasher.add(bytes)
            } else {
                hasher.add("unreadable")
            }
        }
        return hasher.finish()
    }
}
