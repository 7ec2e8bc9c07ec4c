import CairnKit

/// libFuzzer's entry: the first byte chooses what the rest is, and the whole Load → Parse →
/// Model → Check path runs on it. Any crash, trap or sanitizer report is a bug.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    guard count > 0 else { return 0 }
    let bytes = Array(UnsafeRawBufferPointer(start: start, count: count))
    let input = Array(bytes.dropFirst())
    switch bytes[0] % 4 {
    case 0, 1:
        // A markdown document, front matter and all, as the build and the checker read it.
        let decoded = SourceTextDecoder.decode(input, path: "plans/fuzz.md")
        guard let text = decoded.text else { return 0 }
        let tree = ContentTree(
            root: "/", documents: [SourceFile(path: "plans/fuzz.md", text: text)])
        let handbook = HandbookBuilder(concurrency: 1).build(tree).handbook
        _ = Checker().check(handbook, now: Timestamp(secondsSince1970: 1_795_564_800))
        _ = handbook.runbooks
    case 2:
        // A status record.
        _ = StatusRecordParser().parse(input, path: "status/deploys/fuzz.json")
    default:
        // handbook.yml.
        let decoded = SourceTextDecoder.decode(input, path: "handbook.yml")
        guard let text = decoded.text else { return 0 }
        _ = HandbookConfigParser.parse(SourceFile(path: "handbook.yml", text: text))
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

/// SwiftPM links an executable's entry as `<module>_main`; hand the run to libFuzzer's driver.
@_cdecl("CairnFuzz_main")
public func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>)
    -> CInt
{
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { start, size in fuzz(start, size) }
}
