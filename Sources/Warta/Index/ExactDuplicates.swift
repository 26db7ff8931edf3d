import Foundation

/// Articles printed again byte for byte: wire copy republished verbatim,
/// the same page scraped under two addresses. An index file stores such an
/// article's words, shapes and structure once, with its first occurrence
/// (docs/index-format.md, "Duplicates"); its metadata record stays its own.
enum ExactDuplicates {
    /// For each article, the first article before it with the same title
    /// and text (UTF-8 bytes), or -1. Articles are grouped by `hash` and
    /// compared byte for byte within a group, so two texts that share a
    /// hash are never taken for one.
    /// (`BuiltCorpus.firsts` holds the same, found while building.)
    static func originals(_ articles: [Article], hash: (Article) -> Int = fingerprint) -> [Int32] {
        originals(firsts: IdenticalTexts.firsts(count: articles.count, hash: { hash(articles[$0]) },
                                                same: { sameText(articles[$0], articles[$1]) }))
    }

    /// `firsts` (each article's first identical one, itself when none) as originals: -1 for itself.
    static func originals(firsts: [Int32]) -> [Int32] {
        firsts.indices.map { firsts[$0] == Int32($0) ? -1 : firsts[$0] }
    }

    /// Whether article `d` was analysed as article `o` was: the same words
    /// in each field, the same shapes, the same structure, so the streams
    /// written from them (the words, shapes and structure of docs/index-format.md,
    /// "Article blocks") are the same bytes. The analysis reads only the title
    /// and text, so an exact duplicate always is; this keeps a later change
    /// to it (one that read the language, say) from giving a copy its
    /// original's words.
    static func sameAnalysis(_ built: BuiltCorpus, _ d: Int, _ o: Int) -> Bool {
        guard d < built.structures.count, o < built.structures.count else { return false }
        // Shapes not built are made from the text, the same for both.
        let shapes = d < built.shapes.count && o < built.shapes.count
            ? built.shapes[d].title == built.shapes[o].title && built.shapes[d].text == built.shapes[o].text
            : d >= built.shapes.count && o >= built.shapes.count
        let a = built.structures[d], b = built.structures[o]
        return shapes && IndexedField.allCases.allSatisfy { built.index.forward($0, d).elementsEqual(built.index.forward($0, o)) }
            && a.paragraphs == b.paragraphs && a.sentences == b.sentences && a.quotes == b.quotes && a.entities == b.entities
    }

    /// A hash of an article's title and text bytes.
    static func fingerprint(_ a: Article) -> Int {
        IdenticalTexts.hash(a.title, a.text)
    }

    /// Whether two articles' titles and texts are the same bytes (not merely canonically equivalent strings).
    static func sameText(_ a: Article, _ b: Article) -> Bool {
        IdenticalTexts.sameBytes(a.title, b.title) && IdenticalTexts.sameBytes(a.text, b.text)
    }
}

/// The duplicates section of an index file read in place: u32 per
/// duplicate its ordinal (ascending), then u32 per duplicate the ordinal of
/// its first occurrence. An article is looked up by binary search.
struct DuplicateTable: Sendable {
    private let column: ValueColumn<UInt32>
    /// How many articles are stored as references.
    let count: Int

    /// No duplicates (also what a reader gets from a damaged section: the
    /// duplicates then read their own empty streams, which fail to decode).
    init() {
        column = .zeros(0)
        count = 0
    }

    /// The section of `storage`, verified; nil when damaged.
    init?(_ storage: IndexStorage) {
        let n = storage[.duplicates].count / 8
        guard storage[.duplicates].count == 8 * n else {
            storage.report("is damaged (section duplicates has a partial entry)")
            return nil
        }
        guard let column = ValueColumn<UInt32>.read(storage, .duplicates, count: 2 * n) else { return nil }
        self.column = column
        count = n
    }

    /// The first occurrence of article `doc` when it is a duplicate, else nil.
    func original(of doc: Int) -> Int? {
        var lo = 0, hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            let d = Int(column[mid])
            if d == doc { return Int(column[count + mid]) }
            if d < doc { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    /// Writes the section: `pairs` of (duplicate, original), sorted by duplicate.
    static func write(_ pairs: [(duplicate: Int, original: Int)], into w: inout ByteWriter) {
        for p in pairs { w.u32(UInt32(p.duplicate)) }
        for p in pairs { w.u32(UInt32(p.original)) }
    }
}
