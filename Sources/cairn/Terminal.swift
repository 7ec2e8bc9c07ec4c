import Foundation

/// The process's surroundings: where the binary is, whether standard error is a terminal
/// that wants colour.
enum Terminal {
    static var executablePath: String {
        Bundle.main.executablePath ?? CommandLine.arguments[0]
    }

    static var isColoredStandardError: Bool {
        isatty(STDERR_FILENO) != 0
            && ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
