// Checks on a file's bytes before they are decoded: is it text at all, is
// it valid UTF-8, and where it first goes wrong (so a warning can say).

enum ByteChecks {
    /// The byte offset of the first byte that is not part of a valid UTF-8
    /// sequence (RFC 3629: no overlong forms, no surrogates, nothing past
    /// U+10FFFF), or `nil` when all of `s` is valid.
    static func firstInvalidUTF8(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = s.count
        var i = 0
        while i < n {
            // ASCII, nearly all of a corpus, eight bytes at a time.
            while i + 8 <= n, UnsafeRawPointer(s.baseAddress! + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let b = s[i]
            if b < 0x80 { i += 1; continue }
            @inline(__always) func cont(_ k: Int) -> Bool { k < n && s[k] & 0xC0 == 0x80 }
            switch b {
            case 0xC2...0xDF:
                guard cont(i + 1) else { return i }
                i += 2
            case 0xE0...0xEF:
                guard cont(i + 1), cont(i + 2) else { return i }
                let b1 = s[i + 1]
                if b == 0xE0 && b1 < 0xA0 { return i }  // overlong
                if b == 0xED && b1 >= 0xA0 { return i }  // surrogate
                i += 3
            case 0xF0...0xF4:
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return i }
                let b1 = s[i + 1]
                if b == 0xF0 && b1 < 0x90 { return i }  // overlong
                if b == 0xF4 && b1 >= 0x90 { return i }  // past U+10FFFF
                i += 4
            default:
                return i
            }
        }
        return nil
    }

    /// Whether the bytes hold a NUL: text files never do, and nearly every
    /// binary format does within its first few hundred bytes.
    static func hasNUL(_ s: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> Bool {
        let end = min(s.count, limit)
        var i = 0
        while i < end {
            if s[i] == 0 { return true }
            i += 1
        }
        return false
    }

    /// Whether the bytes are only whitespace (or nothing).
    static func isBlank(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        s.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }

    /// Bytes to skip at the start: a UTF-8 byte order mark.
    static func bomLength(_ s: UnsafeBufferPointer<UInt8>) -> Int {
        s.count >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF ? 3 : 0
    }
}
