import CairnKit
import Foundation

/// A one-line progress bar on standard error, redrawn in place; drawn only on a terminal.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastLine = ""
    private var isDrawn = false
    private let width = 30

    /// A bar when standard error is a terminal and the run is not quiet; nil otherwise, so CI
    /// logs stay clean.
    static func make(quiet: Bool) -> ProgressBar? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressBar()
    }

    func update(_ progress: BuildProgress) {
        guard progress.total >= 50 else { return }
        let filled = progress.total == 0 ? width : progress.done * width / progress.total
        let bar =
            String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let line = "\(progress.stage.rawValue) ▕\(bar)▏ \(progress.done)/\(progress.total)"
        lock.withLock {
            guard line != lastLine else { return }
            lastLine = line
            isDrawn = true
            Terminal.writeError("\r\u{1B}[K" + line)
        }
    }

    /// Clears the bar so that the next output starts on a clean line.
    func finish() {
        lock.withLock {
            if isDrawn { Terminal.writeError("\r\u{1B}[K") }
            isDrawn = false
        }
    }
}
