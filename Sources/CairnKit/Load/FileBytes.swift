import Foundation

/// A whole file's bytes in one open and read, refused past a size limit.
enum FileBytes {
    enum Outcome {
        case bytes([UInt8])
        case tooLarge(Int)
        /// Why: the system's reason, or that the path is not a regular file.
        case unreadable(reason: String)
    }

    static func read(_ path: String, limit: Int) -> Outcome {
        // Non-blocking, so that a named pipe put where a file was listed cannot hang the read
        // (opening one otherwise waits for a writer); only a regular file is read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .unreadable(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            return .unreadable(reason: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            return .unreadable(reason: "not a regular file")
        }
        let size = Int(status.st_size)
        guard size <= limit else { return .tooLarge(size) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.read(descriptor, base + filled, size - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            filled += count
        }
        // A file that shrank while being read is read as it now is.
        if filled < size { bytes.removeLast(size - filled) }
        return .bytes(bytes)
    }
}
