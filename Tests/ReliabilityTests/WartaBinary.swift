import Foundation
import XCTest

/// Runs the built `warta` binary as a user would (the approach of
/// CLITests/WartaProcess.swift, with a time limit, and a way to kill it).
struct WartaBinary {
    struct Output {
        var status: Int32
        /// Whether the process died of a signal (a crash) rather than exiting.
        var crashed: Bool
        var stdout: String
        var stderr: String
    }

    /// The repository root (for seeds/ and grammar/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `warta` executable next to the test bundle.
    static var binary: URL {
        let candidates = [
            Bundle.main.bundleURL.appendingPathComponent("warta"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("warta"),
            root.appendingPathComponent(".build/debug/warta"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    static func process(_ arguments: [String], cwd: URL? = nil) -> Process {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["COLUMNS"] = "100"
        // A crash should say so in one line, not spend a second on a backtrace.
        env["SWIFT_BACKTRACE"] = "enable=no"
        p.environment = env
        if let cwd { p.currentDirectoryURL = cwd }
        return p
    }

    /// Runs warta to the end; kills it after `timeLimit` seconds (then `status` is the signal).
    static func run(_ arguments: [String], stdin: String? = nil, cwd: URL? = nil, timeLimit: Double = 120) throws -> Output {
        let p = process(arguments, cwd: cwd)
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        let killer = DispatchWorkItem { if p.isRunning { kill(p.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: killer)
        defer { killer.cancel() }
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errBox.data = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        if let stdin {
            DispatchQueue.global().async {
                input.fileHandleForWriting.write(Data(stdin.utf8))
                try? input.fileHandleForWriting.close()
            }
        } else {
            try input.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, crashed: p.terminationReason == .uncaughtSignal,
                      stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errBox.data, as: UTF8.self))
    }
}

/// A temporary folder, removed by the test's teardown.
func temporaryFolder(_ test: XCTestCase) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("warta-rel-\(UUID())")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(at: dir) }
    return dir
}
