import CZlib

/// zlib's deflate, for the article blocks of an index file: a block is a
/// varint of its uncompressed length and a zlib stream. Inflating never
/// writes past that length, and a stream that is damaged (or longer than
/// it says) gives nil, never a crash.
enum Deflate {
    /// zlib's default level: what the streams other than article blocks use.
    static let level: Int32 = 6

    /// `bytes` as a varint of their length and a zlib stream.
    static func compress(_ bytes: [UInt8], level: Int32 = Deflate.level) -> [UInt8] {
        var w = ByteWriter()
        w.varint(bytes.count)
        let header = w.count
        var capacity = compressBound(uLong(bytes.count))
        w.bytes += [UInt8](repeating: 0, count: Int(capacity))
        let status = w.bytes.withUnsafeMutableBufferPointer { out in
            bytes.withUnsafeBufferPointer { src in
                compress2(out.baseAddress! + header, &capacity, src.baseAddress, uLong(src.count), level)
            }
        }
        precondition(status == Z_OK, "zlib compress2 failed (\(status))")
        w.bytes.removeLast(w.count - header - Int(capacity))
        return w.bytes
    }

    /// What `compress` wrote, or nil when the bytes are not a whole zlib
    /// stream of the length they announce.
    static func decompress(_ bytes: UnsafeRawBufferPointer, limit: Int = 1 << 26) -> [UInt8]? {
        var r = ByteReader(bytes)
        let n = r.varint()
        guard !r.failed, n <= UInt64(limit) else { return nil }
        let count = Int(n)
        // One byte more than needed: zlib refuses a NULL destination even for an empty result.
        var out = [UInt8](repeating: 0, count: count + 1)
        var length = uLong(count)
        let status = out.withUnsafeMutableBufferPointer { o in
            uncompress(o.baseAddress!, &length, bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + r.position,
                       uLong(bytes.count - r.position))
        }
        guard status == Z_OK, length == uLong(count) else { return nil }
        out.removeLast()
        return out
    }
}
