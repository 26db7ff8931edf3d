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

/// A positional inverted index over the title and body of every article,
/// read in place from the bytes of an index file (mapped, or built in
/// memory): the term dictionary is searched where it lies, a posting list is
/// decoded when a statement first asks for it.
///
/// Immutable and shared by every query (`Sendable`). Term ids are the terms'
/// ranks in UTF-8 byte order, so the dictionary is its own sorted list. A
/// term absent from a field has an empty posting list there.
public final class InvertedIndex: Sendable {
    /// Number of documents (articles); ordinals run 0..<documentCount.
    public let documentCount: Int
    /// Every term by its id, ascending.
    let termsByID: StringTable
    /// `postings[field][termID]`.
    let postings: [PostingTable]
    /// Words in all fields of all documents.
    let totalWords: Int
    let storage: IndexStorage
    /// The article blocks: the words of each field (the forward index), the articles, their structure.
    let blocks: ArticleBlocks
    private let lengths: Lazy<[ValueColumn<UInt32>]>
    private let averages: Lazy<[Double]>
    private let totals: Lazy<ValueColumn<Int>>
    private let capitals: Lazy<ValueColumn<Int>>

    /// The index of an index file's sections; reads only the meta section.
    init(storage: IndexStorage) throws {
        self.storage = storage
        var r = ByteReader(storage.bytes(storage[.meta]))
        let meta = IndexMeta.decode(&r)
        guard !r.failed else { throw IndexFileError(storage.file, "is damaged (its meta section does not decode)", source: storage.source) }
        documentCount = meta.documentCount
        totalWords = meta.totalWords
        let terms = meta.termCount, docs = meta.documentCount
        termsByID = StringTable(records: RecordTable(storage, .terms, count: terms))
        postings = [PostingTable(RecordTable(storage, .postingsTitle, count: terms)),
                    PostingTable(RecordTable(storage, .postingsText, count: terms))]
        let lengths = Lazy<[ValueColumn<UInt32>]>({
            guard let t = ValueColumn<UInt32>.read(storage, .lengthsTitle, count: docs),
                  let b = ValueColumn<UInt32>.read(storage, .lengthsText, count: docs) else { return nil }
            return [t, b]
        }, fallback: { [.zeros(docs), .zeros(docs)] })
        self.lengths = lengths
        averages = Lazy({
            let l = lengths.value
            return l.map { c in c.isEmpty ? 0 : Double(c.reduce(0) { $0 + Int($1) }) / Double(c.count) }
        }, fallback: { [0, 0] })
        totals = Lazy({ ValueColumn<Int>.read(storage, .termTotals, count: terms) }, fallback: { .zeros(terms) })
        capitals = Lazy({ ValueColumn<Int>.read(storage, .termCapitalized, count: terms) }, fallback: { .zeros(terms) })
        // The words of a field are numbered by frequency (commonest first); this maps a number to its term id.
        let forwardIDs = Lazy({ ValueColumn<UInt32>.read(storage, .forwardTerms, count: terms) }, fallback: { .zeros(terms) })
        blocks = ArticleBlocks(storage: storage, documentCount: docs, blockCount: meta.blockCount,
                               terms: termsByID.records, termOfNumber: forwardIDs)
    }

    /// Every term in ascending order, for prefix expansion.
    var sortedTerms: StringTable { termsByID }

    /// `fieldLengths[field][doc]`: words in that field of that document.
    var fieldLengths: [ValueColumn<UInt32>] { lengths.value }

    /// Occurrences of each term over all fields, by id.
    var termFrequencies: ValueColumn<Int> { totals.value }

    /// Occurrences of each term capitalised mid-sentence, by id (for the stemmer).
    var capitalized: ValueColumn<Int> { capitals.value }

    /// The id of an already folded term.
    func termID(_ term: String) -> UInt32? { termsByID.find(term).map(UInt32.init) }

    /// The term ids of a field of a document, by position. Collocations and
    /// near-duplicate detection read it.
    func forward(_ field: IndexedField, _ doc: Int) -> [UInt32] {
        blocks.words(field, doc)
    }

    /// Number of distinct terms.
    public var termCount: Int { termsByID.count }

    /// The posting list of an already folded term in a field (empty when absent).
    public func postings(for term: String, in field: IndexedField) -> PostingList {
        guard let id = termID(term) else { return PostingList() }
        return postings[field.rawValue][Int(id)]
    }

    /// Adds the documents of `term` in `field` to `set` (`PostingTable.insertDocuments`).
    func insertDocuments(of term: String, in field: IndexedField, into set: inout DocBits) {
        guard let id = termID(term) else { return }
        postings[field.rawValue].insertDocuments(Int(id), into: &set)
    }

    /// All terms starting with the folded `prefix`, ascending.
    public func terms(withPrefix prefix: String) -> [String] {
        termsByID.range(withPrefix: prefix).map { termsByID[$0] }
    }

    /// Average length of a field over all documents (for BM25).
    public func averageLength(of field: IndexedField) -> Double {
        averages.value[field.rawValue]
    }
}

/// The meta section: counts, the path the index was built from, the
/// metadata fields.
struct IndexMeta {
    var documentCount = 0
    var source: String?
    var termCount = 0
    var entityCount = 0
    var totalWords = 0
    var blockCount = 0
    var otherStemCount = 0
    var metadataFields: [String] = []

    func encoded() -> [UInt8] {
        var w = ByteWriter()
        w.varint(documentCount)
        w.optionalString(source)
        w.varint(termCount)
        w.varint(entityCount)
        w.varint(totalWords)
        w.varint(blockCount)
        w.varint(otherStemCount)
        w.varint(metadataFields.count)
        for f in metadataFields { w.string(f) }
        return w.bytes
    }

    static func decode(_ r: inout ByteReader) -> IndexMeta {
        var m = IndexMeta()
        m.documentCount = r.int()
        m.source = r.optionalString()
        m.termCount = r.int()
        m.entityCount = r.int()
        m.totalWords = r.int()
        m.blockCount = r.int()
        m.otherStemCount = r.int()
        for _ in 0..<r.count() { m.metadataFields.append(r.string()) }
        return m
    }
}
