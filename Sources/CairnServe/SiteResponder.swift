import FlyingFox
import Foundation

/// Answers a request with a file of the built site; HTML pages get the live-reload script, a
/// Content-Security-Policy that lets it connect, and the last rebuild's errors when it failed.
struct SiteResponder: Sendable {
    let outputFolder: String
    let host: String
    let port: UInt16

    static let contentTypes = [
        "html": "text/html; charset=utf-8", "css": "text/css; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "json": "application/json", "svg": "image/svg+xml", "png": "image/png", "jpg": "image/jpeg",
        "jpeg": "image/jpeg", "gif": "image/gif", "txt": "text/plain; charset=utf-8",
    ]

    func respond(to request: HTTPRequest, failure: [String]?) -> HTTPResponse {
        guard let file = file(for: request.path),
            let data = FileManager.default.contents(atPath: file)
        else {
            return failure.map { errorPage($0) }
                ?? HTTPResponse(
                    statusCode: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: Data("Not found\n".utf8))
        }
        let kind = (file as NSString).pathExtension.lowercased()
        guard kind == "html" else {
            return HTTPResponse(
                statusCode: .ok,
                headers: [.contentType: Self.contentTypes[kind] ?? "application/octet-stream"],
                body: data)
        }
        let page = LiveReload.inject(
            into: String(decoding: data, as: UTF8.self), failure: failure, host: host, port: port)
        return HTTPResponse(
            statusCode: .ok, headers: [.contentType: Self.contentTypes["html"] ?? ""],
            body: Data(page.utf8))
    }

    /// The file a URL path names inside the output folder; nil for anything outside it.
    func file(for path: String) -> String? {
        let decoded = path.removingPercentEncoding ?? path
        var components: [String] = []
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": return nil
            default: components.append(String(part))
            }
        }
        var candidate = outputFolder + "/" + components.joined(separator: "/")
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            candidate += "/index.html"
        }
        return candidate
    }

    private func errorPage(_ failure: [String]) -> HTTPResponse {
        let page = LiveReload.inject(
            into:
                "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Build failed</title></head><body></body></html>",
            failure: failure, host: host, port: port)
        return HTTPResponse(
            statusCode: .internalServerError, headers: [.contentType: "text/html; charset=utf-8"],
            body: Data(page.utf8))
    }
}

/// The script that reloads a page after a rebuild, and how it is put into pages.
enum LiveReload {
    static let script = """
        (function () {
          var scheme = location.protocol === "https:" ? "wss://" : "ws://";
          var socket = new WebSocket(scheme + location.host + "/__cairn/reload");
          socket.onmessage = function (event) {
            if (event.data === "reload") { location.reload(); }
          };
        })();

        """

    static func inject(into page: String, failure: [String]?, host: String, port: UInt16) -> String
    {
        var page = page.replacingOccurrences(
            of: "default-src 'none';",
            with: "default-src 'none'; connect-src 'self' ws://\(host):\(port);")
        var tail = ""
        if let failure {
            let lines = failure.map(escape).joined(separator: "\n")
            tail +=
                "<div class=\"cairn-serve-error\" role=\"alert\"><strong>The last rebuild failed; this is the last good site.</strong><pre>\(lines)</pre></div>"
        }
        tail += "<script src=\"/__cairn/live.js\"></script>"
        if let end = page.range(of: "</body>", options: .backwards) {
            page.insert(contentsOf: tail, at: end.lowerBound)
        } else {
            page += tail
        }
        return page
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(
            of: "<", with: "&lt;"
        )
        .replacingOccurrences(of: ">", with: "&gt;")
    }
}
