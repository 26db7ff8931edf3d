import Foundation

/// Lays out a built corpus as the bytes of an index file
/// (docs/index-format.md), and writes them atomically.
enum IndexWriter {
    /// The index file of `built` and its articles. Encoding runs on every core.
    /// - Parameter checksums: false for bytes read in this process only
    ///   (a folder opened directly): the block checksums are left zero.
    static func write(_ built: BuiltCorpus, articles: [Article] = [], warnings: [LoadWarning] = [],
                      metadataFields: [String] = [], source: String? = nil, checksums: Bool = true) -> [UInt8] {
        layout(built, articles: articles, warnings: warnings, metadataFields: metadataFields, source: source, checksums: checksums).joined
    }

    /// The same bytes in pieces, one after another: the article blocks and posting lists stay
    /// where they were encoded instead of being copied into one array (`save` writes them as they are).
    ///
    /// What the file no longer needs is let go of as it is laid out (the articles once their
    /// streams are made, the posting lists once encoded), so the memory of a big corpus is
    /// reused rather than held twice: a caller that passes its only copy of `built` and
    /// `articles` (with `consume`) frees them here.
    static func layout(_ built: consuming BuiltCorpus, articles: consuming [Article] = [], warnings: [LoadWarning] = [],
                       metadataFields: [String] = [], source: String? = nil, checksums: Bool = true) -> IndexFileBytes {
        var index = built.index
        let terms = built.termOrder ?? TermOrder(terms: index.termsByID, frequencies: index.termFrequencies)
        let termBytes = terms.bytes, order = terms.byBytes, newID = terms.rank, frequencyRank = terms.frequencyRank

        let headerEnd = IndexStorage.headerSize + Section.allCases.count * IndexStorage.sectionEntrySize
        // The file so far: `file`'s pieces, then `out`.
        var file = IndexFileBytes()
        var out = ByteWriter()
        out.bytes = [UInt8](repeating: 0, count: headerEnd)
        var position: Int { file.count + out.count }
        var table: [Section: Range<Int>] = [:]
        var clock = DispatchTime.now().uptimeNanoseconds
        func align() { while position % 8 != 0 { out.u8(0) } }
        /// Ends the piece `out` holds.
        func flush() {
            file.append(out.bytes)
            out = ByteWriter()
        }
        /// Appends `bytes` to the file as a piece of their own, not copied.
        func piece(_ bytes: [UInt8]) {
            guard !bytes.isEmpty else { return }
            flush()
            file.append(bytes)
        }
        func section(_ s: Section, _ fill: () -> Void) {
            align()
            let start = position
            fill()
            table[s] = start..<position
            if trace {
                let now = DispatchTime.now().uptimeNanoseconds
                trace("  \(s) \((now - clock) / 1_000_000) ms")
                clock = now
            }
        }
        func section(_ s: Section, _ fill: (inout ByteWriter) -> Void) { section(s) { fill(&out) } }
        /// A record table whose records are pieces of the file.
        func pieces(_ s: Section, offsets: (inout ByteWriter) -> Void, _ records: [[UInt8]]) {
            section(s) {
                offsets(&out)
                for r in records { piece(r) }
            }
        }
        func column<T: FixedWidthInteger>(_ s: Section, _ values: [T]) { section(s) { $0.bytes += columnBytes(values) } }

        // An exact duplicate analysed as its original was stores its record only.
        let originals = built.firsts.count == articles.count
            ? ExactDuplicates.originals(firsts: built.firsts) : ExactDuplicates.originals(articles)
        let shared: [Bool] = parallelMap(originals.indices) { d in
            originals[d] >= 0 && ExactDuplicates.sameAnalysis(built, d, Int(originals[d]))
        }
        let duplicates = originals.indices.filter { shared[$0] }.map { (duplicate: $0, original: Int(originals[$0])) }
        if trace { trace("  \(duplicates.count) exact duplicates \((DispatchTime.now().uptimeNanoseconds - clock) / 1_000_000) ms") }
        // Each article's streams, then the blocks of articles compressed together.
        var parts: [[[UInt8]]] = parallelMap(Array(0..<index.documentCount)) { d in
            var p = [[UInt8]](repeating: [], count: BlockStream.allCases.count)
            if d < articles.count {
                p[BlockStream.record.rawValue] = articles[d].encodedRecord()
                if shared[d] { return p }
                let shape = d < built.shapes.count ? built.shapes[d] : ArticleShape(articles[d])
                p[BlockStream.titleShape.rawValue] = shape.title
                p[BlockStream.textShape.rawValue] = shape.text
            }
            for f in IndexedField.allCases {
                var w = ByteWriter()
                let ids = index.forward(f, d)
                w.varint(ids.count)
                for id in ids { w.varint(UInt64(frequencyRank[Int(id)])) }
                p[BlockStream.words(f).rawValue] = w.bytes
            }
            if d < built.structures.count {
                // An alias written exactly as its words (nearly all) is read back from the text.
                // Each field's word ranges are found once, when a mention in it first asks.
                var ranges: [(starts: [Int32], ends: [Int32])?] = [nil, nil]
                p[BlockStream.structure.rawValue] = built.structures[d].encoded { e in
                    guard d < articles.count else { return false }
                    // Known from the analysis (a fresh build): the text is not read again.
                    if let spelled = e.spelled { return spelled }
                    let f = e.field.rawValue
                    if ranges[f] == nil {
                        ranges[f] = WordCoding.wordRanges(shape: p[BlockStream.shape(e.field).rawValue],
                                                          termLengths: index.forward(e.field, d).map { termBytes[Int($0)].count })
                    }
                    let t = ranges[f]!
                    return EntityOccurrence.spells(e.alias, words: e.tokens, starts: t.starts, ends: t.ends,
                                                   in: e.field == .title ? articles[d].title : articles[d].text)
                }
            }
            return p
        }
        if trace { trace("  article streams \((DispatchTime.now().uptimeNanoseconds - clock) / 1_000_000) ms") }
        clock = DispatchTime.now().uptimeNanoseconds
        // What the rest of the file needs of the articles and the forward index; the rest of them
        // is let go of (on another thread: freeing millions of small arrays takes a while).
        let totalWords = index.totalWords
        let dates = articles.map { $0.date?.ordinal ?? Int32.min }, ids = articles.map(\.id)
        // Each moved out of its only holder (`index` holds the forward index, a copy of `built.index`).
        built.index.forwardTerms = []
        freeInBackgroundForReuse(taking: &articles, leaving: [])
        freeInBackgroundForReuse(taking: &built.structures, leaving: [])
        freeInBackgroundForReuse(taking: &built.shapes, leaving: [])
        freeInBackgroundForReuse(taking: &index.forwardTerms, leaving: [])
        // The tables after the posting lists (the dictionary, the roots, the entities, the ids …) need
        // nothing of the article blocks and posting lists: they are made on a thread of their own while
        // those are compressed and encoded on every core, and copied in below.
        let tables = TableInputs(termBytes: termBytes, order: order, byFrequency: terms.byFrequency, newID: newID,
                                 termIDs: index.termIDs, termFrequencies: index.termFrequencies,
                                 capitalized: index.capitalized, stems: built.stems, entities: built.entities,
                                 copies: built.copies, warnings: warnings, ids: ids, dates: dates, duplicates: duplicates)
        let postingLists = index.postings, entityLists = built.entityPostings
        index.postings = []
        built.index.postings = []
        built.entityPostings = []
        let making = OwnThread { tables.make() }
        let articleBlocks = ArticleBlockWriter.blocks(parts)
        freeInBackgroundForReuse(taking: &parts, leaving: [])
        if trace { trace("  article blocks \((DispatchTime.now().uptimeNanoseconds - clock) / 1_000_000) ms, \(articleBlocks.blocks.count) blocks") }
        clock = DispatchTime.now().uptimeNanoseconds
        // The posting lists are encoded before the file is laid out: with the article blocks, they are
        // nearly all of it, and go into it as they are, pieces of their own.
        let postings = IndexedField.allCases.map { f in
            let lists = postingLists[f.rawValue]
            return postingRecords(count: order.count) { lists.encode(order[$0], into: &$1, scratch: &$2) }
        }
        let entityPostings = IndexedField.allCases.map { f in
            let lists = entityLists[f.rawValue]
            return postingRecords(count: lists.count) { lists.encode($0, into: &$1, scratch: &$2) }
        }
        if trace { trace("  posting lists \((DispatchTime.now().uptimeNanoseconds - clock) / 1_000_000) ms") }
        let made = making.value()
        freeInBackgroundForReuse(postingLists, entityLists)
        if trace { trace("  tables \(made.millis) ms, on a thread of their own meanwhile") }
        clock = DispatchTime.now().uptimeNanoseconds
        let termBytesTotal = termBytes.reduce(0) { $0 + $1.count }
        // What is copied into `out` (the article blocks and posting lists are pieces of their own):
        // offsets, columns, the dictionary, metadata; 10% over, so the estimate errs up.
        let estimate = 2 * termBytesTotal + 48 * order.count + 64 * index.documentCount + (1 << 20)
        out.bytes.reserveCapacity(estimate + estimate / 10)
        let meta = IndexMeta(documentCount: index.documentCount, source: source, termCount: order.count,
                             entityCount: built.entities.count, totalWords: totalWords, blockCount: articleBlocks.blocks.count,
                             otherStemCount: made.otherStemCount, metadataFields: metadataFields)
        section(.meta) { $0.bytes += meta.encoded() }
        func copy(_ s: Section) { section(s) { $0.bytes += made.bytes[s]! } }
        for s in [Section.terms, .termTotals, .termCapitalized, .stems, .otherStems] { copy(s) }
        for (s, f) in [(Section.postingsTitle, IndexedField.title), (.postingsText, .text)] {
            pieces(s, offsets: { RecordTable.writeOffsets(of: postings[f.rawValue], into: &$0) }, postings[f.rawValue].parts.map(\.bytes))
        }
        for (s, f) in [(Section.entityPostingsTitle, IndexedField.title), (.entityPostingsText, .text)] {
            pieces(s, offsets: { RecordTable.writeOffsets(of: entityPostings[f.rawValue], into: &$0) },
                   entityPostings[f.rawValue].parts.map(\.bytes))
        }
        column(.lengthsTitle, index.fieldLengths[IndexedField.title.rawValue])
        column(.lengthsText, index.fieldLengths[IndexedField.text.rawValue])
        pieces(.articleBlocks, offsets: { RecordTable.writeOffsets(of: articleBlocks.blocks, into: &$0) }, articleBlocks.blocks)
        column(.blockStarts, articleBlocks.firsts)
        for s in [Section.entities, .dates, .idRanks, .copies, .warnings, .ids, .idOrdinals, .forwardTerms, .duplicates] { copy(s) }
        align()
        flush()
        // What is left of the build (the term table, the entities, the stems …) goes on another thread.
        let nothing = BuiltIndex(documentCount: 0, termIDs: TermNumbers(), termsByID: [], postings: [], fieldLengths: [],
                                 forwardTerms: [], forwardStarts: [], capitalized: [], termFrequencies: [])
        freeInBackgroundForReuse(taking: &index, leaving: nothing)
        freeInBackgroundForReuse(taking: &built, leaving: BuiltCorpus(index: nothing))

        // The checksum section: one CRC-32 per 64 KiB block of everything before it.
        let checkedEnd = file.count
        let blocks = (checkedEnd + IndexStorage.blockSize - 1) / IndexStorage.blockSize
        table[.checksums] = checkedEnd..<(checkedEnd + 4 * blocks)
        var header = ByteWriter()
        header.bytes += IndexStorage.magic
        header.u32(IndexStorage.version)
        header.u32(UInt32(Section.allCases.count))
        header.u64(UInt64(checkedEnd + 4 * blocks))
        header.u32(UInt32(IndexStorage.blockSize))
        header.u32(0)  // the header's checksum, below
        for s in Section.allCases {
            let r = table[s]!
            header.u32(s.rawValue)
            header.u32(0)
            header.u64(UInt64(r.lowerBound))
            header.u64(UInt64(r.count))
        }
        let crc = header.bytes.withUnsafeBytes { CRC32.checksum($0) }
        withUnsafeBytes(of: crc.littleEndian) { header.bytes.replaceSubrange(28..<32, with: $0) }
        file.replaceHeader(header.bytes)
        let sums = !checksums ? [UInt32](repeating: 0, count: blocks) : parallelMap(Array(0..<blocks)) { b -> UInt32 in
            let lo = b * IndexStorage.blockSize
            return file.checksum(lo..<min(checkedEnd, lo + IndexStorage.blockSize))
        }
        for c in sums { out.u32(c) }
        flush()
        return file
    }

    /// A column section's bytes: the values as they lie in memory (little-endian hosts only).
    static func columnBytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }

    /// The records of `count` posting lists, encoded on every core by
    /// `encode(i, writer, scratch)` (list `i` appended to the writer).
    private static func postingRecords(count: Int, _ encode: @escaping @Sendable (Int, inout ByteWriter, inout PostingList.Scratch) -> Void)
        -> RecordTable.Stretches {
        RecordTable.Stretches(count: count) { range in
            var w = ByteWriter(), ends: [Int] = [], scratch = PostingList.Scratch()
            ends.reserveCapacity(range.count)
            for i in range {
                encode(i, &w, &scratch)
                ends.append(w.count)
            }
            return (w.bytes, ends)
        }
    }

    /// Asks the kernel, on another thread, to drop the page cache of the file at `path` (an index
    /// file about to be replaced). The file stays as it is on disk and readable; but when the new
    /// file is renamed over it, the kernel no longer has its cached pages to throw out then, at the
    /// end of the build (about 10 ms for CLICK-ID's file). Nothing happens when there is no file.
    static func forgetCachedPages(of path: String) {
        #if os(Linux)
        DispatchQueue.global(qos: .utility).async {
            let fd = Foundation.open(path, O_RDONLY)
            guard fd >= 0 else { return }
            _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(fd)
        }
        #endif
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same
    /// folder, flushed to disk, then renamed over `path`, so an interrupted
    /// write leaves the old file as it was.
    static func save(_ bytes: [UInt8], to path: String) throws {
        var file = IndexFileBytes()
        file.append(bytes)
        try save(file, to: path)
    }

    /// The same for bytes in pieces, written one after another.
    static func save(_ file: IndexFileBytes, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())").path
        let fd = Foundation.open(temporary, O_CREAT | O_WRONLY | O_TRUNC, 0o644)
        guard fd >= 0 else { throw IndexFileError.cannotWrite(path, errno) }
        var written = 0
        var failure: Int32?
        for piece in file.pieces where failure == nil {
            written = 0
            piece.withUnsafeBytes { b in
                while written < b.count {
                    let n = Foundation.write(fd, b.baseAddress! + written, b.count - written)
                    if n < 0 {
                        if errno == EINTR { continue }
                        failure = errno
                        return
                    }
                    written += n
                }
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == nil && rename(temporary, path) != 0 { failure = errno }
        if let failure {
            unlink(temporary)
            throw IndexFileError.cannotWrite(path, failure)
        }
    }
}

/// The bytes of an index file in pieces, one after another: what `IndexWriter.layout` makes
/// and `IndexWriter.save` writes, without copying the big sections into one array.
struct IndexFileBytes {
    private(set) var pieces: [[UInt8]] = []
    /// Where each piece starts in the file, and the end.
    private var starts: [Int] = [0]

    /// The file's size.
    var count: Int { starts[starts.count - 1] }

    mutating func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        pieces.append(bytes)
        starts.append(count + bytes.count)
    }

    /// The bytes in one array.
    var joined: [UInt8] {
        if pieces.count == 1 { return pieces[0] }
        var all: [UInt8] = []
        all.reserveCapacity(count)
        for p in pieces { all += p }
        return all
    }

    /// Writes the header over the first bytes of the file (the first piece holds them).
    mutating func replaceHeader(_ header: [UInt8]) {
        precondition(!pieces.isEmpty && pieces[0].count >= header.count, "the header is laid out in the first piece")
        pieces[0].replaceSubrange(0..<header.count, with: header)
    }

    /// The CRC-32 of a stretch of the file, over the pieces it lies in.
    func checksum(_ range: Range<Int>) -> UInt32 {
        // The last piece starting at or before the range.
        var lo = 0, hi = pieces.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if starts[mid] <= range.lowerBound { lo = mid } else { hi = mid }
        }
        var crc: UInt32 = 0
        var at = range.lowerBound, k = lo
        while at < range.upperBound && k < pieces.count {
            let end = min(range.upperBound, starts[k + 1])
            pieces[k].withUnsafeBytes { b in
                crc = CRC32.update(crc, UnsafeRawBufferPointer(rebasing: b[(at - starts[k])..<(end - starts[k])]))
            }
            at = end
            k += 1
        }
        return crc
    }
}

/// The orders an index file gives the terms (docs/index-format.md): the dictionary lists them in
/// UTF-8 byte order, so a term's id in the file is its rank in that order; the forward index numbers
/// them by frequency, commonest first, so most words take one byte.
struct TermOrder: Sendable {
    /// Each term's UTF-8 bytes, by the builder's term id.
    let bytes: [[UInt8]]
    /// The builder's term ids in byte order of their terms, and each id's place in it.
    let byBytes: [Int], rank: [UInt32]
    /// Places in `byBytes`, commonest term first (ties in byte order), and each builder's id's place in it.
    let byFrequency: [Int], frequencyRank: [UInt32]

    init(terms: [String], frequencies: [Int]) {
        let bytes = terms.map { Array($0.utf8) }
        let order = bytes.indices.sorted { bytes[$0].lexicographicallyPrecedes(bytes[$1]) }
        var rank = [UInt32](repeating: 0, count: order.count)
        for (r, old) in order.enumerated() { rank[old] = UInt32(r) }
        let byFrequency = order.indices.sorted {
            frequencies[order[$0]] != frequencies[order[$1]] ? frequencies[order[$0]] > frequencies[order[$1]] : $0 < $1
        }
        var frequencyRank = [UInt32](repeating: 0, count: order.count)
        for (r, id) in byFrequency.enumerated() { frequencyRank[order[id]] = UInt32(r) }
        self.bytes = bytes
        byBytes = order
        self.rank = rank
        self.byFrequency = byFrequency
        self.frequencyRank = frequencyRank
    }
}

/// What the index file's smaller tables are made of: the dictionary and its columns, the roots, the
/// entities, the dates, the ids, the copies, the warnings and the exact duplicates. Held apart from
/// the corpus so that they can be made while the article blocks and posting lists are encoded.
struct TableInputs {
    let termBytes: [[UInt8]]
    /// Term ids in UTF-8 byte order of their terms, and the forward index's numbering by frequency.
    let order: [Int], byFrequency: [Int]
    /// Each term id's place in `order`.
    let newID: [UInt32]
    let termIDs: TermNumbers
    let termFrequencies: [Int], capitalized: [Int]
    let stems: [String]
    let entities: [EntityRecord]
    let copies: CopyDetector.Clusters
    let warnings: [LoadWarning]
    let ids: [String]
    let dates: [Int32]
    let duplicates: [(duplicate: Int, original: Int)]

    /// The bytes of each section, how many roots are not terms, and how long the making took (ms).
    func make() -> (bytes: [Section: [UInt8]], otherStemCount: Int, millis: Int) {
        let started = DispatchTime.now().uptimeNanoseconds
        var out: [Section: [UInt8]] = [:]
        func column<T: FixedWidthInteger>(_ s: Section, _ values: [T]) { out[s] = IndexWriter.columnBytes(values) }
        func written(_ s: Section, _ fill: (inout ByteWriter) -> Void) {
            var w = ByteWriter()
            fill(&w)
            out[s] = w.bytes
        }
        written(.terms) { RecordTable.write(order.map { termBytes[$0] }, into: &$0) }
        column(.termTotals, order.map { UInt32(clamping: termFrequencies[$0]) })
        column(.termCapitalized, order.map { UInt32(clamping: $0 < capitalized.count ? capitalized[$0] : 0) })
        // A root that is a term is stored as its id; the others as strings of their own.
        var otherStems: [[UInt8]] = []
        var stemRefs = [UInt32](repeating: 0, count: order.count)
        for (rank, old) in order.enumerated() {
            guard !stems.isEmpty else { stemRefs[rank] = UInt32(rank); continue }
            if let id = termIDs.existingID(of: stems[old]) {
                stemRefs[rank] = newID[Int(id)]
            } else {
                stemRefs[rank] = StemTable.other | UInt32(otherStems.count)
                otherStems.append(Array(stems[old].utf8))
            }
        }
        column(.stems, stemRefs)
        written(.otherStems) { RecordTable.write(otherStems, into: &$0) }
        out[.entities] = Deflate.compress(EntityRecord.encode(entities))
        column(.dates, dates)
        var rank = [Int32](repeating: 0, count: ids.count)
        for (r, i) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { rank[i] = Int32(r) }
        column(.idRanks, rank)
        out[.copies] = Deflate.compress(copies.encoded())
        out[.warnings] = LoadWarning.encode(warnings)
        // The ids in UTF-8 byte order with their articles' ordinals: an id is found by binary search.
        let idBytes = ids.map { Array($0.utf8) }
        let byID = idBytes.indices.sorted { idBytes[$0].lexicographicallyPrecedes(idBytes[$1]) }
        written(.ids) { FrontCodedStrings.write(byID.map { idBytes[$0] }, into: &$0) }
        column(.idOrdinals, byID.map { UInt32($0) })
        column(.forwardTerms, byFrequency.map { UInt32($0) })
        written(.duplicates) { DuplicateTable.write(duplicates, into: &$0) }
        return (out, otherStems.count, Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000))
    }
}
