import Foundation
import XCTest

/// What start-up changed must not show: common command lines read without
/// ArgumentParser (`Options.quick`) behave as ArgumentParser reads them, and
/// libpq, loaded only for a PostgreSQL URL, is asked for by name when missing.
final class StartupTests: XCTestCase {
    func warta(_ args: [String], environment: [String: String] = [:]) throws -> WartaProcess.Output {
        try WartaProcess.run(args, environment: environment)
    }

    func testQuickCommandLinesAgreeWithArgumentParser() throws {
        let seeds = WartaProcess.root.appendingPathComponent("seeds").path
        // Each pair: a command line the quick reader takes, and the same in a spelling only ArgumentParser reads.
        let pairs: [([String], [String])] = [
            (["--corpus", seeds, "-c", "count articles group by date", "--format", "jsonl"],
             ["--corpus=\(seeds)", "-c", "count articles group by date", "--format=jsonl"]),
            (["-c", "articles where mentions \"To Lam\" show id", "--no-chart", "--keep-going", "--safe"],
             ["-c", "articles where mentions \"To Lam\" show id", "--no-chart", "--keep-going", "--safe", "--max-rows", "100"]),
            (["-c", "count articles", "-c", "articles wher"], ["-c", "count articles", "-c", "articles wher", "--timeout", "60000"]),
            (["--format", "yaml", "-c", "count articles"], ["--format=yaml", "-c", "count articles"]),
        ]
        for (quick, full) in pairs {
            let a = try warta(quick), b = try warta(full)
            XCTAssertEqual(a.status, b.status, "\(quick) vs \(full)")
            XCTAssertEqual(a.stdout, b.stdout, "\(quick) vs \(full)")
            XCTAssertEqual(a.stderr.replacingOccurrences(of: "--format=yaml", with: "--format yaml"),
                           b.stderr.replacingOccurrences(of: "--format=yaml", with: "--format yaml"), "\(quick) vs \(full)")
        }
        let version = try warta(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertEqual(version.stdout.split(separator: ".").count, 3, version.stdout)
    }

    func testWithoutLibpqPostgreSQLSaysWhatToInstall() throws {
        let missing = ["WARTA_LIBPQ": "/no/such/libpq.so.5"]
        let open = try warta(["--corpus", "postgresql://127.0.0.1:1/warta", "-c", "count articles"], environment: missing)
        XCTAssertEqual(open.status, 2)
        XCTAssertTrue(open.stderr.contains("libpq5"), open.stderr)
        XCTAssertTrue(open.stderr.contains("/no/such/libpq.so.5"), open.stderr)
        let load = try warta(["load", "seeds", "--into", "postgresql://127.0.0.1:1/warta"], environment: missing)
        XCTAssertEqual(load.status, 1)
        XCTAssertTrue(load.stderr.contains("libpq5"), load.stderr)
        // Everything else runs without it.
        let native = try warta(["-c", "count articles"], environment: missing)
        XCTAssertEqual(native.stdout, "5\n")
    }
}
