import Foundation
import Warta

/// One article as the `articles` table stores it: its fields, and what warta's
/// own analysis made of them, so that PostgreSQL never tokenizes or folds.
///
/// The `tsvector` of each field is written literally from warta's tokens and
/// positions (`'jokowi':3,17`), so phrases, `near` and folding match the
/// native index exactly; term frequencies go beside it in `jsonb`, for BM25
/// and `at least N times` (a tsvector keeps at most 256 positions of a word).
struct ArticleRow {
    /// Column names, in the order of `values`.
    static let columns = ["id", "ordinal", "hash", "title", "text", "raw", "date", "dates", "source", "url", "lang",
                          "fields", "keys", "words", "buckets", "title_len", "text_len", "title_tf", "text_tf",
                          "title_tsv", "text_tsv"]
    /// SQL types of the columns, for the casts of the bound parameters.
    static let types = ["text", "bigint", "text", "text", "text", "text", "integer", "integer[]", "text", "text", "text",
                        "jsonb", "jsonb", "jsonb", "jsonb", "integer", "integer", "jsonb", "jsonb", "tsvector", "tsvector"]

    /// PostgreSQL's limits on a tsvector: positions above this are clamped, …
    static let maxPosition = 16383
    /// … a word keeps at most this many positions, …
    static let maxPositionsPerWord = 256
    /// … and a word may be at most this long (bytes).
    static let maxWordBytes = 2046

    var values: [String?]
    var titleLength: Int
    var textLength: Int

    /// The row of `a`, numbered `ordinal`.
    /// - Throws: when a field is too long for a tsvector to hold its positions exactly.
    init(_ a: Article, ordinal: Int) throws {
        if ([a.id, a.title, a.text, a.raw, a.source ?? "", a.url ?? "", a.lang ?? ""] + a.fields.flatMap { [$0.key, $0.value] })
            .contains(where: { $0.utf8.contains(0) }) {
            throw PostgresError("article \(a.id): it holds a NUL character, which PostgreSQL text cannot")
        }
        let title = Tokenizer.terms(a.title), text = Tokenizer.terms(a.text)
        titleLength = title.count
        textLength = text.count
        var keys: [String: String] = [:], words: [String: String] = [:]
        func add(_ name: String, _ value: String?) {
            guard let value else { return }
            keys[name] = ArticleRow.sortKey(value)
            // As written, for the spelling a group shows.
            keys["~" + name] = value
            words[name] = " " + Tokenizer.terms(value).joined(separator: " ") + " "
        }
        add("id", a.id)
        keys["=id"] = ArticleRow.hex(a.id)
        add("title", a.title)
        add("source", a.source)
        add("url", a.url)
        add("lang", a.lang)
        for (k, v) in a.fields { add("m:" + k, v) }
        var buckets: [String: JSONText] = [:]
        if let d = a.date {
            buckets["date"] = .object(Schema.dateBuckets.map { ($0, .string(d.label(bucket: $0))) })
        }
        buckets["dates"] = .object(Schema.dateBuckets.map { b in
            (b, .array(Array(Set(a.dates.map { $0.label(bucket: b) })).sorted().map(JSONText.string)))
        })
        values = [
            a.id, String(ordinal), ArticleRow.hash(a), a.title, a.text, a.raw,
            a.date.map { String($0.ordinal) },
            "{" + a.dates.map { String($0.ordinal) }.joined(separator: ",") + "}",
            a.source, a.url, a.lang,
            JSONText.object(a.fields.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).text,
            JSONText.object(keys.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).text,
            JSONText.object(words.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }).text,
            JSONText.object(buckets.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }).text,
            String(title.count), String(text.count),
            ArticleRow.frequencies(title), ArticleRow.frequencies(text),
            try ArticleRow.tsvector(title, field: "title", id: a.id),
            try ArticleRow.tsvector(text, field: "text", id: a.id),
        ]
    }

    /// The form strings are compared and sorted in: lower case as Swift makes
    /// it (the native engine's rule), in NFC so that byte order (`COLLATE "C"`)
    /// is the order of Swift's string comparison.
    ///
    /// Stored as the hexadecimal of its UTF-8 bytes: hex digits sort the same
    /// under every collation, so comparisons and ORDER BY need no `COLLATE`
    /// (which postgres_fdw would not ship to a shard).
    static func sortKey(_ s: String) -> String {
        hex(s.lowercased().precomposedStringWithCanonicalMapping)
    }

    /// The hexadecimal of the UTF-8 bytes.
    static func hex(_ s: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 2)
        for b in s.utf8 { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `{"jokowi": 2, …}`: how often each word occurs in a field.
    static func frequencies(_ terms: [String]) -> String {
        var tf: [String: Int] = [:]
        for t in terms { tf[t, default: 0] += 1 }
        return JSONText.object(tf.sorted { $0.key < $1.key }.map { ($0.key, .number($0.value)) }).text
    }

    /// `'jokowi':3,17 'presiden':2`: the field's words at their positions (from 1).
    static func tsvector(_ terms: [String], field: String, id: String) throws -> String {
        var positions: [String: [Int]] = [:]
        for (i, t) in terms.enumerated() { positions[t, default: []].append(i + 1) }
        if terms.count > maxPosition {
            throw PostgresError("article \(id): its \(field) has \(terms.count) words; PostgreSQL's tsvector keeps positions only up to \(maxPosition), so phrases could not match exactly")
        }
        var out = ""
        for (t, ps) in positions.sorted(by: { $0.key < $1.key }) {
            if ps.count > maxPositionsPerWord {
                throw PostgresError("article \(id): '\(t)' occurs \(ps.count) times in its \(field); PostgreSQL's tsvector keeps at most \(maxPositionsPerWord) positions of a word")
            }
            if t.utf8.count > maxWordBytes {
                throw PostgresError("article \(id): a word of \(t.utf8.count) bytes in its \(field) is longer than a tsvector holds")
            }
            if !out.isEmpty { out += " " }
            out += lexeme(t) + ":" + ps.map(String.init).joined(separator: ",")
        }
        return out
    }

    /// A word quoted for tsvector and tsquery input: `'it''s'`, backslashes doubled.
    static func lexeme(_ t: String) -> String {
        "'" + t.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// What tells a changed article from an unchanged one: FNV-1a (two 64-bit
    /// lanes) over every field warta found, and the schema version.
    static func hash(_ a: Article) -> String {
        var parts: [String] = ["v\(PostgresSchema.version)", a.id, a.title, a.text, a.raw,
                               a.date.map { String($0.ordinal) } ?? "-", a.dates.map { String($0.ordinal) }.joined(separator: ","),
                               a.source ?? "\u{1}", a.url ?? "\u{1}", a.lang ?? "\u{1}"]
        for (k, v) in a.fields.sorted(by: { $0.key < $1.key }) { parts += [k, v] }
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325, h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for p in parts {
            for b in p.utf8 + [0] {
                h1 = (h1 ^ UInt64(b)) &* 0x100_0000_01b3
                h2 = (h2 &+ UInt64(b)) &* 0x9E37_79B9_7F4A_7C15
                h2 ^= h2 >> 29
            }
        }
        return String(h1, radix: 16) + String(h2, radix: 16)
    }
}

/// Just enough JSON to write jsonb values.
indirect enum JSONText {
    case string(String)
    case number(Int)
    case array([JSONText])
    case object([(String, JSONText)])

    var text: String {
        switch self {
        case .string(let s): return JSONText.quote(s)
        case .number(let n): return String(n)
        case .array(let items): return "[" + items.map(\.text).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONText.quote($0.0) + ":" + $0.1.text }.joined(separator: ",") + "}"
        }
    }

    /// A JSON string literal, escaped as warta's JSON output escapes it.
    static func quote(_ s: String) -> String { Value.jsonLiteral(s) }
}
