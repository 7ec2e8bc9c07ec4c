import Foundation

/// The one loop the writers of this stage write a file's bytes with.
enum DescriptorWriting {
    /// `write(2)` until every byte is written, through short writes and interrupted calls.
    /// - Returns: nil when every byte is written, else the `errno` of the call that failed.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let written = Foundation.write(descriptor, next, left)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // Nothing written and no error: a file that takes no more.
            guard written > 0 else { return EIO }
            left -= written
            next += written
        }
        return nil
    }
}
