/// The index as the builder makes it, in memory: what `IndexWriter` lays
/// out in an index file, and what the stemmer and the copy detector read
/// while the corpus is built.
struct BuiltIndex: Sendable {
    var documentCount: Int
    var termIDs: [String: UInt32]
    /// Every term by its id (ids in first-seen order).
    var termsByID: [String]
    /// `postings[field][termID]`.
    var postings: [[PostingList]]
    /// `fieldLengths[field][doc]`.
    var fieldLengths: [[UInt32]]
    /// The term id at each position of each field, all documents one after
    /// another; `forwardStarts[field][doc]` is where a document begins.
    var forwardTerms: [[UInt32]]
    var forwardStarts: [[Int]]
    /// Occurrences of each term over all fields, by id.
    var termFrequencies: [Int]
    /// Per term id: occurrences capitalised in mid-sentence.
    var capitalized: [Int]

    init(documentCount: Int, termIDs: [String: UInt32], postings: [[PostingList]], fieldLengths: [[UInt32]],
         forwardTerms: [[UInt32]], forwardStarts: [[Int]], capitalized: [Int]) {
        self.documentCount = documentCount
        self.termIDs = termIDs
        var byID = [String](repeating: "", count: termIDs.count)
        for (t, id) in termIDs { byID[Int(id)] = t }
        termsByID = byID
        self.postings = postings
        self.fieldLengths = fieldLengths
        self.forwardTerms = forwardTerms
        self.forwardStarts = forwardStarts
        var freqs = [Int](repeating: 0, count: termIDs.count)
        for f in forwardTerms { for id in f { freqs[Int(id)] += 1 } }
        termFrequencies = freqs
        self.capitalized = capitalized + [Int](repeating: 0, count: max(0, termIDs.count - capitalized.count))
    }

    /// The term ids of a field of a document, by position.
    func forward(_ field: IndexedField, _ doc: Int) -> ArraySlice<UInt32> {
        let starts = forwardStarts[field.rawValue]
        return forwardTerms[field.rawValue][starts[doc]..<starts[doc + 1]]
    }

    /// Words in all fields of all documents.
    var totalWords: Int { forwardTerms.reduce(0) { $0 + $1.count } }
}

/// Builds the index from the texts of documents added in order.
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

    /// Appends the index of the documents that follow these: terms new to
    /// this one are numbered in the order `other` met them, so the ids are
    /// those one builder adding every document would have given.
    mutating func append(_ other: IndexBuilder) {
        let shift = UInt32(documentCount)
        var byID = [String](repeating: "", count: other.termIDs.count)
        for (t, id) in other.termIDs { byID[Int(id)] = t }
        let remap = byID.map { term -> UInt32 in
            if let known = termIDs[term] { return known }
            let id = UInt32(termIDs.count)
            termIDs[term] = id
            for f in 0..<postings.count { postings[f].append(PostingList()) }
            return id
        }
        for f in 0..<postings.count {
            for (old, list) in other.postings[f].enumerated() where list.count > 0 {
                postings[f][Int(remap[old])].append(list, shiftedBy: shift)
            }
            fieldLengths[f] += other.fieldLengths[f]
            let base = forwardTerms[f].count
            forwardTerms[f] += other.forwardTerms[f].map { remap[Int($0)] }
            forwardStarts[f] += other.forwardStarts[f].dropFirst().map { $0 + base }
        }
        for (old, n) in other.capitalized.enumerated() where n > 0 {
            let id = Int(remap[old])
            if capitalized.count <= id { capitalized += [Int](repeating: 0, count: id + 1 - capitalized.count) }
            capitalized[id] += n
        }
        documentCount += other.documentCount
    }

    /// The index in memory.
    func finish() -> BuiltIndex {
        BuiltIndex(documentCount: documentCount, termIDs: termIDs, postings: postings, fieldLengths: fieldLengths,
                   forwardTerms: forwardTerms, forwardStarts: forwardStarts, capitalized: capitalized)
    }

    /// The index laid out as an index file in memory and read through its views.
    func build() -> InvertedIndex {
        let bytes = IndexWriter.write(BuiltCorpus(index: finish()), checksums: false)
        return try! InvertedIndex(storage: IndexStorage.memory(bytes))
    }
}
