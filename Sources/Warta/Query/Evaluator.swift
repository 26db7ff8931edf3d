import Foundation

/// Runs checked queries over the native index: turns conditions into posting
/// iterators, ranks with BM25, sorts, limits and projects.
///
/// The checked statement knows nothing of posting lists; this is where the
/// native executor turns it into its own work. A database executor would
/// turn the same `CheckedQuery` into SQL.
struct Evaluator {
    let corpus: Corpus
    /// Named sets: ascending ordinals.
    let sets: [String: [Int]]
    /// Polled in every loop that grows with the corpus.
    var stop: StopSignal = .never
    /// From which similarity two bodies are one story.
    var storyThreshold = StoryDetector.defaultThreshold

    /// Above this many expansions a prefix is merged into one posting list
    /// rather than unioned term by term at query time.
    static let prefixUnionLimit = 32

    // MARK: - Matching articles

    /// Ascending ordinals of the articles matching `condition` (read at
    /// article level), within a named set if given.
    func matchingDocuments(_ condition: Condition, within set: String? = nil) -> [Int] {
        var s = matchSet(condition)
        if let set { s.formIntersection(setBits(set)) }
        return s.documents
    }

    /// The articles a query reads: its condition at article level, within
    /// its set and its `within` scope.
    func matchingDocuments(_ q: CheckedQuery) -> [Int] {
        matchingSet(q).documents
    }

    /// A condition on articles that every article holding a matching
    /// paragraph, sentence or quote satisfies: the unit's own predicates are
    /// relaxed to what they imply about the article.
    static func articleLevel(_ c: Condition) -> Condition {
        switch c {
        case .and(let ps): return .and(ps.map(articleLevel))
        case .or(let ps): return .or(ps.map(articleLevel))
        case .not(let inner): return inner.readsUnit ? .all : .not(articleLevel(inner))
        case .text(var s):
            s.scope = .article
            return .text(s)
        case .entity(var e):
            e.scope = .article
            return .entity(e)
        case .compare(let col, let op, let v): return col.isArticleColumn ? .compare(col.articleColumn, op, v) : .all
        case .dateRange(let col, let lo, let hi): return col.isArticleColumn ? .dateRange(col.articleColumn, lower: lo, upper: hi) : .all
        case .dateListContains(let col, let lo, let hi): return col.isArticleColumn ? .dateListContains(col.articleColumn, lower: lo, upper: hi) : .all
        case .isNull(let col): return col.isArticleColumn ? .isNull(col.articleColumn) : .all
        case .columnWords(let col, let w): return col.isArticleColumn ? .columnWords(col.articleColumn, w) : .all
        case .regex(let cols, let p, let ci):
            return cols.allSatisfy(\.isArticleColumn) ? .regex(cols.map(\.articleColumn), pattern: p, caseInsensitive: ci) : .all
        case .all: return .all
        }
    }

    func iterator(for c: Condition) -> DocIterator {
        let n = corpus.articles.count
        switch c {
        case .all:
            return AllDocsIterator(count: n)
        case .and(let parts):
            var positive: [DocIterator] = []
            var negative: [DocIterator] = []
            for p in parts {
                if case .not(let inner) = p { negative.append(iterator(for: inner)) } else if case .all = p {} else { positive.append(iterator(for: p)) }
            }
            var it: DocIterator = positive.isEmpty ? AllDocsIterator(count: n) : (positive.count == 1 ? positive[0] : ConjunctionIterator(positive))
            for e in negative { it = ExclusionIterator(required: it, excluded: e) }
            return it
        case .or(let parts):
            if parts.contains(where: { if case .all = $0 { return true } else { return false } }) { return AllDocsIterator(count: n) }
            return DisjunctionIterator(parts.map(iterator(for:)))
        case .not(let inner):
            return ExclusionIterator(required: AllDocsIterator(count: n), excluded: iterator(for: inner))
        case .text(let search):
            return textIterator(search)
        case .entity(let e):
            return entityIterator(e)
        default:
            return AllDocsIterator(count: n, check: articleCheck(c))
        }
    }

    /// Articles mentioning an entity: its own postings, one per field.
    func entityIterator(_ e: EntitySearch) -> DocIterator {
        guard let id = corpus.entityIDs[e.name] else { return EmptyIterator() }
        let fields: [IndexedField] = e.scope == .unit ? [.text] : IndexedField.allCases
        let lists = fields.map { corpus.entityPostings[$0.rawValue][Int(id)] }.filter { $0.count > 0 }
        if lists.isEmpty { return EmptyIterator() }
        return FrequencyIterator(lists.map(PostingIterator.init), minimum: e.minimumCount)
    }

    func textIterator(_ s: TextSearch) -> DocIterator {
        let phrases = phraseIterators(s)
        if phrases.isEmpty { return EmptyIterator() }
        if s.minimumCount > 1 && s.scope == .article { return MinimumCountIterator(phrases: phrases, minimum: s.minimumCount) }
        return phrases.count == 1 ? phrases[0] : DisjunctionIterator(phrases)
    }

    /// One phrase iterator per field the search can match in.
    func phraseIterators(_ s: TextSearch) -> [PhraseIterator] {
        var phrases: [PhraseIterator] = []
        for field in s.fields {
            guard let first = slots(s.phrase, field) else { continue }
            if let near = s.near {
                guard let second = slots(near.phrase, field) else { continue }
                phrases.append(PhraseIterator(slots: first + second, near: (first.count, near.distance)))
            } else {
                phrases.append(PhraseIterator(slots: first))
            }
        }
        return phrases
    }

    /// One slot per word; nil when a word occurs nowhere in the field.
    private func slots(_ phrase: [WordPattern], _ field: IndexedField) -> [[PostingIterator]]? {
        var out: [[PostingIterator]] = []
        for w in phrase {
            let lists = postings(w, field)
            if lists.isEmpty { return nil }
            out.append(lists.map(PostingIterator.init))
        }
        return out
    }

    func postings(_ w: WordPattern, _ field: IndexedField) -> [PostingList] {
        switch w {
        case .exact(let t):
            let l = corpus.index.postings(for: t, in: field)
            return l.count == 0 ? [] : [l]
        case .prefix(let p):
            let lists = corpus.index.terms(withPrefix: p).map { corpus.index.postings(for: $0, in: field) }.filter { $0.count > 0 }
            if lists.count <= Evaluator.prefixUnionLimit { return lists }
            return [PostingList.merging(lists)]
        case .stem(let word):
            let lists = corpus.wordForms(sameStemAs: word).map { corpus.index.postings(for: $0, in: field) }.filter { $0.count > 0 }
            if lists.count <= Evaluator.prefixUnionLimit { return lists }
            return [PostingList.merging(lists)]
        }
    }

    // MARK: - Column filters

    /// A per-article check for a condition on article columns.
    func articleCheck(_ c: Condition) -> (Int) -> Bool {
        let corpus = self.corpus
        if case .dateRange(let col, let lower, let upper) = c, col.articleColumn == .date {
            let lo = lower ?? Int32.min + 1, hi = upper ?? Int32.max
            let dates = corpus.dateColumn
            return { d in let v = dates[d]; return v != Int32.min && v >= lo && v <= hi }
        }
        let check = Evaluator.valueCheck(c)
        return { d in check { Projection.value($0.articleColumn, corpus, d, score: nil) } }
    }

    /// A check of one leaf condition against a row, given a way to read the row's columns.
    static func valueCheck(_ c: Condition) -> (_ value: (Column) -> Value) -> Bool {
        switch c {
        case .dateRange(let col, let lower, let upper):
            let lo = lower ?? Int32.min + 1, hi = upper ?? Int32.max
            return { read in
                if case .date(let day) = read(col) { let o = day.ordinal; return o >= lo && o <= hi }
                return false
            }
        case .dateListContains(let col, let lo, let hi):
            return { read in
                if case .dates(let ds) = read(col) { return ds.contains { let o = $0.ordinal; return o >= lo && o <= hi } }
                return false
            }
        case .isNull(let col):
            return { read in
                switch read(col) {
                case .null: return true
                case .dates(let ds): return ds.isEmpty
                case .strings(let ss): return ss.isEmpty
                default: return false
                }
            }
        case .compare(let col, let op, let value):
            return { read in Evaluator.compare(read(col), op, value) }
        case .columnWords(let col, let words):
            return { read in
                switch read(col) {
                case .string(let s): return Evaluator.containsWords(Tokenizer.terms(s), words)
                case .strings(let ss): return ss.contains { Evaluator.containsWords(Tokenizer.terms($0), words) }
                default: return false
                }
            }
        case .regex(let cols, let pattern, let ci):
            guard let re = try? LinearRegex(pattern, caseInsensitive: ci) else { return { _ in false } }
            return { read in
                for col in cols {
                    if case .string(var s) = read(col), s.withUTF8({ re.matches(in: $0) }) { return true }
                }
                return false
            }
        default:
            return { _ in false }
        }
    }

    static func compare(_ v: Value, _ op: ComparisonOperator, _ target: ScalarValue) -> Bool {
        let order: Int
        switch (v, target) {
        case (.integer(let a), .integer(let b)):
            order = a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)):
            let x = a.lowercased(), y = b.lowercased()
            order = x < y ? -1 : (x > y ? 1 : 0)
        case (.string(let a), .integer(let b)):
            let x = a.lowercased(), y = String(b)
            order = x < y ? -1 : (x > y ? 1 : 0)
        case (.strings(let list), _):
            // A list equals a value when it holds it (aliases = "Korut").
            let hit = list.contains { compare(.string($0), .equal, target) }
            return op == .equal ? hit : (op == .notEqual ? !hit : false)
        default:
            return false  // null compares with nothing
        }
        switch op {
        case .equal: return order == 0
        case .notEqual: return order != 0
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        case .greaterEqual: return order >= 0
        }
    }

    static func containsWords(_ terms: [String], _ words: [String]) -> Bool {
        guard !words.isEmpty, terms.count >= words.count else { return words.isEmpty }
        for start in 0...(terms.count - words.count) {
            var ok = true
            for k in 0..<words.count where terms[start + k] != words[k] { ok = false; break }
            if ok { return true }
        }
        return false
    }
}

extension Condition {
    /// Whether it reads a paragraph, sentence or quote rather than only its article.
    var readsUnit: Bool {
        switch self {
        case .and(let ps), .or(let ps): return ps.contains { $0.readsUnit }
        case .not(let c): return c.readsUnit
        case .text(let s): return s.scope == .unit
        case .entity(let e): return e.scope == .unit
        case .compare(let c, _, _), .isNull(let c), .columnWords(let c, _), .dateRange(let c, _, _), .dateListContains(let c, _, _):
            return !c.isArticleColumn
        case .regex(let cs, _, _): return cs.contains { !$0.isArticleColumn }
        case .all: return false
        }
    }
}

extension Column {
    /// Whether a sub-unit row reads it from its article (`article.date`).
    var isArticleColumn: Bool {
        if case .article = self { return true }
        return false
    }

    /// The article's own column: `article.date` is `date`.
    var articleColumn: Column {
        if case .article(let c) = self { return c }
        return self
    }
}

/// Iterates a sorted array of ordinals (a named set).
final class ArrayDocIterator: DocIterator {
    let docs: [Int]
    private var i = -1

    init(_ docs: [Int]) { self.docs = docs }

    override func next() -> Int {
        i += 1
        doc = i < docs.count ? docs[i] : noMoreDocs
        return doc
    }

    override var cost: Int { docs.count }
}

extension PostingList {
    /// One list holding every occurrence of several (a prefix's expansions).
    static func merging(_ lists: [PostingList]) -> PostingList {
        var pairs: [(UInt32, UInt32)] = []
        for l in lists {
            for i in 0..<l.docs.count {
                for p in l.positions(at: i) { pairs.append((l.docs[i], p)) }
            }
        }
        pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var out = PostingList()
        for (d, p) in pairs { out.add(doc: d, position: p) }
        return out
    }
}

/// Documents where posting lists occur at least `minimum` times together.
final class FrequencyIterator: FilteringIterator {
    let lists: [PostingIterator]
    let minimum: Int

    init(_ lists: [PostingIterator], minimum: Int) {
        self.lists = lists
        self.minimum = minimum
        super.init(approximation: lists.count == 1 ? lists[0] : DisjunctionIterator(lists))
    }

    override func matches() -> Bool {
        guard minimum > 1 else { return true }
        var n = 0
        for l in lists where l.doc == doc { n += l.frequency }
        return n >= minimum
    }
}
