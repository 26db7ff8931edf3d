// The matcher: a Pike VM, i.e. a breadth-first simulation of the Thompson NFA
// that keeps at most one thread per instruction. Each text scalar is looked
// at once per live instruction, so matching costs O(text × program) no matter
// how the pattern is written; `(a+)+$` cannot blow up as it does in a
// backtracking engine. Threads are kept in priority order, which yields
// leftmost-first (Perl-like) results with greedy and lazy quantifiers.

/// A regular expression whose matching time is linear in the text length (times the pattern size), never exponential.
///
/// Syntax: literals, `.`, `[...]` classes, `\d \w \s \D \W \S` (Unicode-aware),
/// `\b \B ^ $`, groups `(...)` / `(?:...)`, `|`, and the quantifiers
/// `* + ? {m} {m,} {m,n}` with lazy forms. Submatches are not reported.
public struct LinearRegex: Sendable {
    /// The pattern text this regex was compiled from.
    public let pattern: String
    /// Whether letters match regardless of case (simple lowercase folding on both sides).
    public let caseInsensitive: Bool

    let program: [RegexInst]
    let classes: [RegexCharClass]
    let classASCII: [UInt64]      // per class: ASCII bitmap words lo, hi (hot path without struct copies)
    let startBytes: [Bool]        // bytes that can begin a match at offset > 0
    let usePrefilter: Bool        // false when any position may start a match
    let hasWordAssertion: Bool

    /// Compiles `pattern`; throws `RegexSyntaxError` (with the byte range of the offending
    /// part) for bad syntax, repetition counts over 1000, nesting deeper than 500 groups,
    /// or programs over 20,000 instructions.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) {
        var parser = RegexParser(pattern, caseInsensitive: caseInsensitive)
        let (program, classes) = try parser.parse()
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        self.program = program
        self.classes = classes
        self.classASCII = classes.flatMap { [$0.asciiLo, $0.asciiHi] }
        self.hasWordAssertion = program.contains {
            $0.op == .assert && ($0.x == RegexAssertion.wordBoundary.rawValue
                                 || $0.x == RegexAssertion.notWordBoundary.rawValue)
        }
        if let bytes = Self.computeStartBytes(program, classes, caseInsensitive) {
            startBytes = bytes
            usePrefilter = true
        } else {
            startBytes = Array(repeating: true, count: 256)
            usePrefilter = false
        }
    }

    // MARK: public matching API

    /// First match in `text` as UTF-8 byte offsets, leftmost, with leftmost-first (Perl-like) preference among alternatives and greedy/lazy quantifiers honoured.
    public func firstMatch(in text: String) -> Range<Int>? {
        Self.withUTF8(text) { firstMatch(in: $0) }
    }

    /// First match in UTF-8 bytes (offsets into `utf8`); the fastest way to scan long texts.
    /// Ill-formed bytes are read as U+FFFD and never cause a trap.
    public func firstMatch(in utf8: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let scratch = RegexScratch(program.count)
        return search(utf8, from: 0, scratch, earliest: false)
    }

    /// Whether `text` contains a match anywhere (stops at the first match found).
    public func matches(_ text: String) -> Bool {
        Self.withUTF8(text) { matches(in: $0) }
    }

    /// Whether the UTF-8 bytes contain a match anywhere (stops at the first match found).
    public func matches(in utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let scratch = RegexScratch(program.count)
        return search(utf8, from: 0, scratch, earliest: true) != nil
    }

    /// All non-overlapping matches, left to right (UTF-8 offsets).
    ///
    /// An empty match is not reported where the previous match ended (so `a*`
    /// on "baaa" gives `0..<0` and `1..<4`); after an empty match the search
    /// resumes one scalar later, so it always makes progress.
    public func allMatches(in text: String) -> [Range<Int>] {
        Self.withUTF8(text) { allMatches(in: $0) }
    }

    /// All non-overlapping matches in UTF-8 bytes, left to right (offsets into `utf8`).
    public func allMatches(in utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        let scratch = RegexScratch(program.count)
        let n = utf8.count
        var out: [Range<Int>] = []
        var pos = 0, lastEnd = -1
        while pos <= n, let r = search(utf8, from: pos, scratch, earliest: false) {
            if !(r.isEmpty && r.lowerBound == lastEnd) {
                out.append(r)
                lastEnd = r.upperBound
                if !r.isEmpty { pos = r.upperBound; continue }
            }
            // Empty match: step over one scalar so the loop always advances.
            guard r.upperBound < n else { break }
            pos = r.upperBound + max(1, RegexUTF8.decode(utf8, r.upperBound).1)
        }
        return out
    }

    static func withUTF8<R>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        var s = text   // native strings are already contiguous: no copy
        return s.withUTF8(body)
    }

    // MARK: prefilter

    /// Which first bytes can start a match at an offset > 0 (where `^` fails), or
    /// nil if the pattern may match empty or start with `.`, making a skip useless.
    static func computeStartBytes(_ program: [RegexInst], _ classes: [RegexCharClass], _ ci: Bool) -> [Bool]? {
        var bytes = Array(repeating: false, count: 256)
        var seen = Array(repeating: false, count: program.count)
        var stack: [Int] = [0]
        func nonASCII() { for b in 0x80...0xFF { bytes[b] = true } }
        while let pc = stack.popLast() {
            guard pc >= 0, pc < program.count, !seen[pc] else { continue }
            seen[pc] = true
            let inst = program[pc]
            switch inst.op {
            case .match, .any: return nil
            case .jmp: stack.append(Int(inst.x))
            case .split: stack.append(Int(inst.x)); stack.append(Int(inst.y))
            case .assert:
                if inst.x != RegexAssertion.textStart.rawValue { stack.append(pc + 1) }
            case .char:
                let c = UInt32(inst.x)
                if c < 128 {
                    bytes[Int(c)] = true
                    if ci {
                        bytes[Int(RegexUnicode.upper(c))] = true
                        if c == 0x6B { nonASCII() }   // KELVIN SIGN folds to "k"
                    }
                } else {
                    nonASCII()
                }
            case .cls:
                let cls = classes[Int(inst.x)]
                for b in 0..<128 where cls.matches(UInt32(b)) { bytes[b] = true }
                if cls.mayMatchNonASCII { nonASCII() }
            }
        }
        return bytes
    }
}

// MARK: - Pike VM

// The Pike VM inner loop. Thread lists are sparse sets over instruction
// indices (O(1) insert, membership and clear), kept in raw memory allocated
// once per call so the hot loop does no allocation, retain/release or
// bounds-check work.

/// Scratch memory for one search: two thread lists and the closure stack.
final class RegexScratch {
    let dense: [UnsafeMutablePointer<Int32>]
    let sparse: [UnsafeMutablePointer<Int32>]
    let starts: [UnsafeMutablePointer<Int>]
    let stack: UnsafeMutablePointer<Int32>

    init(_ size: Int) {
        func ints32(_ n: Int) -> UnsafeMutablePointer<Int32> {
            let p = UnsafeMutablePointer<Int32>.allocate(capacity: n)
            p.initialize(repeating: 0, count: n)
            return p
        }
        dense = [ints32(size), ints32(size)]
        sparse = [ints32(size), ints32(size)]
        starts = (0..<2).map { _ in
            let p = UnsafeMutablePointer<Int>.allocate(capacity: size)
            p.initialize(repeating: 0, count: size)
            return p
        }
        // Each instruction is expanded at most once per closure and pushes at most two.
        stack = ints32(2 * size + 2)
    }

    deinit {
        for p in dense + sparse { p.deallocate() }
        for p in starts { p.deallocate() }
        stack.deallocate()
    }
}

/// An ordered set of threads (instruction index + where its match started).
struct RegexThreadList {
    let dense: UnsafeMutablePointer<Int32>
    let sparse: UnsafeMutablePointer<Int32>
    let starts: UnsafeMutablePointer<Int>
    var count = 0

    @inline(__always) func contains(_ pc: Int32) -> Bool {
        let i = Int(sparse[Int(pc)])
        return i < count && dense[i] == pc
    }

    @inline(__always) mutating func insert(_ pc: Int32, _ start: Int) {
        sparse[Int(pc)] = Int32(count)
        dense[count] = pc
        starts[count] = start
        count += 1
    }
}

extension LinearRegex {
    /// Leftmost-first match starting the search at byte `from`; with `earliest`
    /// it returns as soon as any match is known (for yes/no questions).
    func search(_ text: UnsafeBufferPointer<UInt8>, from: Int, _ scratch: RegexScratch,
                earliest: Bool) -> Range<Int>? {
        program.withUnsafeBufferPointer { prog in
            classASCII.withUnsafeBufferPointer { ascii in
                startBytes.withUnsafeBufferPointer { first in
                    run(text, from, scratch, earliest, prog, ascii, first)
                }
            }
        }
    }

    private func run(_ text: UnsafeBufferPointer<UInt8>, _ from: Int, _ scratch: RegexScratch,
                     _ earliest: Bool, _ prog: UnsafeBufferPointer<RegexInst>,
                     _ ascii: UnsafeBufferPointer<UInt64>, _ first: UnsafeBufferPointer<Bool>) -> Range<Int>? {
        let n = text.count
        guard from >= 0, from <= n else { return nil }
        let none = RegexUTF8.none
        let stack = scratch.stack
        let ci = caseInsensitive, wordAsserts = hasWordAssertion
        var clist = RegexThreadList(dense: scratch.dense[0], sparse: scratch.sparse[0], starts: scratch.starts[0])
        var nlist = RegexThreadList(dense: scratch.dense[1], sparse: scratch.sparse[1], starts: scratch.starts[1])

        /// Adds `pc` and everything reachable from it by epsilon moves at byte `pos`,
        /// depth-first in priority order (explicit stack: no recursion).
        @inline(__always)
        func addThread(_ list: inout RegexThreadList, _ pc0: Int32, _ start: Int, _ pos: Int,
                       _ prev: UInt32, _ next: UInt32) {
            var sp = 1
            stack[0] = pc0
            while sp > 0 {
                sp -= 1
                let pc = stack[sp]
                if list.contains(pc) { continue }
                list.insert(pc, start)
                let inst = prog[Int(pc)]
                switch inst.op {
                case .jmp:
                    stack[sp] = inst.x; sp += 1
                case .split:
                    stack[sp] = inst.y; stack[sp + 1] = inst.x; sp += 2
                case .assert:
                    let holds: Bool
                    switch inst.x {
                    case RegexAssertion.textStart.rawValue: holds = pos == 0
                    case RegexAssertion.textEnd.rawValue: holds = pos == n
                    default:
                        let boundary = wordAsserts
                            && (prev != none && RegexUnicode.isWord(prev))
                                != (next != none && RegexUnicode.isWord(next))
                        holds = boundary == (inst.x == RegexAssertion.wordBoundary.rawValue)
                    }
                    if holds { stack[sp] = pc + 1; sp += 1 }
                default:
                    break
                }
            }
        }

        var i = from
        var prev = RegexUTF8.decodeBefore(text, i)
        var (cur, curLen) = RegexUTF8.decode(text, i)
        var matchStart = -1, matchEnd = -1

        while true {
            if matchStart < 0 {
                // No thread alive: jump to the next byte that can begin a match.
                if clist.count == 0 && i > 0 && usePrefilter {
                    var j = i
                    while j < n && !first[Int(text[j])] { j += 1 }
                    if j >= n { break }
                    if j != i {
                        i = j
                        prev = RegexUTF8.decodeBefore(text, j)
                        (cur, curLen) = RegexUTF8.decode(text, j)
                    }
                }
                // The new start is the lowest-priority thread: leftmost wins.
                addThread(&clist, 0, i, i, prev, cur)
            }
            if clist.count == 0 { break }

            let atEnd = i >= n
            var next = none, nextLen = 0
            if !atEnd { (next, nextLen) = RegexUTF8.decode(text, i + curLen) }
            let folded = ci && !atEnd ? RegexUnicode.fold(cur) : cur
            nlist.count = 0
            var k = 0
            threads: while k < clist.count {
                let pc = clist.dense[k], start = clist.starts[k]
                k += 1
                let inst = prog[Int(pc)]
                let ok: Bool
                switch inst.op {
                case .match:
                    matchStart = start; matchEnd = i
                    if earliest { return start..<i }
                    break threads   // lower-priority threads can no longer win
                case .char: ok = !atEnd && UInt32(bitPattern: inst.x) == folded
                case .any: ok = !atEnd && cur != 10
                case .cls:
                    if atEnd { ok = false } else if cur < 128 {
                        let c = Int(cur), w = ascii[Int(inst.x) * 2 + (c >> 6)]
                        ok = w & (1 << UInt64(c & 63)) != 0
                    } else {
                        ok = classes[Int(inst.x)].matches(cur)
                    }
                default: ok = false
                }
                if ok { addThread(&nlist, pc + 1, start, i + curLen, cur, next) }
            }
            if atEnd { break }
            swap(&clist, &nlist)
            prev = cur; i += curLen
            cur = next; curLen = nextLen
        }
        return matchStart >= 0 ? matchStart..<matchEnd : nil
    }
}
