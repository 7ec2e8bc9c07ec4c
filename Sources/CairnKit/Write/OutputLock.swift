import Foundation

/// An exclusive lock on a file beside the output, held while a build writes it: two builds
/// into one folder take turns, and never mix their pages.
final class OutputLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Waits until the lock is free.
    /// - Throws: `CairnError.outputNotWritable` when the lock file cannot be opened.
    init(path: String) throws {
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw CairnError.outputNotWritable(path: path, reason: String(cString: strerror(errno)))
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
