import Foundation

/// The hash of everything a check's result depends on, for the cache: the documents and
/// `handbook.yml` as read, what reading them reported, and every status record's bytes.
public enum InputFingerprint {
    /// The hash, with each status record file as it was read for it, in the order of
    /// `tree.statusFiles`: a check the cache cannot answer parses these rather than opening
    /// 30,000 files a second time.
    /// - Parameter settings: anything else the result depends on (the format, the flags).
    public static func of(_ tree: ContentTree, settings: [String]) -> (
        hash: ContentHash, statusFiles: [StatusFileReader.Read]
    ) {
        var hasher = ContentHasher()
        hasher.add("cairn \(CairnVersion.current) inputs v2")
        for setting in settings { hasher.add(setting) }
        hasher.add("config")
        if let config = tree.config {
            hasher.add(config.path)
            hasher.add(config.text)
        }
        let concurrency = ProcessInfo.processInfo.activeProcessorCount
        // Each document and each record is hashed on whichever core is free, and the hashes
        // are added in order: a warm check is mostly reading 30,000 records.
        let documents = ParallelMap.map(tree.documents, concurrency: concurrency) { document in
            var hasher = ContentHasher()
            hasher.add(document.path)
            hasher.add(document.text)
            return hasher.finish()
        }
        hasher.add("documents \(documents.count)")
        for document in documents { hasher.add(document) }
        hasher.add("diagnostics \(tree.diagnostics.count)")
        for diagnostic in tree.diagnostics {
            hasher.add(diagnostic.formatted)
            hasher.add(diagnostic.hint ?? "")
        }
        let reader = StatusFileReader()
        let records = ParallelMap.map(tree.statusFiles, concurrency: concurrency) { file in
            var hasher = ContentHasher()
            hasher.add(file.path)
            let read = reader.read(file)
            if let bytes = read.bytes {
                hasher.add(bytes)
            } else {
                hasher.add("unreadable")
            }
            return (hash: hasher.finish(), read: read)
        }
        hasher.add("status \(records.count)")
        for record in records { hasher.add(record.hash) }
        return (hasher.finish(), records.map(\.read))
    }
}
