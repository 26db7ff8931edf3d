/// A recursive-descent parser: one function per rule of `grammar/warta.ebnf`,
/// named after the rule, so the two read side by side.
///
/// It parses one statement (the `StatementSplitter` finds where statements
/// end) and stops at the first error, which it reports with the range of
/// the offending token and, for a misspelt keyword, the keyword meant.
public struct Parser {
    /// Deepest nesting of parentheses and `not` accepted.
    public static let maximumDepth = 256

    static let clauseKeywords = ["where", "group", "order", "limit", "offset", "show", "within", "sample"]
    static let setOperators = ["union", "intersect", "except"]
    static let predicateStarts = ["mentions", "not"]
    static let fieldOperators = ["=", "!=", "<", "<=", ">", ">=", "between", "in", "is", "contains", "matches", "not"]

    private var tokens: [Token]
    private var p = 0
    private var depth = 0
    private let source: String
    private let range: Range<Int>
    private let lexerDiagnostics: [Diagnostic]
    /// Values of `$name` parameters (`--set`, `.set`), bound as literals.
    private let parameters: [String: String]

    /// Prepares to parse `range` of `source` (the whole text by default),
    /// binding `$name` to `parameters[name]`.
    public init(_ source: String, range: Range<Int>? = nil, parameters: [String: String] = [:]) {
        self.source = source
        self.parameters = parameters
        let total = source.utf8.count
        let lower = min(max(0, range?.lowerBound ?? 0), total)
        let r = lower..<min(max(lower, range?.upperBound ?? total), total)
        self.range = r
        var lexer = Lexer(source, range: r)
        tokens = lexer.tokenize()
        lexerDiagnostics = lexer.diagnostics
    }

    /// Parses a single statement.
    public static func parse(_ text: String) -> Result<Statement, Diagnostic> {
        var parser = Parser(text)
        return parser.parseStatement()
    }

    /// Parses the statement in the range given at initialization.
    public mutating func parseStatement() -> Result<Statement, Diagnostic> {
        do { return .success(try parsed()) } catch { return .failure(error) }
    }

    /// Parses the statement in the range given at initialization, or throws its first error.
    ///
    /// What `parseStatement()` answers, without a `Result`: making the type
    /// `Result<Statement, Diagnostic>` has the runtime look up `Diagnostic: Error`, a scan
    /// of every conformance in the binary, which a one-shot `warta -c` feels.
    public mutating func parsed() throws(Diagnostic) -> Statement {
        // Dot-commands are lines, not token streams: `.open ~/corpus dir/`.
        if let command = commandStatement() { return command }
        if let first = lexerDiagnostics.first { throw first }
        do {
            let s = try statement()
            if current.kind == .semicolon { p += 1 }
            guard current.kind == .end else { throw unexpected(expecting: "end of statement") }
            return s
        } catch let d as Diagnostic {
            throw d
        } catch {
            throw Diagnostic(.error, "\(error)")
        }
    }

    // MARK: - Statements

    /// statement = command | "count" query | "compare" comparison | "spread" query
    ///           | "explain" statement | "let" NAME "=" ( set_expression | query )
    ///           | set_expression | query
    mutating func statement() throws -> Statement {
        let start = current.range.lowerBound
        if current.isKeyword("count") {
            p += 1
            let q = try query()
            return .count(q, start..<q.range.upperBound)
        }
        if current.isKeyword("compare"), p + 1 < tokens.count, tokens[p + 1].kind != .end, !isSetOperatorNext {
            return try comparison()
        }
        if current.isKeyword("spread"), p + 1 < tokens.count, tokens[p + 1].kind != .end, !isSetOperatorNext {
            p += 1
            let q = try query()
            return .spread(q, start..<q.range.upperBound)
        }
        if current.isKeyword("explain") {
            p += 1
            let s = try statement()
            return .explain(s, start..<s.range.upperBound)
        }
        if current.isKeyword("let") {
            p += 1
            let name = try identifier(what: "a name for the set")
            try expect(.equal, "'=' after the set name")
            let value: Statement
            if let set = try setExpression() { value = set } else { value = .query(try query()) }
            return .let(name, value, start..<value.range.upperBound)
        }
        if let set = try setExpression() { return set }
        return .query(try query())
    }

    /// command = "." NAME { any character } (a whole line)
    mutating func commandStatement() -> Statement? {
        // The statement's bytes only, addressed by their offsets in the whole source.
        let utf8 = source.utf8
        let bytes = OffsetBytes(base: range.lowerBound, storage: utf8.withContiguousStorageIfAvailable { Array($0[range]) }
            ?? Array(Array(utf8)[range]))
        var i = range.lowerBound
        while i < range.upperBound, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < range.upperBound, bytes[i] == UInt8(ascii: ".") else { return nil }
        let start = i
        i += 1
        while i < range.upperBound, bytes[i] != 0x20, bytes[i] != 0x09, bytes[i] != 0x0A, bytes[i] != 0x0D, bytes[i] != UInt8(ascii: ";") { i += 1 }
        let name = Name(text: bytes.string(start..<i), range: start..<i)
        var end = range.upperBound
        while end > i, [0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: ";")].contains(bytes[end - 1]) { end -= 1 }
        let argument = end > i ? bytes.string(i..<end).trimmingSpaces() : ""
        return .command(name, argument: argument, start..<end)
    }

    /// set_expression = NAME ( "union" | "intersect" | "except" ) NAME
    mutating func setExpression() throws -> Statement? {
        guard current.kind == .word, p + 1 < tokens.count,
              Parser.setOperators.contains(where: { tokens[p + 1].isKeyword($0) }) else { return nil }
        let left = Name(text: current.text, range: current.range)
        let op = tokens[p + 1].text.lowercased()
        p += 2
        let right = try identifier(what: "a set name after '\(op)'")
        return .setOperation(left, op, right, left.range.lowerBound..<right.range.upperBound)
    }

    private var isSetOperatorNext: Bool {
        p + 1 < tokens.count && Parser.setOperators.contains { tokens[p + 1].isKeyword($0) }
    }

    /// comparison = "compare" series { "," series } { clause }
    /// series     = ( NAME | "(" query ")" ) [ "as" ( NAME | STRING ) ]
    mutating func comparison() throws -> Statement {
        let start = current.range.lowerBound
        p += 1
        var series: [ComparedSeries] = []
        repeat {
            if !series.isEmpty { p += 1 }
            var item: ComparedSeries
            if current.kind == .leftParen {
                item = ComparedSeries(query: try parenthesizedQuery(closing: "')' after the compared query"), parenthesized: true, label: nil)
            } else {
                let name = try identifier(what: "a set name or a query in parentheses to compare")
                item = ComparedSeries(query: Query(unit: name, range: name.range), parenthesized: false, label: nil)
            }
            if current.isKeyword("as") {
                p += 1
                guard current.kind == .word || current.kind == .string else { throw unexpected(expecting: "a label after 'as'") }
                item.label = Name(text: current.text, range: current.range)
                p += 1
            }
            series.append(item)
        } while current.kind == .comma
        let clausesStart = current.range.lowerBound
        var shared = Query(unit: Name(text: "compare", range: start..<(start + 7)), range: clausesStart..<clausesStart)
        try clauses(&shared)
        shared.range = clausesStart..<max(clausesStart, previousEnd)
        return .compare(series, shared, start..<previousEnd)
    }

    /// query = unit { clause }   (each kind of clause at most once, in any order)
    mutating func query() throws -> Query {
        let unit = try identifier(what: "a unit (articles, paragraphs, sentences, quotes, entities, terms, stories) or a set name")
        var q = Query(unit: unit, range: unit.range)
        try clauses(&q)
        q.range = unit.range.lowerBound..<previousEnd
        return q
    }

    /// clause = where_clause | group_clause | order_clause | limit_clause | show_clause
    ///        | within_clause | sample_clause | "including" "stopwords"
    mutating func clauses(_ q: inout Query) throws {
        var seen: [String] = []
        // Each clause starts with its own keyword, so any order reads
        // unambiguously (`show id limit 3` as well as `limit 3 show id`);
        // a clause given twice is an error.
        func checkOrder(_ keyword: String, _ token: Token) throws {
            if seen.contains(keyword) {
                let name = keyword == "group" || keyword == "order" ? keyword + " by" : keyword
                throw Diagnostic(.error, "'\(name)' is given twice; a statement has one \(name) clause", at: token.range)
            }
            seen.append(keyword)
        }
        while true {
            let t = current
            if t.isKeyword("where") {
                try checkOrder("where", t)
                p += 1
                q.filter = try expression()
            } else if t.isKeyword("group") {
                try checkOrder("group", t)
                p += 1
                try expectKeyword("by")
                q.groupBy = try fieldList()
            } else if t.isKeyword("order") {
                try checkOrder("order", t)
                p += 1
                try expectKeyword("by")
                q.orderBy = try orderKeys()
            } else if t.isKeyword("limit") {
                try checkOrder("limit", t)
                p += 1
                q.limit = try integerLiteral(what: "a row count after 'limit'")
                if current.isKeyword("offset") {
                    p += 1
                    q.offset = try integerLiteral(what: "a row count after 'offset'")
                }
            } else if t.isKeyword("show") {
                try checkOrder("show", t)
                p += 1
                q.show = try fieldList()
            } else if t.isKeyword("including") {
                p += 1
                try expectKeyword("stopwords")
                q.includeStopwords = true
            } else if t.isKeyword("within") {
                try checkOrder("within", t)
                p += 1
                q.within = try within()
            } else if t.isKeyword("sample") {
                try checkOrder("sample", t)
                p += 1
                q.sample = try sample()
            } else {
                break
            }
        }
    }

    /// within_clause = "within" ( NAME | "(" query ")" )
    mutating func within() throws -> Within {
        if current.kind == .leftParen {
            return .query(try parenthesizedQuery(closing: "')' after the query of 'within'"))
        }
        return .set(try identifier(what: "a set name or a query in parentheses after 'within'"))
    }

    /// sample_clause = "sample" INTEGER [ "seed" INTEGER ] [ "per" field INTEGER ]
    mutating func sample() throws -> SampleClause {
        var s = SampleClause(size: try integerLiteral(what: "how many rows to sample"))
        if current.isKeyword("seed") {
            p += 1
            s.seed = try integerLiteral(what: "a whole number after 'seed'")
        }
        if current.isKeyword("per") {
            p += 1
            let field = try identifier(what: "a field after 'per' (per source 2)")
            s.per = (field, try integerLiteral(what: "how many rows per \(field.text)"))
        }
        return s
    }

    /// order_keys = field [ "asc" | "desc" ] { "," field [ "asc" | "desc" ] }
    mutating func orderKeys() throws -> [OrderKey] {
        var keys: [OrderKey] = []
        repeat {
            if !keys.isEmpty { p += 1 }
            let f = try identifier(what: "a field to order by")
            var desc: Bool?
            if current.isKeyword("desc") { desc = true; p += 1 } else if current.isKeyword("asc") { desc = false; p += 1 }
            keys.append(OrderKey(field: f, descending: desc))
        } while current.kind == .comma
        return keys
    }

    /// field_list = field { "," field }
    mutating func fieldList() throws -> [Name] {
        var names: [Name] = []
        repeat {
            if !names.isEmpty { p += 1 }
            names.append(try identifier(what: "a field name"))
        } while current.kind == .comma
        return names
    }

    // MARK: - Expressions (precedence climbing: or < and < not)

    /// expression = and_expression { "or" and_expression }
    mutating func expression() throws -> Expression {
        var e = try andExpression()
        while current.isKeyword("or") {
            p += 1
            e = .or(e, try andExpression())
        }
        return e
    }

    /// and_expression = not_expression { "and" not_expression }
    mutating func andExpression() throws -> Expression {
        var e = try notExpression()
        while current.isKeyword("and") {
            p += 1
            e = .and(e, try notExpression())
        }
        return e
    }

    /// "(" query ")": one level deeper, refused past the depth limit.
    private mutating func parenthesizedQuery(closing: String) throws -> Query {
        p += 1
        depth += 1
        if depth > Parser.maximumDepth {
            throw Diagnostic(.error, "statement nested too deeply (the limit is \(Parser.maximumDepth) levels)", at: current.range)
        }
        let q = try query()
        depth -= 1
        try expect(.rightParen, closing)
        return q
    }

    /// not_expression = "not" not_expression | "(" expression ")" | predicate
    mutating func notExpression() throws -> Expression {
        depth += 1
        defer { depth -= 1 }
        if depth > Parser.maximumDepth {
            throw Diagnostic(.error, "expression nested too deeply (the limit is \(Parser.maximumDepth) levels)", at: current.range)
        }
        let start = current.range.lowerBound
        if current.isKeyword("not") {
            p += 1
            let inner = try notExpression()
            return .not(inner, start..<inner.range.upperBound)
        }
        if current.kind == .leftParen {
            p += 1
            let inner = try expression()
            guard current.kind == .rightParen else {
                throw unexpected(expecting: "')' to close '('")
            }
            p += 1
            return inner
        }
        return try predicate()
    }

    /// predicate = "mentions" mention_target [ "at" "least" INTEGER "times" ]
    ///           | "collocates" STRING [ "within" INTEGER ]
    ///           | field comparison_tail
    mutating func predicate() throws -> Expression {
        let start = current.range.lowerBound
        if current.isKeyword("collocates") {
            p += 1
            let node = try stringLiteral(what: "words in quotes after 'collocates'")
            var within: Literal?
            // `within (…)` or `within NAME` after it is the query's scope clause.
            if current.isKeyword("within"), p + 1 < tokens.count, tokens[p + 1].kind == .integer || tokens[p + 1].kind == .parameter {
                p += 1
                within = try integerLiteral(what: "a word distance after 'within'")
            }
            return .predicate(.collocates(node, within: within), start..<previousEnd)
        }
        if current.isKeyword("mentions") {
            p += 1
            let target = try mentionTarget()
            var atLeast: Literal?
            if current.isKeyword("at") {
                p += 1
                try expectKeyword("least")
                atLeast = try integerLiteral(what: "a count after 'at least'")
                try expectKeyword("times")
            }
            return .predicate(.mentions(target, atLeast: atLeast), start..<previousEnd)
        }
        guard current.kind == .word, !isReservedWord(current) else {
            throw unexpected(expecting: "a condition (mentions \"…\", a field comparison, not, or '(')")
        }
        let field = Name(text: current.text, range: current.range)
        p += 1
        let pred = try comparisonTail(field)
        return pred.negated
            ? .not(.predicate(pred.predicate, start..<previousEnd), start..<previousEnd)
            : .predicate(pred.predicate, start..<previousEnd)
    }

    /// mention_target = STRING [ "near" INTEGER STRING ] | "stem" STRING
    ///                | ( "entity" | "person" | "place" | "org" ) STRING | REGEX
    mutating func mentionTarget() throws -> MentionTarget {
        if current.kind == .regex {
            let r = regexLiteral(current)
            p += 1
            return .regex(r)
        }
        if current.isKeyword("stem") {
            p += 1
            return .stem(try stringLiteral(what: "a word after 'stem'"))
        }
        for kind in ["entity", "person", "place", "org"] where current.isKeyword(kind) {
            let name = Name(text: kind, range: current.range)
            p += 1
            return .entity(kind: name, try stringLiteral(what: "a name after '\(kind)'"))
        }
        let first = try stringLiteral(what: "words in quotes, stem \"…\", entity \"…\" or /regex/ after 'mentions'")
        if current.isKeyword("near") {
            p += 1
            let distance = try integerLiteral(what: "a word distance after 'near'")
            let second = try stringLiteral(what: "words in quotes after 'near \(distance.display.dropFirst(8))'")
            return .near(first, distance: distance, second)
        }
        return .words(first)
    }

    /// comparison_tail = comparison_operator literal | [ "not" ] "between" literal "and" literal
    ///                 | [ "not" ] "in" "(" literal { "," literal } ")" | "is" [ "not" ] "null"
    ///                 | [ "not" ] "contains" literal | [ "not" ] "matches" REGEX
    mutating func comparisonTail(_ field: Name) throws -> (predicate: Predicate, negated: Bool) {
        let ops: [TokenKind: ComparisonOperator] = [
            .equal: .equal, .notEqual: .notEqual, .less: .less, .lessEqual: .lessEqual,
            .greater: .greater, .greaterEqual: .greaterEqual,
        ]
        if let op = ops[current.kind] {
            p += 1
            return (.comparison(field, op, try literal(what: "a value after '\(op.rawValue)'")), false)
        }
        if current.isKeyword("is") {
            p += 1
            var negated = false
            if current.isKeyword("not") { negated = true; p += 1 }
            try expectKeyword("null")
            return (.isNull(field, negated: negated), false)
        }
        var negated = false
        if current.isKeyword("not") { negated = true; p += 1 }
        if current.isKeyword("between") {
            p += 1
            let low = try literal(what: "a lower bound after 'between'")
            try expectKeyword("and")
            let high = try literal(what: "an upper bound after 'and'")
            return (.between(field, low, high), negated)
        }
        if current.isKeyword("in") {
            p += 1
            try expect(.leftParen, "'(' after 'in'")
            var values: [Literal] = []
            repeat {
                if !values.isEmpty { p += 1 }
                values.append(try literal(what: "a value in the list"))
            } while current.kind == .comma
            try expect(.rightParen, "')' to close the list")
            return (.member(field, values), negated)
        }
        if current.isKeyword("contains") {
            p += 1
            return (.contains(field, try literal(what: "words in quotes or a date after 'contains'")), negated)
        }
        if current.isKeyword("matches") {
            p += 1
            guard current.kind == .regex else { throw unexpected(expecting: "a regular expression /…/ after 'matches'") }
            let r = regexLiteral(current)
            p += 1
            return (.matches(field, r), negated)
        }
        throw unexpected(expecting: "a comparison after '\(field.text)' (=, !=, <, <=, >, >=, between, in, is null, contains, matches)",
                         candidates: Parser.fieldOperators)
    }

    // MARK: - Terminals

    private var current: Token { tokens[min(p, tokens.count - 1)] }
    private var previousEnd: Int { p > 0 ? tokens[p - 1].range.upperBound : range.lowerBound }

    private func isReservedWord(_ t: Token) -> Bool {
        ["and", "or", "where", "group", "order", "limit", "offset", "show", "by", "including", "within", "sample"].contains { t.isKeyword($0) }
    }

    mutating func identifier(what: String) throws -> Name {
        guard current.kind == .word, !isReservedWord(current) else { throw unexpected(expecting: what) }
        defer { p += 1 }
        return Name(text: current.text, range: current.range)
    }

    mutating func literal(what: String) throws -> Literal {
        let t = current
        switch t.kind {
        case .parameter:
            p += 1
            let value = try parameter(t)
            // A value reads as what it looks like: 12 a number, 2024-06-20 a date, the rest a string.
            if let v = Int64(value) { return .integer(v, t.range) }
            var lexer = Lexer(value)
            let tokens = lexer.tokenize()
            if tokens.count == 2, tokens[0].kind == .date, tokens[0].range == 0..<value.utf8.count { return .date(value, t.range) }
            return .string(value, t.range)
        case .string: p += 1; return .string(t.text, t.range)
        case .integer: p += 1; return .integer(t.integer, t.range)
        case .date: p += 1; return .date(t.text, t.range)
        case .regex: p += 1; return regexLiteral(t)
        default: throw unexpected(expecting: what)
        }
    }

    mutating func stringLiteral(what: String) throws -> Literal {
        if current.kind == .parameter {
            let t = current
            p += 1
            return .string(try parameter(t), t.range)
        }
        guard current.kind == .string else { throw unexpected(expecting: what) }
        defer { p += 1 }
        return .string(current.text, current.range)
    }

    mutating func integerLiteral(what: String) throws -> Literal {
        if current.kind == .parameter {
            let t = current
            p += 1
            let value = try parameter(t)
            guard let v = Int64(value.trimmingSpaces()) else {
                throw Diagnostic(.error, "expected \(what), but $\(t.text) is \"\(value)\"", at: t.range)
            }
            return .integer(v, t.range)
        }
        guard current.kind == .integer else { throw unexpected(expecting: what) }
        defer { p += 1 }
        return .integer(current.integer, current.range)
    }

    /// The value of `$name`: bound as a literal, never read as statement text.
    private func parameter(_ t: Token) throws -> String {
        if let v = parameters[t.text] { return v }
        let s = Suggest.closest(to: t.text, among: parameters.keys.sorted())
        let hint = s.map { " (did you mean '$\($0)'?)" }
            ?? " (set it with --set \(t.text)=VALUE, or .set \(t.text) VALUE in the shell)"
        throw Diagnostic(.error, "unknown parameter '$\(t.text)'" + hint, at: t.range, suggestion: s.map { "$" + $0 })
    }

    private func regexLiteral(_ t: Token) -> Literal {
        .regex(pattern: t.text, flags: t.flags, t.range)
    }

    mutating func expect(_ kind: TokenKind, _ what: String) throws {
        guard current.kind == kind else { throw unexpected(expecting: what) }
        p += 1
    }

    mutating func expectKeyword(_ k: String) throws {
        guard current.isKeyword(k) else { throw unexpected(expecting: "'\(k)'", candidates: [k]) }
        p += 1
    }

    /// "expected X, found Y", with "did you mean" when Y is a near-miss of a keyword valid here.
    private func unexpected(expecting what: String, candidates: [String]? = nil) -> Diagnostic {
        let t = current
        var valid = candidates ?? (Parser.clauseKeywords + Parser.setOperators + ["and", "or", "by", "asc", "desc", "near", "at", "least", "times", "null", "mentions", "stem", "entity", "person", "place", "org"])
        valid.removeAll { $0 == "offset" }
        valid += ["within", "collocates", "including", "stopwords"]
        if t.kind == .word, let s = Suggest.closest(to: t.text, among: valid), s != t.text.lowercased() {
            return Diagnostic(.error, "expected \(what), found \(t.display) (did you mean '\(s)'?)", at: t.range, suggestion: s)
        }
        let r = t.kind == .end ? t.range.lowerBound..<(t.range.lowerBound + 1) : t.range
        return Diagnostic(.error, "expected \(what), found \(t.display)", at: r)
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" || f == "\n" || f == "\r" || f == "\r\n" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\n" || l == "\r" || l == "\r\n" { s = s.dropLast() }
        return String(s)
    }
}
