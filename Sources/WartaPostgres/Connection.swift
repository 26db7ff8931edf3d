import CLibPQ
import Foundation

/// An error from PostgreSQL or from talking to it; its text never holds a password.
public struct PostgresError: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for people.
    public var message: String

    /// An error with this message.
    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// One connection to a PostgreSQL server through libpq.
///
/// Every value a statement needs travels as a bound parameter (text format,
/// typed by a cast in the SQL): no text is ever spliced into SQL. libpq reads
/// the URL, the standard `PG*` environment variables and `~/.pgpass` itself.
public final class PostgresConnection: @unchecked Sendable {
    private let pq: WartaLibPQ
    private let handle: OpaquePointer
    /// The URL with any password removed, for messages.
    public let redactedURL: String
    private let lock = NSLock()

    /// Connects to `url` (`postgresql://…` or a libpq keyword string).
    /// - Throws: `PostgresError` when the server cannot be reached, or libpq cannot be loaded.
    public init(url: String) throws {
        redactedURL = PostgresURL.redact(url)
        let pq = try LibPQ.functions()
        self.pq = pq
        guard let conn = pq.PQconnectdb(url) else { throw PostgresError("cannot connect to \(PostgresURL.redact(url))") }
        if pq.PQstatus(conn) != CONNECTION_OK {
            let why = PostgresURL.scrub(String(cString: pq.PQerrorMessage(conn)), url: url)
            pq.PQfinish(conn)
            throw PostgresError("cannot connect to \(PostgresURL.redact(url)): \(why.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        handle = conn
        // Notices ("relation already exists, skipping") are not for users.
        _ = try? query("SET client_min_messages = warning")
    }

    deinit { pq.PQfinish(handle) }

    /// Runs one statement with `params` bound to `$1`, `$2`, … (nil is NULL).
    /// - Returns: the rows, each value as PostgreSQL's text output (nil for NULL).
    /// - Parameter isCancelled: polled while the statement runs; when it says
    ///   yes, the server is asked to cancel it (the statement then fails).
    @discardableResult
    public func query(_ sql: String, _ params: [String?] = [], isCancelled: (@Sendable () -> Bool)? = nil) throws -> [[String?]] {
        lock.lock()
        defer { lock.unlock() }
        let watcher = isCancelled.map { CancelWatcher(pq, handle, $0) }
        defer { watcher?.finish() }
        let result: OpaquePointer?
        if params.isEmpty {
            result = pq.PQexec(handle, sql)
        } else {
            var cStrings: [UnsafeMutablePointer<CChar>?] = params.map { $0.map { strdup($0) } ?? nil }
            defer { for p in cStrings { free(p) } }
            result = cStrings.withUnsafeMutableBufferPointer { buf in
                buf.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: buf.count) { values in
                    pq.PQexecParams(handle, sql, Int32(params.count), nil, values, nil, nil, 0)
                }
            }
        }
        guard let result else { throw PostgresError(String(cString: pq.PQerrorMessage(handle))) }
        defer { pq.PQclear(result) }
        let status = pq.PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            let message = String(cString: pq.PQresultErrorMessage(result)).trimmingCharacters(in: .whitespacesAndNewlines)
            throw PostgresError(message.isEmpty ? "PostgreSQL failed" : message)
        }
        let rows = Int(pq.PQntuples(result)), columns = Int(pq.PQnfields(result))
        var out: [[String?]] = []
        out.reserveCapacity(rows)
        for r in 0..<rows {
            var row: [String?] = []
            row.reserveCapacity(columns)
            for c in 0..<columns {
                if pq.PQgetisnull(result, Int32(r), Int32(c)) == 1 {
                    row.append(nil)
                } else {
                    row.append(String(cString: pq.PQgetvalue(result, Int32(r), Int32(c))))
                }
            }
            out.append(row)
        }
        return out
    }

    /// The first column of the first row, if any.
    public func scalar(_ sql: String, _ params: [String?] = []) throws -> String? {
        try query(sql, params).first?.first ?? nil
    }

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try query("BEGIN")
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }
}

/// Asks the server to cancel the running statement when `isCancelled` says so
/// (libpq's PQcancel, safe from another thread), polling every 20 ms.
private final class CancelWatcher: @unchecked Sendable {
    private let pq: WartaLibPQ
    private let cancel: OpaquePointer?
    private let isCancelled: @Sendable () -> Bool
    private let lock = NSLock()
    private var done = false
    private let stopped = DispatchSemaphore(value: 0)

    init(_ pq: WartaLibPQ, _ connection: OpaquePointer, _ isCancelled: @escaping @Sendable () -> Bool) {
        self.pq = pq
        cancel = pq.PQgetCancel(connection)
        self.isCancelled = isCancelled
        guard cancel != nil else { stopped.signal(); return }
        Thread.detachNewThread { [self] in
            while !isDone {
                if self.isCancelled() {
                    var message = [CChar](repeating: 0, count: 256)
                    if let cancel = self.cancel { _ = pq.PQcancel(cancel, &message, Int32(message.count)) }
                    break
                }
                usleep(20_000)
            }
            stopped.signal()
        }
    }

    private var isDone: Bool {
        lock.lock()
        defer { lock.unlock() }
        return done
    }

    /// Stops watching; the cancel object is freed once the watcher has stopped.
    func finish() {
        lock.lock()
        done = true
        lock.unlock()
        stopped.wait()
        if let cancel { pq.PQfreeCancel(cancel) }
    }
}

/// PostgreSQL URLs: telling them from paths, and keeping their passwords out of sight.
public enum PostgresURL {
    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isPostgres(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// The URL with the password replaced by `***` (in the user part and in a `password=` parameter).
    public static func redact(_ url: String) -> String {
        var s = url
        if let scheme = s.range(of: "://") {
            let rest = s[scheme.upperBound...]
            let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
            let authority = rest[..<authorityEnd]
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                s.replaceSubrange(s.index(after: colon)..<at, with: "***")
            }
        }
        if let q = s.firstIndex(of: "?") {
            let head = s[...q]
            let params = s[s.index(after: q)...].split(separator: "&", omittingEmptySubsequences: false).map { p -> String in
                p.lowercased().hasPrefix("password=") ? "password=***" : String(p)
            }
            s = head + params.joined(separator: "&")
        }
        // A keyword string: password=… up to the next space.
        if !isPostgres(s), let r = s.range(of: "password=") {
            let end = s[r.upperBound...].firstIndex(of: " ") ?? s.endIndex
            s.replaceSubrange(r.upperBound..<end, with: "***")
        }
        return s
    }

    /// A libpq message with the URL's password (if any) blanked out.
    static func scrub(_ message: String, url: String) -> String {
        guard let password = parts(url)["password"], !password.isEmpty else { return message }
        return message.replacingOccurrences(of: password, with: "***")
    }

    /// The URL's parts as libpq reads them (host, port, dbname, user, password…).
    public static func parts(_ url: String) -> [String: String] {
        guard let pq = try? LibPQ.functions() else { return [:] }
        var error: UnsafeMutablePointer<CChar>?
        guard let options = pq.PQconninfoParse(url, &error) else {
            if let error { pq.PQfreemem(error) }
            return [:]
        }
        defer { pq.PQconninfoFree(options) }
        var out: [String: String] = [:]
        var p = options
        while let keyword = p.pointee.keyword {
            if let value = p.pointee.val { out[String(cString: keyword)] = String(cString: value) }
            p += 1
        }
        return out
    }
}
