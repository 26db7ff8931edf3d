import CMinHash
import XCTest
@testable import Warta

/// MinHash signatures are made in C, eight functions at a time where the processor has
/// AVX-512: each value must be the least its function gives, as one function at a time finds it.
final class MinHashTests: XCTestCase {
    func testSignaturesAreTheLeastOfEachFunction() {
        var rng = SystemRandomNumberGenerator()
        for hashes in [0, 1, 3, 4, 5, 8, 13, 16, 24, 30, 40, 64] {
            for count in [0, 1, 2, 7, 100] {
                let mixed = (0..<count).map { _ in UInt64.random(in: .min ... .max, using: &rng) }
                var sig = [UInt64](repeating: 7, count: hashes)
                sig.withUnsafeMutableBufferPointer { s in mixed.withUnsafeBufferPointer { MinHash.lower(s, toMixed: $0) } }
                let expected = (0..<hashes).map { h in mixed.map { $0 &* MinHash.a[h] &+ MinHash.b[h] }.min() ?? .max }
                XCTAssertEqual(sig, expected, "\(hashes) functions over \(count) shingles")
                // The general-register path, which a processor without AVX-512 takes.
                var portable = [UInt64](repeating: 7, count: hashes)
                portable.withUnsafeMutableBufferPointer { s in
                    mixed.withUnsafeBufferPointer { m in
                        MinHash.a.withUnsafeBufferPointer { a in
                            MinHash.b.withUnsafeBufferPointer { b in
                                warta_minhash_lower_portable(s.baseAddress, hashes, m.baseAddress, count, a.baseAddress, b.baseAddress)
                            }
                        }
                    }
                }
                XCTAssertEqual(portable, expected, "\(hashes) functions over \(count) shingles, in general registers")
            }
        }
    }
}
