import CLibPQ

/// libpq, loaded the first time a PostgreSQL URL is used (see `CLibPQ.h`):
/// everything else in warta starts and runs without it.
enum LibPQ {
    /// libpq's functions.
    /// - Throws: `PostgresError` saying what to install when libpq cannot be loaded.
    static func functions() throws -> WartaLibPQ {
        var error: UnsafePointer<CChar>?
        guard let functions = warta_libpq(&error) else {
            let why = error.map { String(cString: $0) } ?? "it could not be loaded"
            throw PostgresError("PostgreSQL needs libpq, PostgreSQL's client library (Debian: apt-get install libpq5): \(why)")
        }
        return functions.pointee
    }
}
