import Foundation
import Synchronization

/// Why an index file cannot be opened or read: truncated, damaged, not an
/// index file, or written by another format version. The message says how
/// to build it again.
public struct IndexFileError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, with the command that rebuilds the file.
    public var description: String

    init(_ file: String, _ problem: String, source: String? = nil) {
        description = "index file '\(file)' \(problem); rebuild it with: warta index \(source ?? "PATH") -o \(file)"
    }

    /// An index file that could not be written.
    static func cannotWrite(_ path: String, _ code: Int32) -> IndexFileError {
        var e = IndexFileError(path, "")
        e.description = "cannot write index file '\(path)': \(String(cString: strerror(code)))"
        return e
    }
}

/// The sections of an index file (docs/index-format.md), by their number in
/// the section table.
enum Section: UInt32, CaseIterable {
    case meta = 1
    case terms, termTotals, termCapitalized, stems, otherStems
    case postingsTitle, postingsText, entityPostingsTitle, entityPostingsText
    case lengthsTitle, lengthsText
    case articleBlocks, blockStarts, entities, dates, idRanks, copies, warnings
    case ids, idOrdinals, forwardTerms, duplicates
    case checksums
}

/// The bytes of an index file (memory-mapped) or of an index built in
/// memory, with the checksum of every 64 KiB block, verified the first time
/// a block is read.
///
/// A block that fails its checksum is never decoded: the reader gets empty
/// data and the failure is counted in `damage`, which `Session` checks after
/// each statement, so a statement that read damaged bytes fails with
/// `damageMessage` instead of answering.
final class IndexStorage: @unchecked Sendable {
    static let magic: [UInt8] = Array("WARTAIDX".utf8)
    static let version: UInt32 = 4
    static let blockSize = 65536
    static let headerSize = 32
    static let sectionEntrySize = 24

    let base: UnsafeRawPointer
    let count: Int
    /// The file, or "(memory)"; `source` is the path it was built from.
    let file: String
    private(set) var source: String?
    private let release: () -> Void
    /// Where each section starts and ends, by number (-1: absent). Arrays of Int, not a
    /// dictionary or `[Range<Int>?]`: making either type has the runtime scan every
    /// conformance in the binary (for `Hashable`, `Comparable`) at each start.
    private var sectionStarts: [Int] = [], sectionEnds: [Int] = []
    /// End of the checksummed bytes: the checksum section starts there.
    private var checkedEnd = 0
    private var checksumsAt = 0
    /// Per block: 0 not yet verified, 1 good, 2 damaged. Read without the lock (a
    /// binary search verifies some thirty ranges; each would otherwise take it);
    /// written under it, once per block. Nil until the header is read.
    private var states: UnsafeMutablePointer<Atomic<UInt8>>?
    /// How many checksummed blocks the file has.
    private(set) var blockCount = 0
    private let lock = NSLock()
    private var damageCount = 0
    private var lastDamage: String?
    /// Built in memory by this process: nothing to verify.
    private var trusted = false

    private init(base: UnsafeRawPointer, count: Int, file: String, release: @escaping () -> Void) {
        self.base = base
        self.count = count
        self.file = file
        self.release = release
    }

    deinit {
        if let states {
            states.deinitialize(count: blockCount)
            states.deallocate()
        }
        release()
    }

    /// Bytes built in memory (a folder or .jsonl opened directly): checksums
    /// are already known good.
    static func memory(_ bytes: [UInt8]) throws -> IndexStorage {
        let p = UnsafeMutableRawPointer.allocate(byteCount: max(1, bytes.count), alignment: 16)
        bytes.withUnsafeBytes { p.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        let s = IndexStorage(base: UnsafeRawPointer(p), count: bytes.count, file: "(memory)", release: { p.deallocate() })
        s.trusted = true
        try s.readHeader()
        return s
    }

    /// Maps `path` read-only; reads only the header and the section table.
    static func map(path: String) throws -> IndexStorage {
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { throw IndexFileError(path, "cannot be read (\(String(cString: strerror(errno))))") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw IndexFileError(path, "cannot be read") }
        let size = Int(st.st_size)
        guard size >= headerSize else { throw IndexFileError(path, "is truncated (\(size) bytes)") }
        guard let m = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), m != MAP_FAILED else {
            throw IndexFileError(path, "cannot be mapped (\(String(cString: strerror(errno))))")
        }
        let s = IndexStorage(base: UnsafeRawPointer(m), count: size, file: path, release: { munmap(m, size) })
        try s.readHeader()
        return s
    }

    /// Whether the first bytes of `path` are an index file's magic number,
    /// or it is a file named `.widx` (one too short to hold the magic is a
    /// truncated index file, not an unknown kind of corpus).
    static func isIndexFile(path: String) -> Bool {
        // stat and read(2): a folder is asked about at every opening, and Foundation's
        // failure to read one builds an error with a dictionary first.
        var st = stat()
        guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return false }
        if path.hasSuffix(".widx") { return true }
        let fd = Foundation.open(path, O_RDONLY)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var head = [UInt8](repeating: 0, count: magic.count)
        return read(fd, &head, head.count) == head.count && head == magic
    }

    private func u32(_ at: Int) -> UInt32 { base.loadUnaligned(fromByteOffset: at, as: UInt32.self).littleEndian }
    private func u64(_ at: Int) -> UInt64 { base.loadUnaligned(fromByteOffset: at, as: UInt64.self).littleEndian }

    private func readHeader() throws {
        guard (0..<8).allSatisfy({ base.load(fromByteOffset: $0, as: UInt8.self) == IndexStorage.magic[$0] }) else {
            throw IndexFileError(file, "is not a warta index file (no WARTAIDX magic number)", source: source)
        }
        let version = u32(8)
        guard version == IndexStorage.version else {
            // Versions 2 and 3 lay out their header and meta section as this one does: the advice can name the source.
            let n = Int(u32(12))
            if version == 2 || version == 3, n <= 1024, IndexStorage.headerSize + n * IndexStorage.sectionEntrySize <= count {
                source = sourceHint(sections: n)
            }
            throw IndexFileError(file, "has format version \(version); this warta reads version \(IndexStorage.version)", source: source)
        }
        let n = Int(u32(12))
        let headerEnd = IndexStorage.headerSize + n * IndexStorage.sectionEntrySize
        guard n <= 1024, headerEnd <= count else { throw IndexFileError(file, "is truncated (\(count) bytes)", source: source) }
        let length = u64(16)
        if length != UInt64(count) { source = sourceHint(sections: n) }
        guard length == UInt64(count) else {
            throw IndexFileError(file, length > UInt64(count) ? "is truncated (\(count) of \(length) bytes)"
                                                              : "has \(UInt64(count) - length) bytes too many", source: source)
        }
        var header = [UInt8](UnsafeRawBufferPointer(start: base, count: headerEnd))
        for i in 28..<32 { header[i] = 0 }
        guard header.withUnsafeBytes({ CRC32.checksum($0) }) == u32(28) else {
            throw IndexFileError(file, "is damaged (its header fails its checksum)", source: source)
        }
        for k in 0..<n {
            let at = IndexStorage.headerSize + k * IndexStorage.sectionEntrySize
            let offset = u64(at + 8), len = u64(at + 16)
            guard offset <= UInt64(count), len <= UInt64(count) - offset else {
                throw IndexFileError(file, "is damaged (a section lies outside the file)", source: source)
            }
            let number = Int(u32(at))
            let slots = max(number + 1, Section.allCases.count + 1)
            if sectionStarts.count < slots {
                sectionStarts += [Int](repeating: -1, count: slots - sectionStarts.count)
                sectionEnds += [Int](repeating: -1, count: slots - sectionEnds.count)
            }
            sectionStarts[number] = Int(offset)
            sectionEnds[number] = Int(offset + len)
        }
        guard Section.allCases.allSatisfy({ Int($0.rawValue) < sectionStarts.count && sectionStarts[Int($0.rawValue)] >= 0 }) else {
            throw IndexFileError(file, "is damaged (a section is missing)", source: source)
        }
        let sums = self[.checksums]
        checkedEnd = sums.lowerBound
        checksumsAt = sums.lowerBound
        let blocks = (checkedEnd + IndexStorage.blockSize - 1) / IndexStorage.blockSize
        guard sums.count == blocks * 4 else { throw IndexFileError(file, "is damaged (its checksum table has the wrong size)", source: source) }
        let flags = UnsafeMutablePointer<Atomic<UInt8>>.allocate(capacity: blocks)
        for b in 0..<blocks { (flags + b).initialize(to: Atomic(0)) }
        states = flags
        blockCount = blocks
        // The meta section is read at open (it is small and fixed): verify it now.
        guard verify(self[.meta]) else { throw IndexFileError(file, "is damaged (its meta section fails its checksum)", source: source) }
        var r = ByteReader(bytes(self[.meta]))
        _ = r.int()
        source = r.optionalString()
    }

    /// The source path from the meta section of a file that fails a check,
    /// for the advice of the message only (nothing is answered from it).
    private func sourceHint(sections n: Int) -> String? {
        for k in 0..<n {
            let at = IndexStorage.headerSize + k * IndexStorage.sectionEntrySize
            guard u32(at) == Section.meta.rawValue else { continue }
            let offset = u64(at + 8), len = u64(at + 16)
            guard offset <= UInt64(count), len <= UInt64(count) - offset else { return nil }
            var r = ByteReader(bytes(Int(offset)..<Int(offset + len)))
            _ = r.int()
            let s = r.optionalString()
            return r.failed ? nil : s
        }
        return nil
    }

    /// The byte range of a section.
    subscript(_ s: Section) -> Range<Int> {
        let k = Int(s.rawValue)
        return k < sectionStarts.count && sectionStarts[k] >= 0 ? sectionStarts[k]..<sectionEnds[k] : 0..<0
    }

    func bytes(_ r: Range<Int>) -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base + r.lowerBound, count: r.count) }

    /// Whether every block under `r` passes its checksum (each block is
    /// checked once); a failure is counted as damage.
    func verify(_ r: Range<Int>) -> Bool {
        guard r.lowerBound < r.upperBound, !trusted else { return true }
        guard r.lowerBound >= 0, r.upperBound <= count else { return report("reads outside the file") }
        let end = min(r.upperBound, checkedEnd)
        guard r.lowerBound < end, let states else { return true }
        let first = r.lowerBound / IndexStorage.blockSize, last = (end - 1) / IndexStorage.blockSize
        var unverified = first
        while unverified <= last && states[unverified].load(ordering: .acquiring) == 1 { unverified += 1 }
        if unverified > last { return true }
        lock.lock()
        var bad: Int?
        for b in unverified...last {
            var state = states[b].load(ordering: .relaxed)
            if state == 0 {
                let lo = b * IndexStorage.blockSize, hi = min(checkedEnd, lo + IndexStorage.blockSize)
                state = CRC32.checksum(bytes(lo..<hi)) == u32(checksumsAt + 4 * b) ? 1 : 2
                states[b].store(state, ordering: .releasing)
            }
            if state == 2 { bad = b; break }
        }
        lock.unlock()
        if let bad { return report("is damaged (block \(bad) at byte \(bad * IndexStorage.blockSize) fails its checksum)") }
        return true
    }

    /// Counts a failure to read; always false.
    @discardableResult
    func report(_ problem: String) -> Bool {
        lock.lock()
        damageCount += 1
        lastDamage = IndexFileError(file, problem, source: source).description
        lock.unlock()
        return false
    }

    /// How many reads have failed so far, and the message of the last.
    var damage: (count: Int, message: String?) {
        lock.lock()
        defer { lock.unlock() }
        return (damageCount, lastDamage)
    }

    /// Verifies every block (for `warta check`): the damaged ones, by number.
    func verifyAll() -> [Int] {
        var bad: [Int] = []
        for b in 0..<blockCount {
            let lo = b * IndexStorage.blockSize
            if !verify(lo..<min(checkedEnd, lo + IndexStorage.blockSize)) { bad.append(b) }
        }
        return bad
    }

}
