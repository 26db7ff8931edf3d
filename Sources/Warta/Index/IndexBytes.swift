import CDeflate
import Foundation

/// FNV-1a, 64 bits, over a string's UTF-8: fixed, unlike `Hasher`, so the same
/// from run to run (cache entry names, samples) and cheap (term numbering).
enum FNV1a {
    @inline(__always)
    static func hash(_ s: String) -> UInt64 {
        var s = s
        return s.withUTF8 { b in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for x in b { h = (h ^ UInt64(x)) &* 0x100_0000_01B3 }
            return h
        }
    }
}

/// CRC-32 (IEEE 802.3, the polynomial of zlib and PNG): the checksum of
/// every 64 KiB block of an index file.
enum CRC32 {
    /// The bytewise table (the reference the tests check `checksum` against).
    static let table: [UInt32] = (0..<256).map { i in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// libdeflate's `libdeflate_crc32` (carry-less multiplication where the
    /// processor has it): the same checksum as zlib's, on the path of every
    /// first read of a block.
    static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        update(0, bytes)
    }

    /// The checksum of bytes that follow those whose checksum is `crc` (0 for none).
    static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer) -> UInt32 {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return crc }
        return libdeflate_crc32(crc, base, bytes.count)
    }
}

/// Appends the little-endian encodings an index file is made of.
struct ByteWriter {
    var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func u8(_ v: UInt8) { bytes.append(v) }

    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }

    /// LEB128: seven bits a byte, the high bit set on all but the last.
    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func varint(_ v: Int) { varint(UInt64(UInt(bitPattern: v))) }

    mutating func varint(_ v: Int32) { varint(UInt64(UInt32(bitPattern: v))) }

    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { b in
            varint(b.count)
            bytes.append(contentsOf: b)
        }
    }

    mutating func optionalString(_ s: String?) {
        if let s { u8(1); string(s) } else { u8(0) }
    }

    /// Pads with zeros to a multiple of `n`.
    mutating func align(_ n: Int) {
        while bytes.count % n != 0 { bytes.append(0) }
    }

    /// `values` in `bits` bits each, low bits first, padded to a whole byte.
    mutating func pack(_ values: ArraySlice<UInt32>, bits: Int) {
        guard bits > 0 else { return }
        var acc: UInt64 = 0
        var filled = 0
        for v in values {
            acc |= UInt64(v) << filled
            filled += bits
            while filled >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: acc))
                acc >>= 8
                filled -= 8
            }
        }
        if filled > 0 { bytes.append(UInt8(truncatingIfNeeded: acc)) }
    }
}

/// Bits needed for the largest of `values`.
func bitWidth(_ values: ArraySlice<UInt32>) -> Int {
    var m: UInt32 = 0
    for v in values { m |= v }
    return m == 0 ? 0 : 32 - m.leadingZeroBitCount
}

/// Reads what `ByteWriter` wrote, never past its end: a read that would go
/// past sets `failed` and gives zero, so damaged bytes that pass their
/// checksum still cannot make the decoder trap.
struct ByteReader {
    let base: UnsafeRawPointer
    var position: Int
    let end: Int
    var failed = false

    init(_ bytes: UnsafeRawBufferPointer) {
        base = bytes.baseAddress ?? UnsafeRawPointer(bitPattern: 1)!
        position = 0
        end = bytes.count
    }

    var atEnd: Bool { position >= end }

    @inline(__always)
    mutating func u8() -> UInt8 {
        guard position < end else { failed = true; return 0 }
        defer { position += 1 }
        return base.load(fromByteOffset: position, as: UInt8.self)
    }

    mutating func u32() -> UInt32 {
        guard position + 4 <= end else { failed = true; position = end; return 0 }
        defer { position += 4 }
        return base.loadUnaligned(fromByteOffset: position, as: UInt32.self).littleEndian
    }

    @inline(__always)
    mutating func varint() -> UInt64 {
        var v: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let b = base.load(fromByteOffset: position, as: UInt8.self)
            position += 1
            v |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return v }
            shift += 7
            if shift > 63 { break }
        }
        failed = true
        return 0
    }

    mutating func int() -> Int { Int(truncatingIfNeeded: varint()) }

    mutating func int32() -> Int32 { Int32(truncatingIfNeeded: varint()) }

    /// A count of things that each take at least one byte: never more than the bytes left.
    mutating func count() -> Int {
        let n = varint()
        guard n <= UInt64(end - position) else { failed = true; return 0 }
        return Int(n)
    }

    /// The length at the head of a posting list. Not bounded by the bytes
    /// left, as `count()` is: a dense list packs 128 gaps of 0 into no bytes
    /// at all (a word in nearly every article of a big corpus); its skip
    /// table, 8 bytes for each block of 128, bounds it instead.
    mutating func listLength() -> Int {
        let v = varint()
        guard !failed, v <= UInt64(Int32.max), (v + 127) / 128 * 8 <= UInt64(end - position) else { failed = true; return 0 }
        return Int(v)
    }

    mutating func string() -> String {
        let n = count()
        defer { position += n }
        return String(decoding: UnsafeRawBufferPointer(start: base + position, count: n), as: UTF8.self)
    }

    mutating func optionalString() -> String? { u8() == 0 ? nil : string() }

    /// `n` values of `bits` bits each (see `ByteWriter.pack`), appended to `out`.
    mutating func unpack(_ n: Int, bits: Int, into out: inout [UInt32]) {
        let at = out.count
        out.append(contentsOf: repeatElement(0, count: n))
        out.withUnsafeMutableBufferPointer { unpack(n, bits: bits, writingTo: $0.baseAddress! + at) }
    }

    /// `n` values of `bits` bits each, written to `out[0..<n]` (a distinct
    /// label: `&array` would otherwise convert to a pointer). Each value is
    /// cut from one unaligned 64-bit load (a value of at most 32 bits,
    /// shifted by at most 7, fits); the last few bytes are read one by one.
    mutating func unpack(_ n: Int, bits: Int, writingTo out: UnsafeMutablePointer<UInt32>) {
        guard bits > 0 else { out.update(repeating: 0, count: n); return }
        guard bits <= 32 else { failed = true; return }
        let bytes = (n * bits + 7) / 8
        guard position + bytes <= end else { failed = true; position = end; return }
        let mask: UInt64 = (1 << UInt64(bits)) - 1
        let start = base + position
        var bit = 0
        if position + bytes + 8 <= end {
            // Every 8-byte load stays inside the buffer (the bytes past the values are masked off).
            for i in 0..<n {
                let word = start.loadUnaligned(fromByteOffset: bit >> 3, as: UInt64.self).littleEndian
                out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
                bit += bits
            }
            position += bytes
            return
        }
        for i in 0..<n {
            let at = bit >> 3
            var word: UInt64
            if at + 8 <= bytes {
                word = start.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian
            } else {
                word = 0
                for k in 0..<(bytes - at) { word |= UInt64(start.load(fromByteOffset: at + k, as: UInt8.self)) << UInt64(8 * k) }
            }
            out[i] = UInt32(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask)
            bit += bits
        }
        position += bytes
    }
}
