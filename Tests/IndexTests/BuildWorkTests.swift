import XCTest
@testable import Warta

/// The pieces of work a build hands to the cores (`together`).
final class BuildWorkTests: XCTestCase {
    private final class Token: @unchecked Sendable {}

    func testEveryPieceRunsOnceAndPiecesMayHandInMore() {
        let lock = NSLock()
        var ran = [Int](repeating: 0, count: 10)
        func mark(_ k: Int) { lock.lock(); ran[k] += 1; lock.unlock() }
        together([
            { _ in mark(0) },
            { pieces in
                mark(1)
                for k in 2..<10 { pieces.add { _ in mark(k) } }
            },
        ])
        XCTAssertEqual(ran, [Int](repeating: 1, count: 10))
    }

    func testPiecesAreLetGoOfOnceRun() {
        // A piece may hand in more: what the pieces captured must still be freed once they have run.
        weak var held: Token?
        do {
            let token = Token()
            held = token
            together([{ _ in _ = token }, { pieces in pieces.add { _ in _ = token } }])
        }
        XCTAssertNil(held, "a piece (or what it captured) outlived the build")
    }
}
