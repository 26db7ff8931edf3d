/// A text field the index keeps positional postings for. A phrase never spans
/// two fields, so each field has its own postings and positions.
public enum IndexedField: Int, CaseIterable, Sendable {
    /// The headline.
    case title = 0
    /// The cleaned body.
    case text = 1

    /// The field's name in the query language.
    public var name: String { self == .title ? "title" : "text" }
}

/// A positional inverted index over the title and body of every article.
///
/// Immutable once built and shared by every query (`Sendable`). The term
/// dictionary is shared by the fields; a term absent from a field has an
/// empty posting list there.
public final class InvertedIndex: Sendable {
    /// Number of documents (articles); ordinals run 0..<documentCount.
    public let documentCount: Int
    let termIDs: [String: UInt32]
    /// Every term in ascending order, for prefix expansion.
    let sortedTerms: [String]
    /// Every term by its id.
    let termsByID: [String]
    /// `postings[field][termID]`.
    let postings: [[PostingList]]
    /// `fieldLengths[field][doc]`: words in that field of that document.
    let fieldLengths: [[UInt32]]
    /// The forward index: the term id at each position of each field, all
    /// documents one after another; `forwardStarts[field][doc]` is where a
    /// document begins. Collocations and near-duplicate detection read it.
    let forwardTerms: [[UInt32]]
    let forwardStarts: [[Int]]
    /// Occurrences of each term over all fields, by id.
    let termFrequencies: [Int]
    /// Words in all fields of all documents.
    let totalWords: Int

    init(documentCount: Int, termIDs: [String: UInt32], postings: [[PostingList]], fieldLengths: [[UInt32]],
         forwardTerms: [[UInt32]], forwardStarts: [[Int]]) {
        self.documentCount = documentCount
        self.termIDs = termIDs
        self.sortedTerms = termIDs.keys.sorted()
        var byID = [String](repeating: "", count: termIDs.count)
        for (t, id) in termIDs { byID[Int(id)] = t }
        self.termsByID = byID
        self.postings = postings
        self.fieldLengths = fieldLengths
        self.forwardTerms = forwardTerms
        self.forwardStarts = forwardStarts
        var freqs = [Int](repeating: 0, count: termIDs.count)
        for f in forwardTerms { for id in f { freqs[Int(id)] += 1 } }
        termFrequencies = freqs
        totalWords = forwardTerms.reduce(0) { $0 + $1.count }
    }

    /// The term ids of a field of a document, by position.
    func forward(_ field: IndexedField, _ doc: Int) -> ArraySlice<UInt32> {
        let starts = forwardStarts[field.rawValue]
        return forwardTerms[field.rawValue][starts[doc]..<starts[doc + 1]]
    }

    /// Number of distinct terms.
    public var termCount: Int { termIDs.count }

    /// The posting list of an already folded term in a field (empty when absent).
    public func postings(for term: String, in field: IndexedField) -> PostingList {
        guard let id = termIDs[term] else { return PostingList() }
        return postings[field.rawValue][Int(id)]
    }

    /// All terms starting with the folded `prefix`, ascending.
    public func terms(withPrefix prefix: String) -> ArraySlice<String> {
        var lo = 0, hi = sortedTerms.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sortedTerms[mid] < prefix { lo = mid + 1 } else { hi = mid }
        }
        var end = lo
        while end < sortedTerms.count && sortedTerms[end].hasPrefix(prefix) { end += 1 }
        return sortedTerms[lo..<end]
    }

    /// Average length of a field over all documents (for BM25).
    public func averageLength(of field: IndexedField) -> Double {
        let lengths = fieldLengths[field.rawValue]
        guard !lengths.isEmpty else { return 0 }
        var total = 0
        for l in lengths { total += Int(l) }
        return Double(total) / Double(lengths.count)
    }
}

/// Builds an `InvertedIndex` from the texts of documents added in order.
struct IndexBuilder {
    private var termIDs: [String: UInt32] = [:]
    private var postings: [[PostingList]] = Array(repeating: [], count: IndexedField.allCases.count)
    private var fieldLengths: [[UInt32]] = Array(repeating: [], count: IndexedField.allCases.count)
    private var documentCount = 0
    /// Per term id: occurrences capitalised in mid-sentence (for the stemmer's names).
    private(set) var capitalized: [Int] = []
    private var forwardTerms: [[UInt32]] = Array(repeating: [], count: IndexedField.allCases.count)
    private var forwardStarts: [[Int]] = Array(repeating: [0], count: IndexedField.allCases.count)

    /// Adds the next document; returns its ordinal.
    @discardableResult
    mutating func add(fields texts: [IndexedField: String]) -> UInt32 {
        let doc = UInt32(documentCount)
        documentCount += 1
        for field in IndexedField.allCases {
            var position: UInt32 = 0
            if let text = texts[field] {
                Tokenizer.forEachWord(text) { term, _ in
                    add(term: term, field: field, doc: doc, position: position)
                    position += 1
                }
            }
            fieldLengths[field.rawValue].append(position)
            forwardStarts[field.rawValue].append(forwardTerms[field.rawValue].count)
        }
        return doc
    }

    /// Adds a document whose words are already folded, per field, with the
    /// positions of the body where a word was capitalised mid-sentence.
    @discardableResult
    mutating func add(terms: [[String]], capitalizedInText: [Int32]) -> UInt32 {
        let doc = add(terms: terms)
        let base = forwardStarts[IndexedField.text.rawValue][Int(doc)]
        for p in capitalizedInText {
            let id = Int(forwardTerms[IndexedField.text.rawValue][base + Int(p)])
            if capitalized.count <= id { capitalized += [Int](repeating: 0, count: id + 1 - capitalized.count) }
            capitalized[id] += 1
        }
        return doc
    }

    /// Adds a document whose words are already folded, per field.
    @discardableResult
    mutating func add(terms: [[String]]) -> UInt32 {
        let doc = UInt32(documentCount)
        documentCount += 1
        for field in IndexedField.allCases {
            let words = field.rawValue < terms.count ? terms[field.rawValue] : []
            for (p, term) in words.enumerated() {
                add(term: term, field: field, doc: doc, position: UInt32(p))
            }
            fieldLengths[field.rawValue].append(UInt32(words.count))
            forwardStarts[field.rawValue].append(forwardTerms[field.rawValue].count)
        }
        return doc
    }

    private mutating func add(term: String, field: IndexedField, doc: UInt32, position: UInt32) {
        let id: UInt32
        if let known = termIDs[term] {
            id = known
        } else {
            id = UInt32(termIDs.count)
            termIDs[term] = id
            for f in 0..<postings.count { postings[f].append(PostingList()) }
        }
        postings[field.rawValue][Int(id)].add(doc: doc, position: position)
        forwardTerms[field.rawValue].append(id)
    }

    func build() -> InvertedIndex {
        InvertedIndex(documentCount: documentCount, termIDs: termIDs, postings: postings, fieldLengths: fieldLengths,
                      forwardTerms: forwardTerms, forwardStarts: forwardStarts)
    }
}
