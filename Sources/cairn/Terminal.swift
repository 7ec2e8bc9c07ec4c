import CairnKit
import Foundation

/// The process's surroundings: where the binary is, whether standard error is a terminal
/// that wants colour.
enum Terminal {
    static var executablePath: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    /// The executable's path, size and modification time: another build of Cairn differs.
    static var executableIdentity: String {
        let path = executablePath
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified) \(CairnVersion.current)"
    }

    /// Now, or `SOURCE_DATE_EPOCH` when set, so that a build can be reproduced byte for byte.
    static var now: Timestamp {
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"],
            let seconds = Double(epoch)
        {
            return Timestamp(secondsSince1970: seconds)
        }
        return Timestamp(secondsSince1970: Date().timeIntervalSince1970)
    }

    static var isColoredStandardError: Bool {
        isatty(STDERR_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    /// Ends a successful command at once: the model of a large handbook is millions of values,
    /// and freeing them one by one on the way out costs about a second for nothing.
    static func exitSuccessfully() -> Never {
        exit(with: EXIT_SUCCESS)
    }

    /// Ends the command with `code` at once, as `exitSuccessfully` does.
    static func exit(with code: Int32) -> Never {
        // exit(3) flushes what `print` left buffered.
        Foundation.exit(code)
    }

    /// A line on standard output, written at once (print buffers when the output is a pipe).
    static func printOutput(_ line: String) {
        writeOutput(Array((line + "\n").utf8))
    }

    /// Writes all of `bytes` to standard output, or ends the command with exit code 2 and
    /// the reason on standard error: output lost to a full disk or a closed descriptor must not
    /// pass for output written (Foundation's `FileHandle.write` traps on either).
    static func writeOutput(_ bytes: [UInt8]) {
        if let failure = write(bytes, to: STDOUT_FILENO) {
            printError("error: cannot write to standard output: \(failure)")
            exit(with: 2)
        }
    }

    /// A line on standard error; if even that cannot be written, there is nowhere to say so.
    static func printError(_ line: String) {
        writeError(line + "\n")
    }

    /// Text on standard error as it is (a progress bar redrawn in place).
    static func writeError(_ text: String) {
        _ = write(Array(text.utf8), to: STDERR_FILENO)
    }

    /// Writes all of `bytes` to `descriptor`, waiting while a non-blocking one is full; nil
    /// when done, else what went wrong.
    private static func write(_ bytes: [UInt8], to descriptor: Int32) -> String? {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(descriptor, base + written, buffer.count - written)
            }
            if count > 0 {
                written += count
                continue
            }
            let error = errno
            if count < 0 && error == EINTR { continue }
            if count < 0 && (error == EAGAIN || error == EWOULDBLOCK) {
                var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
                _ = poll(&ready, 1, -1)
                continue
            }
            return count < 0 ? String(cString: strerror(error)) : "nothing was written"
        }
        return nil
    }
}
