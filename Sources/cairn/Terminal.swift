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
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
