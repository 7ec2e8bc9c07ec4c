import Foundation

/// A condition that stops a run before any content can be judged: a missing folder, an output
/// that cannot be written. Problems inside the content are `Diagnostic`s instead.
public enum CairnError: Error, LocalizedError, Equatable, Sendable {
    case contentFolderMissing(path: String)
    case contentFolderIsFile(path: String)
    case themeMissing(searched: [String])
    case templatesFolderMissing(path: String)
    case outputNotCairns(path: String)
    case outputNotWritable(path: String, reason: String)
    case outputIsFile(path: String)
    case scaffoldWouldOverwrite(path: String)
    case gateUnknown(name: String)

    public var errorDescription: String? {
        switch self {
        case .contentFolderMissing(let path):
            "content folder '\(path)' does not exist (pass --content DIR)"
        case .contentFolderIsFile(let path):
            "content folder '\(path)' is a file; pass the folder that holds the plans (--content DIR)"
        case .themeMissing(let searched):
            "the built-in theme was not found; looked in: \(searched.joined(separator: ", "))"
        case .templatesFolderMissing(let path):
            "templates folder '\(path)' does not exist"
        case .outputNotCairns(let path):
            "'\(path)' is not empty and was not written by Cairn (no .cairn-output marker); "
                + "refusing to replace it: choose another --output or empty it yourself"
        case .outputNotWritable(let path, let reason):
            "cannot write output '\(path)': \(reason)"
        case .scaffoldWouldOverwrite(let path):
            "'\(path)' exists already; cairn init never overwrites (remove it, or init another folder)"
        case .outputIsFile(let path):
            "output '\(path)' is a file, not a folder"
        case .gateUnknown(let name):
            "no gate, phase or checklist is named '\(name)'; cairn check --list-gates shows them"
        }
    }
}

/// What to tell a user of an error from the file system. Foundation on Linux describes its
/// file errors as "The operation could not be completed. (NSCocoaErrorDomain error 512.)"; the
/// operating system's reason ("Not a directory", "No space left on device") is inside it.
public enum FailureReason {
    public static func of(_ error: any Error) -> String {
        if let cairn = error as? CairnError { return cairn.localizedDescription }
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(error.code)))
        }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? any Error,
            (underlying as NSError).domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(Int32((underlying as NSError).code)))
        }
        return error.localizedDescription
    }
}
