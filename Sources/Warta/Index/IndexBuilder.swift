import Dispatch

/// The index as the builder makes it, in memory: what `IndexWriter` lays
/// out in an index file, and what the stemmer and the copy detector read
/// while the corpus is built.
struct BuiltIndex: Sendable {
    var documentCount: Int
    /// The builder's term table: a term's id (`TermNumbers.existingID`).
    var termIDs: TermNumbers
    /// Every term by its id (ids in first-seen order).
    var termsByID: [String]
    /// The posting lists of each field, by term id.
    var postings: [FlatPostings]
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

    init(documentCount: Int, termIDs: TermNumbers, termsByID: [String], postings: [FlatPostings], fieldLengths: [[UInt32]],
         forwardTerms: [[UInt32]], forwardStarts: [[Int]], capitalized: [Int], termFrequencies: [Int]) {
        self.documentCount = documentCount
        self.termIDs = termIDs
        self.termsByID = termsByID
        self.postings = postings
        self.fieldLengths = fieldLengths
        self.forwardTerms = forwardTerms
        self.forwardStarts = forwardStarts
        self.termFrequencies = termFrequencies
        self.capitalized = capitalized
    }

    /// The term ids of a field of a document, by position.
    func forward(_ field: IndexedField, _ doc: Int) -> ArraySlice<UInt32> {
        let starts = forwardStarts[field.rawValue]
        return forwardTerms[field.rawValue][starts[doc]..<starts[doc + 1]]
    }

    /// Words in all fields of all documents.
    var totalWords: Int { forwardTerms.reduce(0) { $0 + $1.count } }
}

/// The posting lists of one field as the builder makes them: every term's
/// in one set of arrays, never a list of its own. Term `t`'s documents are
/// `docs[docStarts[t] ..< docStarts[t + 1]]`, with their frequencies in
/// `freqs` beside them; its positions, document after document, are
/// `positions[positionStarts[t] ..< positionStarts[t + 1]]`.
struct FlatPostings: Sendable {
    var docStarts: [Int]
    var docs: [UInt32]
    var freqs: [UInt32]
    var positionStarts: [Int]
    var positions: [UInt32]

    /// How many terms there are.
    var count: Int { docStarts.count - 1 }

    /// `terms` lists made by a counting sort of the (document, term, position) entries that
    /// `entries` hands its argument, in document order and in each document in the order
    /// the positions are to be kept: what adding them one by one would make, every list filled
    /// in place. `entries` is called twice (counting, then filling) and must give the same both times.
    static func counting(terms count: Int, entries: ((_ doc: Int, _ term: Int, _ position: UInt32) -> Void) -> Void) -> FlatPostings {
        var positionAt = [Int](repeating: 0, count: count + 1), docAt = positionAt
        var lastDoc = [Int32](repeating: -1, count: count)
        entries { d, t, _ in
            positionAt[t + 1] += 1
            if lastDoc[t] != Int32(d) { lastDoc[t] = Int32(d); docAt[t + 1] += 1 }
        }
        for t in 0..<count {
            positionAt[t + 1] += positionAt[t]
            docAt[t + 1] += docAt[t]
        }
        var docs = [UInt32](repeating: 0, count: docAt[count]), freqs = docs
        var positions = [UInt32](repeating: 0, count: positionAt[count])
        var nextPosition = positionAt, nextDoc = docAt
        lastDoc = [Int32](repeating: -1, count: count)
        entries { d, t, position in
            if lastDoc[t] != Int32(d) {
                lastDoc[t] = Int32(d)
                docs[nextDoc[t]] = UInt32(d)
                nextDoc[t] += 1
            }
            freqs[nextDoc[t] - 1] += 1
            positions[nextPosition[t]] = position
            nextPosition[t] += 1
        }
        return FlatPostings(docStarts: docAt, docs: docs, freqs: freqs, positionStarts: positionAt, positions: positions)
    }

    /// The entities' posting lists of every field (by `IndexedField`), by entity id (`count` of
    /// them), made from the articles' mentions (one position, the mention's first word, a mention).
    static func ofEntities(in structures: [ArticleStructure], count: Int) -> [FlatPostings] {
        IndexedField.allCases.map { field in
            counting(terms: count) { entry in
                for d in structures.indices {
                    structures[d].entities.withUnsafeBufferPointer { mentions in
                        for e in mentions where e.field == field { entry(d, Int(e.entity), UInt32(e.tokens.lowerBound)) }
                    }
                }
            }
        }
    }

    /// Term `t`'s list, as a list of its own.
    func list(_ t: Int) -> PostingList {
        let d = docStarts[t]..<docStarts[t + 1]
        var starts = [UInt32](repeating: 0, count: d.count + 1)
        for (i, k) in d.enumerated() { starts[i + 1] = starts[i] + freqs[k] }
        return PostingList(docs: Array(docs[d]), freqs: Array(freqs[d]), positionStarts: starts,
                           positions: Array(positions[positionStarts[t]..<positionStarts[t + 1]]))
    }

    /// Appends term `t`'s record (what `PostingList.encoded()` gives for `list(t)`).
    func encode(_ t: Int, into w: inout ByteWriter, scratch: inout PostingList.Scratch) {
        docs.withUnsafeBufferPointer { d in
            freqs.withUnsafeBufferPointer { f in
                positions.withUnsafeBufferPointer { p in
                    PostingList.encode(docs: UnsafeBufferPointer(rebasing: d[docStarts[t]..<docStarts[t + 1]]),
                                       freqs: UnsafeBufferPointer(rebasing: f[docStarts[t]..<docStarts[t + 1]]),
                                       positions: UnsafeBufferPointer(rebasing: p[positionStarts[t]..<positionStarts[t + 1]]),
                                       into: &w, scratch: &scratch)
                }
            }
        }
    }
}

/// Builds the index from the texts of documents added in order.
///
/// Adding a document only numbers its words and appends them to the forward
/// index; the posting lists are made once at the end, from the forward
/// index, a field at a time (a counting sort by term: every list is filled
/// in place, in document and position order).
struct IndexBuilder {
    private var termIDs = TermNumbers()
    private var fieldLengths: [[UInt32]] = Array(repeating: [], count: IndexedField.allCases.count)
    private var documentCount = 0
    /// Per term id: occurrences capitalised in mid-sentence (for the stemmer's names).
    private(set) var capitalized: [Int] = []
    private var forwardTerms: [[UInt32]] = Array(repeating: [], count: IndexedField.allCases.count)
    private var forwardStarts: [[Int]] = Array(repeating: [0], count: IndexedField.allCases.count)

    /// Makes room for about this many words of each field (by `IndexedField`) and documents:
    /// the forward index is then filled in place, not grown and copied as it fills (and room
    /// never written is never touched, so an estimate that errs up costs no memory).
    mutating func reserve(words: [Int], documents: Int) {
        for f in forwardTerms.indices where f < words.count {
            forwardTerms[f].reserveCapacity(words[f])
            forwardStarts[f].reserveCapacity(documents + 1)
            fieldLengths[f].reserveCapacity(documents)
        }
    }

    /// Adds the next document; returns its ordinal.
    @discardableResult
    mutating func add(fields texts: [IndexedField: String]) -> UInt32 {
        add(tokens: IndexedField.allCases.map { TokenizedText(texts[$0] ?? "") }, capitalizedInText: [])
    }

    /// Adds a document whose words are those of document `earlier`, word
    /// for word: its term ids are copied, not looked up again.
    @discardableResult
    mutating func add(copyOf earlier: UInt32, capitalizedInText: [Int32]) -> UInt32 {
        let doc = UInt32(documentCount)
        documentCount += 1
        for f in forwardTerms.indices {
            let starts = forwardStarts[f]
            // Copied out first: appending a slice of the array to itself would copy the whole array.
            let words = Array(forwardTerms[f][starts[Int(earlier)]..<starts[Int(earlier) + 1]])
            forwardTerms[f].append(contentsOf: words)
            fieldLengths[f].append(UInt32(words.count))
            forwardStarts[f].append(forwardTerms[f].count)
        }
        count(capitalizedInText, of: doc)
        return doc
    }

    /// Counts the terms at these positions of a document's body as capitalised.
    private mutating func count(_ capitalizedInText: [Int32], of doc: UInt32) {
        let base = forwardStarts[IndexedField.text.rawValue][Int(doc)]
        for p in capitalizedInText {
            let id = Int(forwardTerms[IndexedField.text.rawValue][base + Int(p)])
            if capitalized.count <= id { capitalized += [Int](repeating: 0, count: id + 1 - capitalized.count) }
            capitalized[id] += 1
        }
    }

    /// Adds a document from the tokenized texts of its fields, in field order.
    @discardableResult
    mutating func add(tokens: [TokenizedText], capitalizedInText: [Int32]) -> UInt32 {
        let doc = UInt32(documentCount)
        documentCount += 1
        for field in IndexedField.allCases {
            var forward: [UInt32] = []
            swap(&forward, &forwardTerms[field.rawValue])
            let before = forward.count
            if field.rawValue < tokens.count { termIDs.appendIDs(of: tokens[field.rawValue], to: &forward) }
            fieldLengths[field.rawValue].append(UInt32(forward.count - before))
            forwardStarts[field.rawValue].append(forward.count)
            swap(&forward, &forwardTerms[field.rawValue])
        }
        count(capitalizedInText, of: doc)
        return doc
    }

    /// The id of a term, numbered in order of first sight.
    @inline(__always)
    private mutating func id(of term: String) -> UInt32 { termIDs.id(of: term) }

    /// Appends the index of the documents that follow these: terms new to
    /// this one are numbered in the order `other` met them, so the ids are
    /// those one builder adding every document would have given.
    mutating func append(_ other: IndexBuilder) {
        // Looked up a stretch at a time (`TermNumbers.appendIDs`), in the other's order.
        let otherTerms = other.termIDs.terms
        termIDs.reserve(termIDs.count + otherTerms.count)
        var remap: [UInt32] = []
        remap.reserveCapacity(otherTerms.count)
        for lo in stride(from: 0, to: otherTerms.count, by: 1024) {
            termIDs.appendIDs(of: otherTerms[lo..<min(otherTerms.count, lo + 1024)], to: &remap)
        }
        // Grown once to their joined size, and filled in place: the forward index is most of the memory a build holds.
        for f in 0..<forwardTerms.count {
            fieldLengths[f] += other.fieldLengths[f]
            let base = forwardTerms[f].count
            let n = other.forwardTerms[f].count
            forwardTerms[f].append(contentsOf: repeatElement(0, count: n))
            forwardTerms[f].withUnsafeMutableBufferPointer { joined in
                other.forwardTerms[f].withUnsafeBufferPointer { ids in
                    remap.withUnsafeBufferPointer { remap in
                        for k in 0..<n { joined[base + k] = remap[Int(ids[k])] }
                    }
                }
            }
            forwardStarts[f].reserveCapacity(forwardStarts[f].count + other.forwardStarts[f].count - 1)
            for start in other.forwardStarts[f].dropFirst() { forwardStarts[f].append(start + base) }
        }
        for (old, n) in other.capitalized.enumerated() where n > 0 {
            let id = Int(remap[old])
            if capitalized.count <= id { capitalized += [Int](repeating: 0, count: id + 1 - capitalized.count) }
            capitalized[id] += n
        }
        documentCount += other.documentCount
    }

    /// The posting lists of one field, by term id, made from the forward index.
    ///
    /// The documents are cut in two stretches of about equal words, counted
    /// and filled on two cores: each term's stretch of the flat arrays holds
    /// the first half's entries, then the second's, so the lists come out in
    /// document and position order as one pass would make them.
    func postings(of field: IndexedField) -> FlatPostings {
        let f = field.rawValue
        let terms = termIDs.count
        let words = forwardTerms[f], starts = forwardStarts[f]
        var bounds = [0, documentCount]
        if documentCount >= 256 {
            var mid = 0
            while mid < documentCount && starts[mid] < words.count / 2 { mid += 1 }
            bounds = [0, mid, documentCount]
        }
        let halves = bounds.count - 1
        // First pass: per half and term, its occurrences and its documents. A term's counts and the
        // last document it was met in lie together: a rare term costs one cache miss, not three.
        var counts = [[TermCount]](repeating: [], count: halves)
        counts.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: halves) { h in
                var count = [TermCount](repeating: TermCount(), count: terms)
                count.withUnsafeMutableBufferPointer { count in
                    for d in bounds[h]..<bounds[h + 1] {
                        for p in starts[d]..<starts[d + 1] {
                            let t = Int(words[p])
                            count[t].occurrences += 1
                            if count[t].lastDoc != Int32(d) { count[t].lastDoc = Int32(d); count[t].documents += 1 }
                        }
                    }
                }
                out[h] = count
            }
        }
        // Where each term's stretch of the flat arrays starts (exclusive prefix sums).
        var positionAt = [Int](repeating: 0, count: terms + 1), docAt = [Int](repeating: 0, count: terms + 1)
        for t in 0..<terms {
            var o = 0, n = 0
            for h in 0..<halves {
                o += Int(counts[h][t].occurrences)
                n += Int(counts[h][t].documents)
            }
            positionAt[t + 1] = positionAt[t] + o
            docAt[t + 1] = docAt[t] + n
        }
        // Second pass: each half fills its part of every term's stretch, documents and positions in order.
        var positions = [UInt32](repeating: 0, count: positionAt[terms])
        var docs = [UInt32](repeating: 0, count: docAt[terms]), freqs = [UInt32](repeating: 0, count: docAt[terms])
        positions.withUnsafeMutableBufferPointer { positionsOut in
            docs.withUnsafeMutableBufferPointer { docsOut in
                freqs.withUnsafeMutableBufferPointer { freqsOut in
                    nonisolated(unsafe) let positionsOut = positionsOut, docsOut = docsOut, freqsOut = freqsOut
                    DispatchQueue.concurrentPerform(iterations: halves) { h in
                        // Where this half writes each term's next document and position, with its last document.
                        var next = [TermCursor](repeating: TermCursor(), count: terms)
                        for t in 0..<terms {
                            next[t].position = positionAt[t]
                            next[t].doc = docAt[t]
                            if h == 1 {
                                next[t].position += Int(counts[0][t].occurrences)
                                next[t].doc += Int(counts[0][t].documents)
                            }
                        }
                        next.withUnsafeMutableBufferPointer { next in
                            for d in bounds[h]..<bounds[h + 1] {
                                let start = starts[d]
                                for p in start..<starts[d + 1] {
                                    let t = Int(words[p])
                                    if next[t].lastDoc != Int32(d) {
                                        next[t].lastDoc = Int32(d)
                                        docsOut[next[t].doc] = UInt32(d)
                                        next[t].doc += 1
                                    }
                                    freqsOut[next[t].doc - 1] += 1
                                    positionsOut[next[t].position] = UInt32(p - start)
                                    next[t].position += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        return FlatPostings(docStarts: docAt, docs: docs, freqs: freqs, positionStarts: positionAt, positions: positions)
    }

    /// The term ids of a field of every document, one document after
    /// another, and where each document starts (plus the end).
    func forward(_ field: IndexedField) -> (words: [UInt32], starts: [Int]) {
        (forwardTerms[field.rawValue], forwardStarts[field.rawValue])
    }

    /// Every term, by id.
    var terms: [String] { termIDs.terms }

    /// The table that numbers the terms (term k of `terms` is number k).
    var termTable: TermNumbers { termIDs }

    /// Occurrences of each term over all fields, by id.
    func termFrequencies() -> [Int] {
        var freqs = [Int](repeating: 0, count: termIDs.count)
        for f in forwardTerms { for id in f { freqs[Int(id)] += 1 } }
        return freqs
    }

    /// Per term id: occurrences capitalised in mid-sentence, every term counted.
    var capitalizedCounts: [Int] { capitalized + [Int](repeating: 0, count: max(0, termIDs.count - capitalized.count)) }

    /// The index in memory.
    /// - Parameters:
    ///   - termFrequencies: what `termFrequencies()` gives, when already counted.
    ///   - postings: what `postings(of:)` gives for each field, when already made.
    func finish(termFrequencies: [Int]? = nil, postings: [FlatPostings]? = nil) -> BuiltIndex {
        BuiltIndex(documentCount: documentCount, termIDs: termIDs, termsByID: terms,
                   postings: postings ?? IndexedField.allCases.map { self.postings(of: $0) },
                   fieldLengths: fieldLengths, forwardTerms: forwardTerms, forwardStarts: forwardStarts, capitalized: capitalizedCounts,
                   termFrequencies: termFrequencies ?? self.termFrequencies())
    }

    /// The index laid out as an index file in memory and read through its views.
    func build() -> InvertedIndex {
        let bytes = IndexWriter.write(BuiltCorpus(index: finish()), checksums: false)
        return try! InvertedIndex(storage: IndexStorage.memory(bytes))
    }
}

/// A term's counts in one stretch of documents (`IndexBuilder.postings(of:)`).
private struct TermCount {
    var occurrences: UInt32 = 0
    var documents: UInt32 = 0
    var lastDoc: Int32 = -1
}

/// Where a stretch of documents writes a term's next document and position (`IndexBuilder.postings(of:)`).
private struct TermCursor {
    var position = 0
    var doc = 0
    var lastDoc: Int32 = -1
}
