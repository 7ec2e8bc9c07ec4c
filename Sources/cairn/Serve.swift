import ArgumentParser
import CairnKit
import CairnServe
import Foundation

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Build, serve the handbook, and rebuild and reload open pages when a source changes.")

    @Option(help: "The content folder.") var content = "content"
    @Option(help: "A folder of templates that replace the built-in theme's.") var templates: String?
    @Option(help: "The folder to build into and serve.") var output = "public"
    @Option(help: "The address to listen on; loopback unless you mean to share it.") var host =
        "127.0.0.1"
    @Option(help: "The port to listen on.") var port: UInt16 = 8080

    func run() throws {
        var build = SiteBuild.Options(
            contentFolder: content, outputFolder: output, templatesFolder: templates,
            themeCandidates: ThemeLoader().builtInThemeCandidates(
                executablePath: Terminal.executablePath),
            now: Terminal.now)
        // Each rebuild after a save makes again only the pages the save changed.
        build.cacheFolder = CacheFolder.defaultPath(forContent: content)
        build.toolIdentity = Terminal.executableIdentity
        let server = DevServer(options: .init(build: build, host: host, port: port)) { event in
            switch event {
            case .listening(let url): Terminal.printOutput("Serving \(url) (Ctrl-C stops)")
            case .built(let files, let seconds):
                Terminal.printOutput(
                    "Built \(files) files in \(String(format: "%.2f", seconds)) s; pages reload")
            case .failed(let lines):
                for line in lines { Terminal.printError(line) }
                Terminal.printError("rebuild failed; still serving the last good site")
            }
        }
        do {
            try server.runUntilStopped()
        } catch {
            Terminal.printError(
                "error: cannot serve on \(host):\(port): \(DevServer.reason(error, host: host))")
            throw ExitCode(2)
        }
    }
}
