import CairnKit
import FlyingFox
import FlyingSocks
import Foundation

/// `cairn serve`: builds the handbook, serves it over HTTP, watches its sources and rebuilds on
/// a change, and tells open pages to reload over a WebSocket. A failed rebuild keeps the last
/// good site and shows its errors at the top of every page.
public struct DevServer: Sendable {
    public struct Options: Sendable {
        public var build: SiteBuild.Options
        public var host: String
        public var port: UInt16
        /// How often the sources are looked at for a change.
        public var pollInterval: Duration

        public init(
            build: SiteBuild.Options, host: String, port: UInt16,
            pollInterval: Duration = .milliseconds(150)
        ) {
            self.build = build
            self.host = host
            self.port = port
            self.pollInterval = pollInterval
        }
    }

    /// What happened, for the command line to print.
    public enum Event: Sendable {
        case listening(url: String)
        case built(files: Int, seconds: Double)
        case failed(lines: [String])
    }

    public let options: Options
    private let events: @Sendable (Event) -> Void

    public init(options: Options, events: @escaping @Sendable (Event) -> Void) {
        self.options = options
        self.events = events
    }

    /// Serves until the task is cancelled.
    /// - Throws: when the address cannot be listened on.
    public func run() async throws {
        let state = ServeState()
        let output = URL(fileURLWithPath: options.build.outputFolder).standardizedFileURL.path
        let server = HTTPServer(
            address: try .inet(ip4: options.host, port: options.port), logger: .disabled)
        // Routes match in the order they are added: the catch-all comes last.
        await server.appendRoute(
            "GET /__cairn/reload",
            to: WebSocketHTTPHandler(
                handler: MessageFrameWSHandler(handler: ReloadSocket(state: state))))
        await server.appendRoute("GET /__cairn/live.js") { _ in
            HTTPResponse(
                statusCode: .ok, headers: [.contentType: "text/javascript; charset=utf-8"],
                body: Data(LiveReload.script.utf8))
        }
        let responder = SiteResponder(outputFolder: output, host: options.host, port: options.port)
        await server.appendRoute("*") { request in
            await responder.respond(to: request, failure: state.failure)
        }
        await rebuild(state)
        let watcher = Task { [self] in await watch(state) }
        defer { watcher.cancel() }
        let url = "http://\(options.host):\(options.port)/"
        let events = self.events
        // "Serving" is said once the address is bound: a port already in use is an error
        // alone, not an announcement followed by one.
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.run() }
            group.addTask {
                try await server.waitUntilListening(timeout: 3600)
                events(.listening(url: url))
            }
            while try await group.next() != nil {}
        }
    }

    /// Serves until the process is stopped, holding the calling thread: for a command line
    /// whose main thread is not an async context. (A Swift async `main` parks its thread in
    /// libdispatch's `sigsuspend`, which Valgrind 3.19 cannot follow; a synchronous `cairn`
    /// can be profiled with callgrind.)
    /// - Throws: when the address cannot be listened on.
    public func runUntilStopped() throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do { try await run() } catch { outcome.record(error) }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw error }
    }

    /// What to tell the user of an error from listening on `host`: the system's words for a
    /// socket error ("Address already in use"), not the socket library's case and number.
    public static func reason(_ error: any Error, host: String) -> String {
        if let socket = error as? SocketError,
            case .failed(let call, let code, let message) = socket
        {
            // inet_pton sets no errno when it refuses an address: the number is stale.
            if call.hasPrefix("inet_pton") {
                return
                    "'\(host)' is not an IPv4 address (127.0.0.1, or 0.0.0.0 for every interface)"
            }
            if code != 0 { return message }
        }
        return FailureReason.of(error)
    }

    private func watch(_ state: ServeState) async {
        var last = SourceFingerprint(folders: watchedFolders)
        while !Task.isCancelled {
            try? await Task.sleep(for: options.pollInterval)
            let now = SourceFingerprint(folders: watchedFolders)
            guard now != last else { continue }
            // Let a burst of saves settle before building once.
            try? await Task.sleep(for: .milliseconds(60))
            last = SourceFingerprint(folders: watchedFolders)
            await rebuild(state)
        }
    }

    private var watchedFolders: [String] {
        let theme = try? ThemeLoader().builtInFolder(candidates: options.build.themeCandidates)
        return [options.build.contentFolder] + (options.build.templatesFolder.map { [$0] } ?? [])
            + (theme.map { [$0] } ?? [])
    }

    private func rebuild(_ state: ServeState) async {
        let started = Date()
        var buildOptions = options.build
        buildOptions.now = Timestamp(secondsSince1970: Date().timeIntervalSince1970)
        let outcome: Result<SiteBuild.Outcome, any Error> = Result {
            try SiteBuild(options: buildOptions).run()
        }
        switch outcome {
        case .success(let result) where result.didWrite:
            await state.setFailure(nil)
            events(.built(files: result.writtenFiles, seconds: Date().timeIntervalSince(started)))
        case .success(let result):
            let lines = DiagnosticReport(
                result.diagnostics.filter { $0.severity == .error }, showsNotes: false,
                isColored: false,
                contentFolder: options.build.contentFolder
            ).lines
            await state.setFailure(lines)
            events(.failed(lines: lines))
        case .failure(let error):
            let lines = ["error: \(FailureReason.of(error))"]
            await state.setFailure(lines)
            events(.failed(lines: lines))
        }
        await state.broadcast("reload")
    }
}

/// What the server shares between the watcher and the requests: the last rebuild's errors and
/// the pages listening for a reload.
actor ServeState {
    private(set) var failure: [String]?
    private var listeners: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    func setFailure(_ lines: [String]?) {
        failure = lines
    }

    func add(_ continuation: AsyncStream<WSMessage>.Continuation) -> UUID {
        let id = UUID()
        listeners[id] = continuation
        return id
    }

    func remove(_ id: UUID) {
        listeners[id] = nil
    }

    func broadcast(_ text: String) {
        for listener in listeners.values { listener.yield(.text(text)) }
    }
}

/// One page's reload socket: it hears `reload` after every rebuild.
struct ReloadSocket: WSMessageHandler {
    let state: ServeState

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let (messages, continuation) = AsyncStream<WSMessage>.makeStream()
        let id = await state.add(continuation)
        let state = self.state
        Task {
            for await _ in client {}
            await state.remove(id)
            continuation.finish()
        }
        return messages
    }
}

/// How a server run on another thread ended, for the thread that waits for it.
private final class ServeOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var failure: Error?

    var error: Error? { lock.withLock { failure } }

    func record(_ error: Error) {
        lock.withLock { failure = error }
    }
}
