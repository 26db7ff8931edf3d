/// Splits a paragraph of news text into sentences.
///
/// A sentence ends at ".", "?", "!" or "…" followed by white space and then
/// something that can open a sentence (not a lower-case letter), with any
/// closing quotation marks and brackets kept in the sentence that ends
/// ("… luar negerinya.” Berikut …" ends after the quote). A dot that belongs
/// to an abbreviation or an initial ("Mr. Putin", "Jl. Sudirman",
/// "Vladimir V. Putin") ends nothing; nor does a dot or comma inside a
/// number ("3.5", "$3,5 miliar"), which no space follows. A line break ends a
/// sentence unless the next line goes on in lower case, so a heading without
/// a full stop is a sentence of its own.
public enum SentenceSplitter {
    /// The sentences of `paragraph` as UTF-8 byte ranges, trimmed of white
    /// space, in order. A paragraph with no terminal punctuation is one sentence.
    public static func sentences(in paragraph: String) -> [Range<Int>] {
        TextBytes.withBytes(paragraph) { sentences(utf8: $0) }
    }

    /// The same over UTF-8 bytes.
    public static func sentences(utf8 buf: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let n = buf.count
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        func emit(_ end: Int) {
            if let r = trimmed(buf, start, end) { out.append(r) }
            start = end
        }
        while i < n {
            let b = buf[i]
            if b == 0x0A {
                var k = i + 1
                while k < n, TextBytes.spaceLength(buf, k) > 0 { k += TextBytes.spaceLength(buf, k) }
                if k >= n || !startsLowercase(buf, k) { emit(i) }
                i += 1
                continue
            }
            let termLen = terminalLength(buf, i)
            guard termLen > 0 else {
                // On to the next line break or possible terminal ("…" starts with E2): the bytes between end nothing.
                i = skipUnflagged(buf, from: i + 1) {
                    ByteFlags.equal($0, 0x0A) | ByteFlags.equal($0, 0x2E) | ByteFlags.equal($0, 0x3F)
                        | ByteFlags.equal($0, 0x21) | ByteFlags.equal($0, 0xE2)
                }
                continue
            }
            // Take the run of terminals and closing marks: "?!", "...", ".”", ".)".
            var j = i + termLen
            var dots = b == 0x2E ? 1 : 0
            while j < n {
                let t = terminalLength(buf, j)
                if t > 0 { if buf[j] == 0x2E { dots += 1 }; j += t; continue }
                let c = closerLength(buf, j)
                if c > 0 { j += c; continue }
                break
            }
            guard j < n, TextBytes.spaceLength(buf, j) > 0 else { i = j; continue }
            var k = j
            while k < n, TextBytes.spaceLength(buf, k) > 0 { k += TextBytes.spaceLength(buf, k) }
            if k >= n { i = k; continue }
            if startsLowercase(buf, k) { i = j; continue }
            // One dot right after a word may be an abbreviation's.
            if b == 0x2E && dots == 1 && i > 0 && isWordByte(buf[i - 1]) {
                var ws = i
                while ws > 0 && isWordByte(buf[ws - 1]) { ws -= 1 }
                if isAbbreviation(buf, wordStart: ws, dot: i) { i = j; continue }
            }
            emit(j)
            i = j
        }
        emit(n)
        return out
    }

    /// Abbreviations whose dot never ends a sentence, mostly titles that a name
    /// follows ("Mr.", "Dr.", "Jl.", "No.") and academic degrees after one
    /// ("M.Si.").
    static let abbreviations: Set<String> = [
        "Mr", "Mrs", "Ms", "Dr", "Drs", "Dra", "Prof", "St", "Sr", "Jr", "No", "Nos", "Nomor", "Jl", "Jln",
        "Tn", "Ny", "Nn", "Sdr", "Sdri", "Bpk", "Yth", "Hj", "Ir", "Kol", "Jend", "Brig", "Gen", "Lt", "Col",
        "Capt", "Sgt", "Gov", "Sen", "Rep", "Rev", "Inc", "Ltd", "Co", "Corp", "vs", "Vs", "Kab", "Kec",
        "Kel", "Prov", "Rp", "Tel", "Telp", "Hlm", "hlm", "Vol", "Ed", "Fig", "Si", "Sc", "Hum", "Kom",
        "Sos", "Pd", "Ag", "Kes", "Ked", "Eng", "Jan", "Feb", "Apr", "Agu", "Aug", "Sep", "Sept", "Okt", "Oct",
        "Nov", "Des", "Dec", "dr", "drg", "a.n", "u.p", "mr", "dr", "prof", "no", "jl",
    ]

    /// Whether the word at `wordStart`, ended by the dot at `dot`, is an
    /// abbreviation or a one-letter initial ("V.", "a.n.", "A.S.").
    static func isAbbreviation(_ buf: UnsafeBufferPointer<UInt8>, wordStart: Int, dot: Int) -> Bool {
        let len = dot - wordStart
        if len == 1 { return true }
        guard len > 0 && len <= 6 else { return false }
        var key: [UInt8] = []
        for k in wordStart..<dot { key.append(buf[k]) }
        return abbreviations.contains(String(decoding: key, as: UTF8.self))
    }

    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
    }

    /// ".", "?", "!" or "…" at `i`: its length in bytes, else 0.
    @inline(__always)
    static func terminalLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = buf[i]
        if b == 0x2E || b == 0x3F || b == 0x21 { return 1 }
        if b == 0xE2 && i + 2 < buf.count && buf[i + 1] == 0x80 && buf[i + 2] == 0xA6 { return 3 }
        return 0
    }

    /// A closing quotation mark or bracket at `i` (" ' ” ’ » ) ]): its length, else 0.
    @inline(__always)
    static func closerLength(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let b = buf[i]
        if b == 0x22 || b == 0x27 || b == 0x29 || b == 0x5D { return 1 }
        if b == 0xE2 && i + 2 < buf.count && buf[i + 1] == 0x80 && (buf[i + 2] == 0x9D || buf[i + 2] == 0x99) { return 3 }
        if b == 0xC2 && i + 1 < buf.count && buf[i + 1] == 0xBB { return 2 }
        return 0
    }

    /// A lower-case letter at `i` (the sentence goes on).
    @inline(__always)
    static func startsLowercase(_ buf: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = buf[i]
        if b < 0x80 { return b >= 0x61 && b <= 0x7A }
        let (scalar, _) = Tokenizer.decode(buf, at: i)
        return scalar.properties.isLowercase
    }

    static func trimmed(_ buf: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Range<Int>? {
        var s = s
        var e = e
        while s < e, TextBytes.spaceLength(buf, s) > 0 { s += TextBytes.spaceLength(buf, s) }
        while e > s {
            if buf[e - 1] == 0x20 || buf[e - 1] == 0x0A || buf[e - 1] == 0x09 || buf[e - 1] == 0x0D { e -= 1; continue }
            if e - 2 >= s && buf[e - 2] == 0xC2 && buf[e - 1] == 0xA0 { e -= 2; continue }
            break
        }
        return s < e ? s..<e : nil
    }
}
