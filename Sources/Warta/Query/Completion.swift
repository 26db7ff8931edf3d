import Foundation

/// What can be typed at a point of a statement: the shell's Tab, and the
/// same for any tool that embeds warta.
///
/// Candidates replace `range`, the partial word before the cursor, and end
/// where the user goes on typing: a value inside quotes comes with its
/// closing quote, a folder ends with `/`. Everything else is a whole word
/// after which a space belongs.
public struct Completion: Sendable, Equatable {
    /// UTF-8 offsets, in the text given, of what a candidate replaces.
    public var range: Range<Int>
    /// The replacements, sorted, without duplicates.
    public var candidates: [String]

    /// Candidates that replace `range` of the text.
    public init(range: Range<Int>, candidates: [String]) {
        self.range = range
        self.candidates = candidates
    }
}

/// A dot-command as completion sees it: its name and what its argument is.
public struct CommandSpec: Sendable {
    /// What follows a command's name.
    public enum Argument: Sendable {
        /// Nothing: `.info`, `.quit`.
        case none
        /// A file or folder (`.open`, `.read`, `.output`).
        case path
        /// One word of a fixed list (`.format jsonl`, `.timer on`).
        case choice([String])
    }

    /// The command as typed, with its dot: `.open`.
    public var name: String
    /// What its argument is, for completing it.
    public var argument: Argument

    /// A command named `name` (with its dot) taking `argument`.
    public init(_ name: String, _ argument: Argument = .none) {
        self.name = name
        self.argument = argument
    }

    /// The commands of the language reference (section 7), plus `.pager`.
    public static let standard: [CommandSpec] = [
        CommandSpec(".help"), CommandSpec(".open", .path), CommandSpec(".info"), CommandSpec(".schema"),
        CommandSpec(".format", .choice(OutputFormat.allCases.map(\.rawValue))),
        CommandSpec(".timer", .choice(["on", "off"])), CommandSpec(".pager", .choice(["on", "off"])),
        CommandSpec(".chart", .choice(["on", "off"])),
        CommandSpec(".context", .choice(["left", "right"])), CommandSpec(".timeout", .choice(["off"])),
        CommandSpec(".entities", .path),
        CommandSpec(".read", .path), CommandSpec(".output", .path), CommandSpec(".sets"),
        CommandSpec(".set", .choice([])), CommandSpec(".unset", .choice([])),
        CommandSpec(".stories", .choice(["0.5", "0.6", "0.7", "0.8"])),
        CommandSpec(".history"), CommandSpec(".quit"), CommandSpec(".exit"),
    ]
}

extension Session {
    /// What can come next at `cursor` (a UTF-8 offset) of `text`: keywords,
    /// units, the fields of the unit queried, named sets, values of a field
    /// after `=`, dot-commands and their arguments, file paths.
    ///
    /// `text` may hold earlier statements and earlier lines of the one being
    /// typed; only the statement around the cursor counts.
    public func completions(for text: String, cursor: Int, commands: [CommandSpec] = CommandSpec.standard) -> Completion {
        let bytes = Array(text.utf8)
        var end = max(0, min(cursor, bytes.count))
        while end > 0, end < bytes.count, bytes[end] & 0xC0 == 0x80 { end -= 1 }  // not inside a character
        let prefix = String(decoding: bytes[..<end], as: UTF8.self)
        let start = Completer.statementStart(prefix)
        return Completer(corpus: corpus, setNames: sets.keys.sorted(), commands: commands).complete(prefix, from: start)
    }
}

/// The analysis behind `Session.completions`: a forgiving walk over the
/// tokens before the cursor that mirrors the grammar (`grammar/warta.ebnf`)
/// closely enough to know what may follow. It never reports errors: where
/// the input makes no sense it offers nothing.
struct Completer {
    let corpus: Corpus
    let setNames: [String]
    let commands: [CommandSpec]

    /// Values offered for a field stop here: a list longer than this helps nobody.
    static let maximumValues = 200
    static let clauses = ["where", "group by", "order by", "limit", "show"]

    /// Where the statement holding the end of `prefix` starts.
    static func statementStart(_ prefix: String) -> Int {
        let bytes = Array(prefix.utf8)
        guard let last = StatementSplitter.split(prefix).last else { return bytes.count }
        // After a `;`, or after a complete statement and a line break, a new statement begins.
        var i = last.range.upperBound
        var sawBreak = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: ";") { return bytes.count }
            if b == 0x0A { sawBreak = true }
            if b == UInt8(ascii: "#") || (b == UInt8(ascii: "-") && i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "-")) {
                // A comment runs to the end of its line.
                while i < bytes.count && bytes[i] != 0x0A { i += 1 }
                continue
            }
            i += 1
        }
        return sawBreak && last.isComplete ? bytes.count : last.range.lowerBound
    }

    func complete(_ prefix: String, from start: Int) -> Completion {
        let bytes = Array(prefix.utf8)
        var s = start
        while s < bytes.count, bytes[s] == 0x20 || bytes[s] == 0x09 || bytes[s] == 0x0A || bytes[s] == 0x0D { s += 1 }
        if s < bytes.count, bytes[s] == UInt8(ascii: ".") { return command(bytes, from: s) }

        var lexer = Lexer(prefix, range: s..<bytes.count)
        var tokens = lexer.tokenize()
        tokens.removeLast()  // .end
        let cursor = bytes.count
        // An open string: complete a value, and close the quote.
        if lexer.endsInsideLiteral, let last = tokens.last, last.kind == .string {
            let open = bytes[last.range.lowerBound]
            let quoteLength = open == 0xE2 ? 3 : 1
            let close = open == 0xE2 ? "\u{201D}" : String(UnicodeScalar(open))
            let (p, walk) = position(after: tokens.dropLast())
            let matching = values(p, walk).filter { $0.lowercased().hasPrefix(last.text.lowercased()) }
            return Completion(range: (last.range.lowerBound + quoteLength)..<cursor, candidates: matching.map { $0 + close })
        }
        if lexer.endsInsideLiteral { return Completion(range: cursor..<cursor, candidates: []) }
        var partial = ""
        var range = cursor..<cursor
        if let last = tokens.last, last.range.upperBound == cursor {
            switch last.kind {
            case .word:
                partial = last.text
                range = last.range
                tokens.removeLast()
            case .string, .integer, .date, .regex, .rightParen:
                return Completion(range: range, candidates: [])  // a value just ended: a space comes first
            default:
                break
            }
        }
        let (p, walk) = position(after: tokens[...])
        var offered = words(p, walk)
        if partial.isEmpty {
            offered += values(p, walk).map { Printer.print(.string($0, 0..<0)) }
            if tokens.isEmpty { offered += commands.map(\.name) }
        }
        let lower = partial.lowercased()
        var matches = offered.filter { $0.lowercased().hasPrefix(lower) }
        // `WH` gives `WHERE`: follow the user's case for keywords.
        if partial.contains(where: \.isLetter), partial == partial.uppercased() {
            let upper = Set(keywords(p, walk))
            matches = matches.map { upper.contains($0) ? $0.uppercased() : $0 }
        }
        return Completion(range: range, candidates: Array(Set(matches)).sorted())
    }

    // MARK: - Commands

    private func command(_ bytes: [UInt8], from s: Int) -> Completion {
        var i = s
        while i < bytes.count, bytes[i] != 0x20, bytes[i] != 0x09 { i += 1 }
        let name = String(decoding: bytes[s..<i], as: UTF8.self).lowercased()
        if i == bytes.count {
            return Completion(range: s..<i, candidates: commands.map(\.name).filter { $0.hasPrefix(name) }.sorted())
        }
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let argument = String(decoding: bytes[i...], as: UTF8.self)
        let range = i..<bytes.count
        switch commands.first(where: { $0.name == name })?.argument ?? .none {
        case .none:
            return Completion(range: range, candidates: [])
        case .choice(let words):
            return Completion(range: range, candidates: words.filter { $0.hasPrefix(argument.lowercased()) }.sorted())
        case .path:
            return Completion(range: range, candidates: Completer.paths(startingWith: argument))
        }
    }

    /// Files and folders whose path starts with `partial`; folders end with `/`.
    static func paths(startingWith partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let folder = slash.map { String(partial[...$0]) } ?? ""
        let name = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        var listed = folder.isEmpty ? "." : folder
        if listed.hasPrefix("~/") || listed == "~" {
            listed = FileManager.default.homeDirectoryForCurrentUser.path + listed.dropFirst()
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: listed) else { return [] }
        var out: [String] = []
        for entry in entries where entry.hasPrefix(name) && (name.hasPrefix(".") || !entry.hasPrefix(".")) {
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: listed + "/" + entry, isDirectory: &isFolder)
            out.append(folder + entry + (isFolder.boolValue ? "/" : ""))
        }
        return out.sorted()
    }

    // MARK: - Where the cursor stands in the grammar

    /// A point in a statement, as far as it decides what may follow.
    enum Position: Equatable {
        case statementStart
        /// A unit or a set name (after `count`, `let NAME =`).
        case unit
        case letName, letEquals
        /// After the unit: clauses, and set operators after a set name.
        case afterUnit(setOperators: Bool)
        case setName
        /// Where nothing known can follow, or nothing can be offered (a number, a new name).
        case nothing
        /// A condition: `mentions`, `not`, `(`, a field.
        case predicate
        case mentionTarget
        case entityName
        /// After `mentions "…"` (`near` allowed) or another target.
        case afterTarget(near: Bool)
        case nearDistance, nearWords, least, atLeastCount, times
        case comparison(field: String, negated: Bool)
        case value(field: String)
        case betweenLow(field: String), betweenAnd(field: String)
        case listOpen(field: String), listValue(field: String), listNext(field: String)
        case isNull, isNotNull, regex
        case afterCondition
        /// After `group`/`order`: `by`; then keys; then `,`, `asc`/`desc` or a later clause.
        case by, key, afterKey, afterDirection
        case limitCount, afterLimit, offsetCount, afterOffset
        case showField, afterShowField
    }

    static let clauseNames = ["where", "group", "order", "limit", "show"]

    /// Walks the tokens before the cursor as the parser would.
    func position(after tokens: ArraySlice<Token>) -> (Position, Walk) {
        var walk = Walk(setNames: Set(setNames))
        var p = Position.statementStart
        for t in tokens {
            p = walk.next(p, t)
            if p == .nothing { break }
        }
        return (p, walk)
    }

    /// The little state a walk keeps besides its position.
    struct Walk {
        let setNames: Set<String>
        var isCount = false
        /// The unit queried (a named set holds articles).
        var unit = Unit.articles
        /// The fields after `group by`.
        var groups: [String] = []
        /// Index in `clauseNames` of the clause being read; -1 before any.
        var clause = -1
        var parentheses = 0

        mutating func next(_ p: Position, _ t: Token) -> Position {
            let w = t.kind == .word ? t.text.lowercased() : ""
            let isValue = [.string, .integer, .date].contains(t.kind)
            switch p {
            case .statementStart:
                if w == "count" { isCount = true; return .unit }
                if w == "explain" { return .statementStart }
                if w == "spread" { return .unit }
                if w == "compare" { return .nothing }
                if w == "let" { return .letName }
                return t.kind == .word ? queried(t, setOperators: true) : .nothing
            case .unit:
                return t.kind == .word ? queried(t, setOperators: !isCount) : .nothing
            case .letName:
                return t.kind == .word ? .letEquals : .nothing
            case .letEquals:
                return t.kind == .equal ? .unit : .nothing
            case .afterUnit(let setOperators):
                if setOperators, ["union", "intersect", "except"].contains(w) { return .setName }
                return clause(w)
            case .setName:
                return .nothing
            case .predicate:
                if w == "mentions" { return .mentionTarget }
                if w == "not" { return .predicate }
                if t.kind == .leftParen { parentheses += 1; return .predicate }
                return t.kind == .word ? .comparison(field: t.text, negated: false) : .nothing
            case .mentionTarget:
                if w == "stem" { return .nearWords }  // a string follows, then what follows any target
                if ["entity", "person", "place", "org"].contains(w) { return .entityName }
                if t.kind == .string { return .afterTarget(near: true) }
                return t.kind == .regex ? .afterTarget(near: false) : .nothing
            case .entityName, .nearWords:
                return t.kind == .string ? .afterTarget(near: false) : .nothing
            case .afterTarget(let near):
                if near && w == "near" { return .nearDistance }
                if w == "at" { return .least }
                return afterCondition(t)
            case .nearDistance:
                return t.kind == .integer ? .nearWords : .nothing
            case .least:
                return w == "least" ? .atLeastCount : .nothing
            case .atLeastCount:
                return t.kind == .integer ? .times : .nothing
            case .times:
                return w == "times" ? .afterCondition : .nothing
            case .comparison(let field, let negated):
                if [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(t.kind) && !negated { return .value(field: field) }
                if w == "not" && !negated { return .comparison(field: field, negated: true) }
                if w == "is" && !negated { return .isNull }
                if w == "between" { return .betweenLow(field: field) }
                if w == "in" { return .listOpen(field: field) }
                if w == "contains" { return .value(field: field) }
                return w == "matches" ? .regex : .nothing
            case .value:
                return isValue ? .afterCondition : .nothing
            case .betweenLow(let field):
                return isValue ? .betweenAnd(field: field) : .nothing
            case .betweenAnd(let field):
                return w == "and" ? .value(field: field) : .nothing
            case .listOpen(let field):
                return t.kind == .leftParen ? .listValue(field: field) : .nothing
            case .listValue(let field):
                return isValue ? .listNext(field: field) : .nothing
            case .listNext(let field):
                if t.kind == .comma { return .listValue(field: field) }
                return t.kind == .rightParen ? .afterCondition : .nothing
            case .isNull:
                if w == "not" { return .isNotNull }
                return w == "null" ? .afterCondition : .nothing
            case .isNotNull:
                return w == "null" ? .afterCondition : .nothing
            case .regex:
                return t.kind == .regex ? .afterCondition : .nothing
            case .afterCondition:
                return afterCondition(t)
            case .by:
                return w == "by" ? .key : .nothing
            case .key:
                if clause == 1 && t.kind == .word { groups.append(t.text) }
                return t.kind == .word ? .afterKey : .nothing
            case .afterKey, .afterDirection:
                if t.kind == .comma { return .key }
                if p == .afterKey && clause == 2 && (w == "asc" || w == "desc") { return .afterDirection }
                return clause(w)
            case .limitCount:
                return t.kind == .integer ? .afterLimit : .nothing
            case .afterLimit:
                return w == "offset" ? .offsetCount : clause(w)
            case .offsetCount:
                return t.kind == .integer ? .afterOffset : .nothing
            case .afterOffset:
                return clause(w)
            case .showField:
                return t.kind == .word ? .afterShowField : .nothing
            case .afterShowField:
                return t.kind == .comma ? .showField : .nothing
            case .nothing:
                return .nothing
            }
        }

        /// After the unit's name: notes which unit it is.
        private mutating func queried(_ t: Token, setOperators: Bool) -> Position {
            let isSet = setNames.contains(t.text)
            unit = isSet ? .articles : (Unit(rawValue: t.text.lowercased()) ?? .articles)
            return .afterUnit(setOperators: setOperators && isSet)
        }

        private mutating func afterCondition(_ t: Token) -> Position {
            if t.isKeyword("and") || t.isKeyword("or") { return .predicate }
            if t.kind == .rightParen && parentheses > 0 { parentheses -= 1; return .afterCondition }
            return parentheses == 0 ? clause(t.kind == .word ? t.text.lowercased() : "") : .nothing
        }

        /// The position after a clause keyword, if `word` begins a clause allowed here.
        private mutating func clause(_ word: String) -> Position {
            guard let i = Completer.clauseNames.firstIndex(of: word), laterClauses.contains(Completer.clauses[i]) else { return .nothing }
            clause = i
            switch word {
            case "where": return .predicate
            case "group", "order": return .by
            case "limit": return .limitCount
            default: return .showField
            }
        }

        /// Clauses that may still come: later than the last, and `group by` only in a count.
        var laterClauses: [String] {
            Completer.clauses.enumerated().filter { $0.offset > clause && ($0.offset != 1 || isCount) }.map(\.element)
        }
    }

    // MARK: - Candidates

    /// Units this version answers (the others would only lead to an error), then the sets.
    private var unitNames: [String] {
        Unit.allCases.filter(Checker.answers).map(\.rawValue) + setNames
    }

    private func fields(_ walk: Walk) -> [FieldDefinition] {
        Schema.fields(of: walk.unit, metadata: corpus.metadataFields)
    }

    /// Fields a condition or a sort key reads (`snippet` and `kwic` are only shown).
    private func fieldNames(_ walk: Walk) -> [String] {
        fields(walk).filter { $0.type != .passage }.map(\.name)
    }

    /// The keywords that may come next.
    func keywords(_ p: Position, _ walk: Walk) -> [String] {
        let connectives = walk.parentheses > 0 ? ["and", "or"] : ["and", "or"] + walk.laterClauses
        switch p {
        case .statementStart: return ["compare", "count", "explain", "let", "spread"]
        case .afterUnit(let setOperators): return walk.laterClauses + (setOperators ? ["union", "intersect", "except"] : [])
        case .predicate: return ["mentions", "not"]
        case .mentionTarget: return ["stem", "entity", "person", "place", "org"]
        case .afterTarget(let near): return (near ? ["near"] : []) + ["at least"] + connectives
        case .least: return ["least"]
        case .times: return ["times"]
        case .comparison(_, let negated): return (negated ? [] : ["not", "is"]) + ["between", "in", "contains", "matches"]
        case .betweenAnd: return ["and"]
        case .isNull: return ["not null", "null"]
        case .isNotNull: return ["null"]
        case .afterCondition: return connectives
        case .by: return ["by"]
        case .afterKey: return (walk.clause == 2 ? ["asc", "desc"] : []) + walk.laterClauses
        case .afterDirection, .afterOffset: return walk.laterClauses
        case .afterLimit: return ["offset"] + walk.laterClauses
        default: return []
        }
    }

    /// Keywords, units, sets and fields that may come next.
    func words(_ p: Position, _ walk: Walk) -> [String] {
        var out = keywords(p, walk)
        switch p {
        case .statementStart, .unit: out += unitNames
        case .setName: out += setNames
        case .predicate: out += fieldNames(walk)
        case .showField: out += fields(walk).map(\.name)
        case .key where walk.clause == 1:
            let dates = walk.unit == .articles ? "date." : "article.date."
            out += fieldNames(walk) + Schema.dateBuckets.map { dates + $0 }
        case .key:
            // What the checker sorts by: a grouped count by its count or group; else a
            // field that is not a list, or the context of keyword-in-context lines.
            if walk.isCount, let group = walk.groups.first {
                out += ["count", group]
            } else {
                out += fields(walk).filter { ![.passage, .dateList, .stringList].contains($0.type) }.map(\.name)
                    + (walk.unit == .articles || walk.unit.isSpan ? ["left", "right"] : [])
            }
        default: break
        }
        return out
    }

    /// Values a string may take here: the values of a field after `=`,
    /// `in (`, `contains`. (Entity names after `mentions entity` come once
    /// the corpus has entities.)
    func values(_ p: Position, _ walk: Walk) -> [String] {
        let field: String
        switch p {
        case .value(let f), .betweenLow(let f), .listValue(let f): field = f
        default: return []
        }
        let defined = fields(walk)
        guard let definition = defined.first(where: { $0.name == field }) ?? defined.first(where: { $0.name == field.lowercased() }) else {
            return []
        }
        // Values of the article's own fields: an article's, or the article of a paragraph (`article.source`).
        var column = definition.column
        if case .article(let c) = column { column = c } else if walk.unit != .articles { return [] }
        switch column {
        case .id, .source, .lang, .url, .metadata: break
        default: return []  // text, numbers and dates have no useful list of values
        }
        var seen = Set<String>()
        for a in corpus.articles {
            let v: String?
            switch column {
            case .id: v = a.id
            case .source: v = a.source
            case .lang: v = a.lang
            case .url: v = a.url
            case .metadata(let k): v = a.fields[k]
            default: v = nil
            }
            if let v { seen.insert(v) }
            if seen.count > Completer.maximumValues { return [] }
        }
        return seen.sorted()
    }
}
