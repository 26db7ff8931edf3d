import CDeflate
import Foundation

/// Deflate in zlib's format, for the article blocks of an index file: a
/// block is a varint of its uncompressed length and a zlib stream (RFC
/// 1950), made and read with libdeflate. Inflating never writes past that
/// length, and a stream that is damaged (or longer than it says) gives nil,
/// never a crash.
enum Deflate {
    /// The level of the streams other than article blocks (zlib's default).
    static let level: Int32 = 6

    /// `bytes` as a varint of their length and a zlib stream.
    static func compress(_ bytes: [UInt8], level: Int32 = Deflate.level) -> [UInt8] {
        var out: [UInt8] = []
        compress(bytes, level: level, into: &out)
        return out
    }

    /// The same, written over `out` (its storage kept): a caller that compresses many
    /// streams one after another allocates once, not twice a stream.
    static func compress(_ bytes: [UInt8], level: Int32 = Deflate.level, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var w = ByteWriter()
        swap(&w.bytes, &out)
        w.varint(bytes.count)
        let header = w.count
        let compressor = Compressors.shared.take(level: level)
        defer { Compressors.shared.give(compressor, level: level) }
        let capacity = libdeflate_zlib_compress_bound(compressor, bytes.count)
        w.bytes.append(contentsOf: repeatElement(0, count: capacity))
        let written = w.bytes.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { src in
                libdeflate_zlib_compress(compressor, src.baseAddress, src.count, out.baseAddress! + header, capacity)
            }
        }
        precondition(written > 0, "libdeflate_zlib_compress found no room in its own bound")
        w.bytes.removeLast(capacity - written)
        swap(&w.bytes, &out)
    }

    /// What `compress` wrote, or nil when the bytes are not a whole zlib
    /// stream of the length they announce.
    static func decompress(_ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 26) -> [UInt8]? {
        var r = ByteReader(bytes)
        let n = r.varint()
        guard !r.failed, n <= UInt64(limit) else { return nil }
        let count = Int(n)
        let decompressor = Compressors.shared.takeDecompressor()
        defer { Compressors.shared.give(decompressor) }
        var actual = 0
        // One byte more than needed: a destination is never NULL, even for an empty result.
        let out = [UInt8](unsafeUninitializedCapacity: count + 1) { o, initialized in
            let result = libdeflate_zlib_decompress(decompressor, bytes.baseAddress! + r.position, bytes.count - r.position,
                                                    o.baseAddress!, count, &actual)
            if result != LIBDEFLATE_SUCCESS { actual = -1 }
            initialized = max(0, min(actual, count))
        }
        guard actual == count else { return nil }
        return out
    }
}

/// libdeflate's compressors (one per level) and decompressors, kept for
/// the next call: making one allocates and clears its tables, which would
/// cost more than compressing a block.
private final class Compressors: @unchecked Sendable {
    static let shared = Compressors()
    private let lock = NSLock()
    private var idle: [Int32: [OpaquePointer]] = [:]
    private var idleDecompressors: [OpaquePointer] = []

    func take(level: Int32) -> OpaquePointer {
        lock.lock()
        let c = idle[level]?.popLast()
        lock.unlock()
        if let c { return c }
        guard let made = libdeflate_alloc_compressor(level) else { fatalError("libdeflate: out of memory") }
        return made
    }

    func give(_ c: OpaquePointer, level: Int32) {
        lock.lock()
        idle[level, default: []].append(c)
        lock.unlock()
    }

    func takeDecompressor() -> OpaquePointer {
        lock.lock()
        let d = idleDecompressors.popLast()
        lock.unlock()
        if let d { return d }
        guard let made = libdeflate_alloc_decompressor() else { fatalError("libdeflate: out of memory") }
        return made
    }

    func give(_ d: OpaquePointer) {
        lock.lock()
        idleDecompressors.append(d)
        lock.unlock()
    }
}
