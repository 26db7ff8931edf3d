// Results are Codable so that a tool can keep or pass them on (a cache, a
// worker process) and read them back as the same typed values. This encoding
// is Swift's, for Swift; the schema other programs read is `--format json`
// (docs/output.md), which `Renderer` writes.

extension Unit: Codable {}

extension KWICLine: Codable {
    enum CodingKeys: String, CodingKey { case id, left, match, right }

    /// Reads a line written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), left: try c.decode(String.self, forKey: .left),
                  match: try c.decode(String.self, forKey: .match), right: try c.decode(String.self, forKey: .right))
    }

    /// Writes `id`, `left`, `match` and `right`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(left, forKey: .left)
        try c.encode(match, forKey: .match)
        try c.encode(right, forKey: .right)
    }
}

extension RowSet: Codable {
    enum CodingKeys: String, CodingKey { case unit, unitKind, columns, rows, ids, matched, leftOutByRowLimit, noun }

    /// Reads rows written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(unit: try c.decode(String.self, forKey: .unit), unitKind: try c.decode(Unit.self, forKey: .unitKind),
                  columns: try c.decode([String].self, forKey: .columns), rows: try c.decode([[Value]].self, forKey: .rows),
                  ids: try c.decode([String].self, forKey: .ids), matched: try c.decode(Int.self, forKey: .matched),
                  leftOutByRowLimit: try c.decodeIfPresent(Int.self, forKey: .leftOutByRowLimit) ?? 0,
                  noun: try c.decodeIfPresent(String.self, forKey: .noun))
    }

    /// Writes every property, `rows` as arrays of ``Value``.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unit, forKey: .unit)
        try c.encode(unitKind, forKey: .unitKind)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
        try c.encode(ids, forKey: .ids)
        try c.encode(matched, forKey: .matched)
        try c.encode(leftOutByRowLimit, forKey: .leftOutByRowLimit)
        try c.encodeIfPresent(noun, forKey: .noun)
    }
}

extension QueryResult: Codable {
    enum CodingKeys: String, CodingKey { case kind, rows, count, groups, message, lines, matched }

    /// Reads a result written by `encode(to:)`.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .kind) {
        case "rows": self = .rows(try c.decode(RowSet.self, forKey: .rows))
        case "count": self = .count(try c.decode(Int.self, forKey: .count))
        case "groups": self = .groups(try c.decode(GroupedCounts.self, forKey: .groups))
        case "message": self = .message(try c.decode(String.self, forKey: .message))
        case "kwic": self = .kwic(try c.decode([KWICLine].self, forKey: .lines), matched: try c.decode(Int.self, forKey: .matched))
        case let kind:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown result kind '\(kind)'")
        }
    }

    /// Writes `kind` (`rows`, `count`, `groups`, `message`, `kwic`) and the
    /// case's values under their labels.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .rows(let rows):
            try c.encode("rows", forKey: .kind)
            try c.encode(rows, forKey: .rows)
        case .count(let n):
            try c.encode("count", forKey: .kind)
            try c.encode(n, forKey: .count)
        case .groups(let groups):
            try c.encode("groups", forKey: .kind)
            try c.encode(groups, forKey: .groups)
        case .message(let text):
            try c.encode("message", forKey: .kind)
            try c.encode(text, forKey: .message)
        case .kwic(let lines, let matched):
            try c.encode("kwic", forKey: .kind)
            try c.encode(lines, forKey: .lines)
            try c.encode(matched, forKey: .matched)
        }
    }
}
