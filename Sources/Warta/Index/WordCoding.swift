import Foundation

/// A title or body stored as its words: the term of each word (the forward
/// index, which collocations and stories read anyway) and a *shape* that
/// gives back the exact bytes — the bytes between words, and how each word
/// is written when that is not simply its folded term. Indonesian news is
/// mostly lower-case words and single spaces, so the shape is a few bits a
/// word once deflated, and the text costs little more than its forward index.
///
/// The shape, per word: the bytes before it (varint count and bytes), then
/// how it is written: 0 as its term, 1 its term with the first letter in
/// capitals (ASCII), 2 its term in capitals (ASCII), 3 as the bytes that
/// follow (varint count and bytes). Then the bytes after the last word.
enum WordCoding {
    static let asTerm: UInt8 = 0, capitalized: UInt8 = 1, upperCase: UInt8 = 2, literal: UInt8 = 3

    /// The shape of `text`, whose words are `words` (from `TokenizedText(text)`).
    static func shape(of text: String, words: TokenizedText) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var w = ByteWriter()
            w.bytes.reserveCapacity(2 * words.terms.count + 16)
            var previous = 0
            for (i, term) in words.terms.enumerated() {
                let start = Int(words.starts[i]), end = Int(words.ends[i])
                w.varint(start - previous)
                w.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[previous..<start]))
                let surface = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let how = writing(surface, term)
                w.u8(how)
                if how == literal {
                    w.varint(surface.count)
                    w.bytes.append(contentsOf: surface)
                }
                previous = end
            }
            w.varint(bytes.count - previous)
            w.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[previous..<bytes.count]))
            return w.bytes
        }
    }

    /// How `surface` is written with respect to its folded `term`.
    private static func writing(_ surface: UnsafeBufferPointer<UInt8>, _ term: String) -> UInt8 {
        var term = term
        return term.withUTF8 { t in
            guard t.count == surface.count else { return literal }
            if memcmp(t.baseAddress!, surface.baseAddress!, t.count) == 0 { return asTerm }
            for how in [capitalized, upperCase] {
                var same = true
                for k in 0..<t.count where written(t[k], how, first: k == 0) != surface[k] {
                    same = false
                    break
                }
                if same { return how }
            }
            return literal
        }
    }

    /// A byte of a term as written in capitals (only ASCII letters change).
    @inline(__always)
    private static func written(_ b: UInt8, _ how: UInt8, first: Bool) -> UInt8 {
        guard how == upperCase || (how == capitalized && first), b >= 0x61, b <= 0x7A else { return b }
        return b - 0x20
    }

    /// The text given back from its words (`count` term numbers read from
    /// `words`) and its shape; nil when the bytes do not decode.
    /// - Parameter term: the UTF-8 bytes of the term a number stands for, nil for no such number.
    static func text(words: inout ByteReader, shape: inout ByteReader,
                     term: (UInt64) -> UnsafeRawBufferPointer?) -> String? {
        let n = words.count()
        var out: [UInt8] = []
        out.reserveCapacity(shape.end - shape.position + 8 * n)
        func copy(_ r: inout ByteReader) -> Bool {
            let k = r.count()
            guard !r.failed else { return false }
            out.append(contentsOf: UnsafeRawBufferPointer(start: r.base + r.position, count: k))
            r.position += k
            return true
        }
        for _ in 0..<n {
            guard copy(&shape) else { return nil }
            let number = words.varint()
            let how = shape.u8()
            guard !words.failed, !shape.failed, how <= literal else { return nil }
            if how == literal {
                guard copy(&shape) else { return nil }
                continue
            }
            guard let t = term(number) else { return nil }
            let at = out.count
            out.append(contentsOf: t)
            if how != asTerm {
                for k in at..<out.count { out[k] = written(out[k], how, first: k == at) }
            }
        }
        guard copy(&shape) else { return nil }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The shapes of an article's title and body (`WordCoding`), made while it
/// is analysed, where its words are at hand.
struct ArticleShape: Sendable {
    var title: [UInt8]
    var text: [UInt8]

    init(_ a: Article, title: TokenizedText, text: TokenizedText) {
        self.title = WordCoding.shape(of: a.title, words: title)
        self.text = WordCoding.shape(of: a.text, words: text)
    }

    /// The shapes of an article not analysed here.
    init(_ a: Article) {
        self.init(a, title: TokenizedText(a.title), text: TokenizedText(a.text))
    }
}
