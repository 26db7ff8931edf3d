// Pattern text → NFA program, in one iterative pass (an explicit stack of open
// groups instead of recursion, so deep nesting cannot overflow the call stack).
// Code is built as position-independent blocks (relative jumps), so a
// quantifier just wraps or copies the block of the atom before it.

/// A syntax error in a regular-expression pattern, located precisely enough to draw a caret under it.
public struct RegexSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Byte range (UTF-8 offsets) within the pattern text where the problem is, for a caret under it.
    public var range: Range<Int>
    /// What is wrong, e.g. "unknown escape '\q'", "unbalanced ')'", "nothing to repeat".
    public var message: String

    /// Creates an error for the pattern bytes `range`.
    public init(range: Range<Int>, message: String) {
        self.range = range
        self.message = message
    }

    /// The message followed by the byte offset, e.g. "nothing to repeat (at byte 0)".
    public var description: String { "\(message) (at byte \(range.lowerBound))" }
}

struct RegexParser {
    static let maxRepeat = 1000
    static let maxProgram = 20_000
    static let maxDepth = 500

    typealias Block = [RegexInst]

    /// One open group: finished alternatives, the branch being built, and the
    /// last atom (kept apart so a following quantifier can wrap it).
    struct Frame {
        var open: Int            // scalar index of "(", or -1 for the whole pattern
        var branches: [Block] = []
        var branchesSize = 0
        var seq: Block = []
        var atom: Block?
        var atomStart = 0        // scalar index where `atom` begins, for error ranges
        var size: Int { branchesSize + seq.count + (atom?.count ?? 0) }

        mutating func flush() {
            if let a = atom { seq.append(contentsOf: a); atom = nil }
        }
    }

    let scalars: [Unicode.Scalar]
    let offsets: [Int]           // UTF-8 offset of each scalar, plus the total length
    let caseInsensitive: Bool
    var classes: [RegexCharClass] = []
    var pos = 0
    var stack: [Frame] = [Frame(open: -1)]
    var outsideSize = 0          // instructions held by frames below the top one

    init(_ pattern: String, caseInsensitive: Bool) {
        var s: [Unicode.Scalar] = [], o: [Int] = [], off = 0
        for c in pattern.unicodeScalars {
            s.append(c); o.append(off); off += UTF8.width(c)
        }
        o.append(off)
        scalars = s; offsets = o
        self.caseInsensitive = caseInsensitive
    }

    func error(_ from: Int, _ to: Int, _ message: String) -> RegexSyntaxError {
        let n = scalars.count
        let a = max(0, min(from, n)), b = max(a, min(to, n))
        return RegexSyntaxError(range: offsets[a]..<offsets[b], message: message)
    }

    /// Every live instruction ends up in the program (or was discarded by `{0}`),
    /// so bounding the live total bounds both memory and the final size.
    func checkSize(extra: Int = 0, _ from: Int, _ to: Int) throws(RegexSyntaxError) {
        let top = stack[stack.count - 1].size
        if outsideSize + top + extra > Self.maxProgram {
            throw error(from, to, "pattern too large (max \(Self.maxProgram) instructions)")
        }
    }

    mutating func pushAtom(_ block: Block, start: Int) throws(RegexSyntaxError) {
        let t = stack.count - 1
        stack[t].flush()
        stack[t].atom = block
        stack[t].atomStart = start
        try checkSize(start, pos)
    }

    // MARK: main loop

    mutating func parse() throws(RegexSyntaxError) -> (Block, [RegexCharClass]) {
        let n = scalars.count
        while pos < n {
            let start = pos
            let c = scalars[pos]
            switch c {
            case "(":
                if stack.count > Self.maxDepth {
                    throw error(pos, pos + 1, "groups nested too deeply (max \(Self.maxDepth))")
                }
                pos += 1
                if pos < n && scalars[pos] == "?" {
                    guard pos + 1 < n && scalars[pos + 1] == ":" else {
                        throw error(start, pos + 1, "unsupported group syntax '(?' (only '(?:' is allowed)")
                    }
                    pos += 2
                }
                outsideSize += stack[stack.count - 1].size
                stack.append(Frame(open: start))
            case ")":
                guard stack.count > 1, var f = stack.popLast() else {
                    throw error(pos, pos + 1, "unbalanced ')'")
                }
                outsideSize -= stack[stack.count - 1].size
                pos += 1
                let block = alternation(&f)
                try pushAtom(block, start: f.open)
            case "|":
                let t = stack.count - 1
                stack[t].flush()
                stack[t].branchesSize += stack[t].seq.count
                stack[t].branches.append(stack[t].seq)
                stack[t].seq = []
                pos += 1
            case "*", "+", "?":
                pos += 1
                let (lo, hi): (Int, Int?) = c == "*" ? (0, nil) : c == "+" ? (1, nil) : (0, 1)
                try quantify(lo, hi, start)
            case "{":
                let (lo, hi) = try parseCount()
                try quantify(lo, hi, start)
            case "^":
                pos += 1
                try pushAtom([RegexInst(op: .assert, x: RegexAssertion.textStart.rawValue)], start: start)
            case "$":
                pos += 1
                try pushAtom([RegexInst(op: .assert, x: RegexAssertion.textEnd.rawValue)], start: start)
            case ".":
                pos += 1
                try pushAtom([RegexInst(op: .any)], start: start)
            case "[":
                let cls = try parseClass()
                try pushAtom([classInst(cls)], start: start)
            case "\\":
                let block = try parseEscape()
                try pushAtom(block, start: start)
            default:
                pos += 1
                try pushAtom([literal(c.value)], start: start)
            }
        }
        guard stack.count == 1, var root = stack.popLast() else {
            let open = stack[stack.count - 1].open
            throw error(open, open + 1, "unbalanced '(' (missing ')')")
        }
        var program = alternation(&root)
        program.append(RegexInst(op: .match))
        if program.count > Self.maxProgram {
            throw error(0, n, "pattern too large (max \(Self.maxProgram) instructions)")
        }
        // Relative → absolute targets.
        for i in program.indices where program[i].op == .split || program[i].op == .jmp {
            program[i].x += Int32(i)
            if program[i].op == .split { program[i].y += Int32(i) }
        }
        return (program, classes)
    }

    func literal(_ c: UInt32) -> RegexInst {
        RegexInst(op: .char, x: Int32(caseInsensitive ? RegexUnicode.fold(c) : c))
    }

    mutating func classInst(_ cls: RegexCharClass) -> RegexInst {
        var cls = cls
        cls.caseInsensitive = caseInsensitive
        cls.prepare()
        classes.append(cls)
        return RegexInst(op: .cls, x: Int32(classes.count - 1))
    }

    /// `A|B|C` → split(A, split(B, C)); every branch but the last jumps to the end.
    func alternation(_ f: inout Frame) -> Block {
        f.flush()
        if f.branches.isEmpty { return f.seq }
        f.branches.append(f.seq)
        let total = f.branches.reduce(0) { $0 + $1.count } + 2 * (f.branches.count - 1)
        var out = Block()
        out.reserveCapacity(total)
        for (k, b) in f.branches.enumerated() {
            if k < f.branches.count - 1 {
                out.append(RegexInst(op: .split, x: 1, y: Int32(b.count + 2)))
                out.append(contentsOf: b)
                out.append(RegexInst(op: .jmp, x: Int32(total - out.count)))
            } else {
                out.append(contentsOf: b)
            }
        }
        return out
    }

    // MARK: quantifiers

    /// Applies `{lo,hi}` (hi nil = unbounded) plus an optional lazy `?` to the last atom.
    mutating func quantify(_ lo: Int, _ hi: Int?, _ start: Int) throws(RegexSyntaxError) {
        var greedy = true
        if pos < scalars.count && scalars[pos] == "?" { greedy = false; pos += 1 }
        let t = stack.count - 1
        guard let a = stack[t].atom else {
            throw error(start, pos, "nothing to repeat")
        }
        let len = a.count
        let newSize: Int
        if let hi = hi { newSize = lo * len + (hi - lo) * (len + 1) }
        else { newSize = lo > 0 ? lo * len + 1 : len + 2 }
        try checkSize(extra: newSize - len, start, pos)

        var out = Block()
        out.reserveCapacity(newSize)
        for _ in 0..<lo { out.append(contentsOf: a) }
        if let hi = hi {
            // (A(A(A)?)?)? flattened: every split skips straight to the end.
            let end = newSize
            for _ in 0..<(hi - lo) {
                let skip = Int32(end - out.count)
                out.append(RegexInst(op: .split, x: greedy ? 1 : skip, y: greedy ? skip : 1))
                out.append(contentsOf: a)
            }
        } else if lo > 0 {
            // A+ tail: loop back over the last copy.
            let back = Int32(-len)
            out.append(RegexInst(op: .split, x: greedy ? back : 1, y: greedy ? 1 : back))
        } else {
            // A*: split(body, exit); body; jmp back to the split.
            let exit = Int32(len + 2)
            out.append(RegexInst(op: .split, x: greedy ? 1 : exit, y: greedy ? exit : 1))
            out.append(contentsOf: a)
            out.append(RegexInst(op: .jmp, x: Int32(-(len + 1))))
        }
        // The result is not an atom: a second quantifier ("a**") has nothing to repeat.
        stack[t].atom = nil
        stack[t].seq.append(contentsOf: out)
    }

    /// Parses `{m}`, `{m,}` or `{m,n}` starting at "{".
    mutating func parseCount() throws(RegexSyntaxError) -> (Int, Int?) {
        let start = pos
        let n = scalars.count
        pos += 1
        func number(_ p: inout Int) -> Int? {
            var v = 0, any = false
            while p < n, scalars[p].value >= 48, scalars[p].value <= 57 {
                v = min(v * 10 + Int(scalars[p].value - 48), 1_000_000)   // saturate: no overflow
                any = true; p += 1
            }
            return any ? v : nil
        }
        let malformed = "malformed repetition (expected {m}, {m,} or {m,n})"
        guard let lo = number(&pos) else { throw error(start, pos + 1, malformed) }
        var hi: Int? = lo
        if pos < n && scalars[pos] == "," {
            pos += 1
            hi = number(&pos)
        }
        guard pos < n && scalars[pos] == "}" else { throw error(start, pos + 1, malformed) }
        pos += 1
        if lo > Self.maxRepeat || (hi ?? 0) > Self.maxRepeat {
            throw error(start, pos, "repetition count too large (max \(Self.maxRepeat))")
        }
        if let h = hi, h < lo {
            throw error(start, pos, "repetition range out of order ({\(lo),\(h)})")
        }
        return (lo, hi)
    }
}

// MARK: - Escapes and classes

// Escapes and bracket classes: the parts of the syntax that read several
// pattern scalars to produce one atom.

extension RegexParser {
    /// `\d` `\w` `\s` and their negations, or nil.
    static func perlClass(_ e: Unicode.Scalar) -> (RegexPerlClass, Bool)? {
        switch e {
        case "d": return (.digit, false)
        case "D": return (.digit, true)
        case "w": return (.word, false)
        case "W": return (.word, true)
        case "s": return (.space, false)
        case "S": return (.space, true)
        default: return nil
        }
    }

    /// An escape outside brackets, with `pos` at the backslash.
    mutating func parseEscape() throws(RegexSyntaxError) -> Block {
        let start = pos
        guard pos + 1 < scalars.count else { throw error(start, start + 1, "trailing backslash") }
        let e = scalars[pos + 1]
        pos += 2
        if let p = Self.perlClass(e) {
            var cls = RegexCharClass()
            cls.perl = [p]
            return [classInst(cls)]
        }
        switch e {
        case "b": return [RegexInst(op: .assert, x: RegexAssertion.wordBoundary.rawValue)]
        case "B": return [RegexInst(op: .assert, x: RegexAssertion.notWordBoundary.rawValue)]
        default: return [literal(try escapedScalar(e, start))]
        }
    }

    /// The scalar denoted by a one-scalar escape; `pos` is just after the escape letter.
    /// Letters and digits are reserved (so `\q` is an error, not "q"); ASCII
    /// punctuation and space may always be escaped.
    mutating func escapedScalar(_ e: Unicode.Scalar, _ start: Int) throws(RegexSyntaxError) -> UInt32 {
        switch e {
        case "t": return 9
        case "n": return 10
        case "r": return 13
        case "u": return try unicodeEscape(start)
        default:
            let v = e.value
            let punctuation = (v >= 32 && v < 48) || (v >= 58 && v < 65) || (v >= 91 && v < 97)
                || (v >= 123 && v < 127)
            guard punctuation else { throw error(start, pos, "unknown escape '\\\(e)'") }
            return v
        }
    }

    /// `\u{1F600}`: one to six hex digits naming a Unicode scalar.
    mutating func unicodeEscape(_ start: Int) throws(RegexSyntaxError) -> UInt32 {
        let n = scalars.count
        guard pos < n && scalars[pos] == "{" else {
            throw error(start, pos, "invalid Unicode escape (expected \\u{hex})")
        }
        pos += 1
        var v: UInt32 = 0, digits = 0
        while pos < n, let d = scalars[pos].properties.isASCIIHexDigit ? hexValue(scalars[pos]) : nil {
            if digits < 7 { v = v << 4 | d }
            digits += 1; pos += 1
        }
        guard pos < n && scalars[pos] == "}" && digits > 0 else {
            throw error(start, min(pos + 1, n), "invalid Unicode escape (expected \\u{hex})")
        }
        pos += 1
        guard digits <= 6, Unicode.Scalar(v) != nil else {
            throw error(start, pos, "invalid Unicode scalar in escape")
        }
        return v
    }

    func hexValue(_ s: Unicode.Scalar) -> UInt32? {
        switch s.value {
        case 48...57: return s.value - 48
        case 65...70: return s.value - 55
        case 97...102: return s.value - 87
        default: return nil
        }
    }

    /// `[...]`, with `pos` at "[". A "]" right after "[" or "[^" is a literal,
    /// as is "-" at either end.
    mutating func parseClass() throws(RegexSyntaxError) -> RegexCharClass {
        let start = pos
        let n = scalars.count
        var cls = RegexCharClass()
        pos += 1
        if pos < n && scalars[pos] == "^" { cls.negated = true; pos += 1 }
        var first = true
        while true {
            guard pos < n else { throw error(start, n, "missing ']' to close the class") }
            let itemStart = pos
            if scalars[pos] == "]" && !first { pos += 1; break }
            first = false
            guard let lo = try classItem(&cls) else { continue }
            if pos + 1 < n && scalars[pos] == "-" && scalars[pos + 1] != "]" {
                pos += 1
                guard let hi = try classItem(&cls) else {
                    throw error(itemStart, pos, "invalid class range")
                }
                guard lo <= hi else {
                    throw error(itemStart, pos, "invalid class range (start is above end)")
                }
                cls.ranges.append(lo...hi)
            } else {
                cls.ranges.append(lo...lo)
            }
        }
        return cls
    }

    /// One class member: returns its scalar, or nil after adding a `\d`-style shorthand.
    mutating func classItem(_ cls: inout RegexCharClass) throws(RegexSyntaxError) -> UInt32? {
        let c = scalars[pos]
        guard c == "\\" else { pos += 1; return c.value }
        let start = pos
        guard pos + 1 < scalars.count else { throw error(start, start + 1, "trailing backslash") }
        let e = scalars[pos + 1]
        pos += 2
        if let p = Self.perlClass(e) { cls.perl.append(p); return nil }
        if e == "b" || e == "B" {
            throw error(start, pos, "'\\\(e)' is not allowed inside a class")
        }
        return try escapedScalar(e, start)
    }
}
