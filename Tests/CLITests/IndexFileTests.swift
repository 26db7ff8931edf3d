import Foundation
import Warta
import XCTest

/// Index files as a user meets them: `warta index`, `--corpus FILE.widx`,
/// `warta check`, and every way a file can be wrong.
final class IndexFileTests: XCTestCase {
    var folder: URL!
    var seedsFile: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("warta-index-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        seedsFile = folder.appendingPathComponent("seeds.widx")
        let r = try WartaProcess.run(["index", WartaProcess.root.appendingPathComponent("seeds").path, "-o", seedsFile.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "", "no progress when standard error is not a terminal")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A copy of the seeds' index file, changed by `edit`.
    func damaged(_ name: String, _ edit: (inout Data) -> Void) throws -> String {
        var data = try Data(contentsOf: seedsFile)
        edit(&data)
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    func testTheGrammarExamplesAnswerTheSameFromAnIndexFileAsFromTheFolder() throws {
        let dir = WartaProcess.root.appendingPathComponent("grammar/examples")
        let scripts = try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "wq" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        XCTAssertGreaterThanOrEqual(scripts.count, 5)
        for script in scripts {
            let file = try WartaProcess.run(["--corpus", seedsFile.path, script.lastPathComponent], cwd: dir)
            let folder = try WartaProcess.run([script.lastPathComponent], cwd: dir)
            XCTAssertEqual(file.status, 0, "\(script.lastPathComponent): \(file.stderr)")
            XCTAssertEqual(file.stdout, folder.stdout, script.lastPathComponent)
            XCTAssertEqual(file.stderr, folder.stderr, script.lastPathComponent)
        }
    }

    func testTheShellOpensAnIndexFile() throws {
        let r = try WartaProcess.run([], stdin: ".open \(seedsFile.path)\ncount articles where mentions \"Putin\"\n.info\n")
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasPrefix("opened seeds: 5 articles\n5\n"), r.stdout)
        XCTAssertTrue(r.stdout.contains("articles  5"), r.stdout)
    }

    func testCheckPassesASoundFile() throws {
        let r = try WartaProcess.run(["check", seedsFile.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.hasSuffix("blocks verified\n"), r.stdout)
    }

    func testATruncatedFileIsRefusedAtOpen() throws {
        let size = try Data(contentsOf: seedsFile).count
        for keep in [0, 5, 40, size / 2, size - 1] {
            let path = try damaged("short.widx") { $0 = $0.prefix(keep) }
            let r = try WartaProcess.run(["--corpus", path, "-c", "count articles"])
            XCTAssertEqual(r.status, 1)
            XCTAssertEqual(r.stdout, "")
            XCTAssertTrue(r.stderr.contains("is truncated"), r.stderr)
            XCTAssertTrue(r.stderr.contains("rebuild it with: warta index "), r.stderr)
            XCTAssertEqual(try WartaProcess.run(["check", path]).status, 1)
        }
    }

    /// Another version is refused with the command that rebuilds the file;
    /// for versions 2 and 3 (the previous ones) the command names its source.
    func testAnotherFormatVersionIsRefused() throws {
        for version: UInt8 in [9, 2, 3] {
            let path = try damaged("v\(version).widx") { $0[8] = version }
            let r = try WartaProcess.run(["--corpus", path, "-c", "count articles"])
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stderr.contains("has format version \(version); this warta reads version 4"), r.stderr)
            XCTAssertTrue(r.stderr.contains("-o \(path)"), r.stderr)
            XCTAssertEqual(r.stderr.contains("warta index PATH"), version == 9, r.stderr)
        }
    }

    /// A flipped byte anywhere: every statement either fails with the
    /// damage message or gives exactly the answer of the sound file (it did
    /// not read the damaged block); `warta check` always fails.
    func testAFlippedByteNeverGivesAnAnswer() throws {
        let statements = [
            "count articles where mentions \"Putin\"",
            "articles where mentions \"To Lam\" and date = 2024-06-20 show id, score, title",
            "articles show id, source, date, raw",
            "sentences where mentions \"Putin\" and mentions \"Kim\" show kwic",
            "terms limit 20",
            "entities limit 5",
            "paragraphs where copies > 1 show id, copies_in",
            "articles where mentions stem \"kunjungan\" show id",
            "terms where collocates \"Putin\" within 5 limit 5",
        ]
        var sound: [String] = []
        for s in statements {
            let r = try WartaProcess.run(["--corpus", seedsFile.path, "-c", s])
            XCTAssertEqual(r.status, 0, r.stderr)
            sound.append(r.stdout)
        }
        let size = try Data(contentsOf: seedsFile).count
        var failures = 0
        for fraction in [0.5, 0.02, 0.15, 0.3, 0.7, 0.9] {
            let at = Int(Double(size) * fraction)
            let path = try damaged("flip.widx") { $0[at] ^= 0x40 }
            let check = try WartaProcess.run(["check", path])
            XCTAssertEqual(check.status, 1, "byte \(at)")
            XCTAssertTrue(check.stderr.contains("is damaged"), check.stderr)
            for (s, good) in zip(statements, sound) {
                let r = try WartaProcess.run(["--corpus", path, "-c", s])
                if r.status == 0 {
                    XCTAssertEqual(r.stdout, good, "byte \(at): \(s) answered from damaged data")
                } else {
                    failures += 1
                    XCTAssertEqual(r.status, 1)
                    XCTAssertEqual(r.stdout, "", "byte \(at): \(s)")
                    XCTAssertTrue(r.stderr.contains("is damaged") && r.stderr.contains("rebuild it with: warta index"), r.stderr)
                }
            }
        }
        XCTAssertGreaterThan(failures, 0)
        // The middle byte: some statement reads it.
        let middle = try damaged("middle.widx") { $0[size / 2] ^= 0x01 }
        let read = try statements.map { try WartaProcess.run(["--corpus", middle, "-c", $0]).status }
        XCTAssertTrue(read.contains(1))
    }

    func testAnInterruptedBuildLeavesTheOldFile() throws {
        // A corpus big enough to be caught mid-build.
        var lines = ""
        for i in 0..<3000 {
            lines += #"{"id": "a\#(i)", "title": "Judul \#(i)", "text": "Presiden Jokowi meresmikan jembatan nomor \#(i) di Jakarta. Warga menyambut gembira.\n\nPembangunan dimulai tahun lalu."}"# + "\n"
        }
        let big = folder.appendingPathComponent("big.jsonl")
        try lines.write(to: big, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = WartaProcess.binary
        p.arguments = ["index", big.path, "-o", seedsFile.path]
        p.standardError = FileHandle.nullDevice
        try p.run()
        usleep(300_000)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let r = try WartaProcess.run(["--corpus", seedsFile.path, "-c", "count articles"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The old file, or (on a machine fast enough) the whole new one; never a broken one.
        XCTAssertTrue(["5\n", "3000\n"].contains(r.stdout), r.stdout)
        XCTAssertEqual(try WartaProcess.run(["check", seedsFile.path]).status, 0)
    }

    func testAFailedBuildSaysWhy() throws {
        let r = try WartaProcess.run(["index", folder.appendingPathComponent("absent").path, "-o", folder.appendingPathComponent("x.widx").path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.hasPrefix("warta: error: "), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("x.widx").path))
    }

    /// One corpus read from a file, many sessions at once: the same answers as one at a time.
    func testStatementsRunConcurrentlyOnOneIndexFile() throws {
        let corpus = try Corpus.open(path: seedsFile.path)
        let statements = ["count articles where mentions \"Putin\"", "articles where mentions \"To Lam\" show id, score",
                          "terms limit 5", "sentences where mentions \"Kim\" show id", "entities limit 3",
                          "articles where mentions \"pakta\" near 5 \"pertahanan\" show id, score"]
        let expected = try statements.map { Renderer.render(try Session(corpus: corpus).run($0), as: .jsonl) }
        final class Answers: @unchecked Sendable { var values = [String?](repeating: nil, count: 48); let lock = NSLock() }
        let answers = Answers()
        DispatchQueue.concurrentPerform(iterations: 48) { i in
            let text = try? Renderer.render(Session(corpus: corpus).run(statements[i % statements.count]), as: .jsonl)
            answers.lock.lock()
            answers.values[i] = text
            answers.lock.unlock()
        }
        for i in 0..<48 { XCTAssertEqual(answers.values[i], expected[i % statements.count], statements[i % statements.count]) }
        XCTAssertEqual(corpus.damage.count, 0)
    }

    func testIndexHasItsOwnHelp() throws {
        let r = try WartaProcess.run(["index", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("warta index"), r.stdout)
        let usage = try WartaProcess.run(["index"])
        XCTAssertEqual(usage.status, 2)
    }
}
