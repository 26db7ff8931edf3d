// The checked, backend-neutral form of a statement. Every name is resolved
// and every value typed; nothing here knows about posting lists or SQL, so
// the native index and a database executor can both run it.

/// One word of a text search after normalization.
public enum WordPattern: Sendable, Hashable {
    /// The word itself, folded.
    case exact(String)
    /// `kunjung*`: any word starting with this.
    case prefix(String)
    /// `stem "kunjungan"`: any word with the same Indonesian root.
    case stem(String)
}

/// A search for words in indexed text (`mentions`, `title contains`).
public struct TextSearch: Sendable, Hashable {
    /// Fields searched; a phrase never spans two fields.
    public var fields: [IndexedField]
    /// Consecutive words.
    public var phrase: [WordPattern]
    /// `near N "…"`: a second phrase within N words, in either order.
    public var near: Near?
    /// `at least N times` (1 by default), counted over all fields.
    public var minimumCount: Int = 1
    /// The text as the user wrote it, for explain.
    public var written: String
    /// Whether the words must fall within the row's own span (a sentence,
    /// a paragraph, a quote) or anywhere in its article.
    public var scope: TextScope = .article

    /// The second phrase of `near`, and how far it may be.
    public struct Near: Sendable, Hashable {
        /// At most this many other words between the two phrases.
        public var distance: Int
        /// The second phrase's words.
        public var phrase: [WordPattern]
    }
}

/// A search for an entity under any of its names (`mentions entity "Korut"`).
public struct EntitySearch: Sendable, Hashable {
    /// The canonical name.
    public var name: String
    /// Its type: `person`, `place`, `org` or `other`.
    public var type: String
    /// Every name it goes by, for explain.
    public var aliases: [String]
    /// `at least N times` (1 by default).
    public var minimumCount: Int = 1
    /// Within the row's own span, or anywhere in its article.
    public var scope: TextScope = .article
    /// As the user wrote it.
    public var written: String
}

/// Where a text search applies.
public enum TextScope: Sendable, Hashable {
    /// Anywhere in the row's article.
    case article
    /// Within the paragraph, sentence or quote that is the row.
    case unit
}

/// A value a condition compares against.
public enum ScalarValue: Sendable, Hashable {
    /// A string (compared without case).
    case string(String)
    /// An integer.
    case integer(Int64)
}

/// A condition over one unit's rows.
public indirect enum Condition: Sendable, Hashable {
    /// Every row.
    case all
    /// Every one of the conditions.
    case and([Condition])
    /// At least one of the conditions.
    case or([Condition])
    /// Rows the condition rejects.
    case not(Condition)
    /// Words in indexed text.
    case text(TextSearch)
    /// A string or integer column compared with a value (strings case-insensitively).
    case compare(Column, ComparisonOperator, ScalarValue)
    /// A date column within `lower...upper` (day ordinals; either side open).
    case dateRange(Column, lower: Int32?, upper: Int32?)
    /// A list-of-dates column holds a day within `lower...upper`.
    case dateListContains(Column, lower: Int32, upper: Int32)
    /// The column is null (an empty list for `dates`).
    case isNull(Column)
    /// An unindexed string column contains these words consecutively.
    case columnWords(Column, [String])
    /// A regular expression (linear-time engine) matches one of the columns.
    case regex([Column], pattern: String, caseInsensitive: Bool)
    /// The entity is mentioned, under any alias.
    case entity(EntitySearch)
}

extension Condition {
    /// Whether any part is a `mentions entity` predicate.
    public var hasEntityPredicate: Bool {
        switch self {
        case .entity: return true
        case .and(let ps), .or(let ps): return ps.contains { $0.hasEntityPredicate }
        case .not(let c): return c.hasEntityPredicate
        default: return false
        }
    }

    /// The entity searches outside any `not`.
    var positiveEntitySearches: [EntitySearch] {
        switch self {
        case .entity(let e): return [e]
        case .and(let ps), .or(let ps): return ps.flatMap(\.positiveEntitySearches)
        default: return []
        }
    }

    /// Whether it reads a column of an entity or term row (not of an article).
    var referencesRowColumns: Bool {
        switch self {
        case .and(let ps), .or(let ps): return ps.contains { $0.referencesRowColumns }
        case .not(let c): return c.referencesRowColumns
        case .text(let s): return s.scope == .unit
        case .entity(let e): return e.scope == .unit
        case .compare(let c, _, _), .isNull(let c), .columnWords(let c, _), .dateRange(let c, _, _), .dateListContains(let c, _, _):
            return c.isRowColumn
        case .regex(let cs, _, _): return cs.contains { $0.isRowColumn }
        case .all: return false
        }
    }

    /// Whether it reads an article (its text or its fields).
    var referencesArticles: Bool {
        switch self {
        case .and(let ps), .or(let ps): return ps.contains { $0.referencesArticles }
        case .not(let c): return c.referencesArticles
        case .text(let s): return s.scope == .article
        case .entity(let e): return e.scope == .article
        case .compare(let c, _, _), .isNull(let c), .columnWords(let c, _), .dateRange(let c, _, _), .dateListContains(let c, _, _):
            return !c.isRowColumn
        case .regex(let cs, _, _): return cs.contains { !$0.isRowColumn }
        case .all: return false
        }
    }
}

extension Column {
    /// Columns of an entity or term row rather than of an article.
    var isRowColumn: Bool {
        switch self {
        case .name, .type, .aliases, .articles, .mentions, .term, .stem, .count, .keyness,
             .sources, .firstDate, .firstSource, .lastDate, .members, .outlets: return true
        default: return false
        }
    }
}

/// Bucketing for `group by`.
public enum GroupKey: Sendable, Hashable {
    /// The column's values as they are.
    case column(Column)
    /// `date.year`, `date.month`, `date.week`, `date.day`: every bucket from
    /// the first date to the last is listed, empty ones too.
    case dateBucket(Column, String)

    /// The key as written: `source`, `date.month`.
    /// (A paragraph's or sentence's `article.source` reads as `source`.)
    public var name: String {
        func plain(_ c: Column) -> String { if case .article(let inner) = c { return inner.name }; return c.name }
        switch self {
        case .column(let c): return plain(c)
        case .dateBucket(let c, let b): return "\(plain(c)).\(b)"
        }
    }
}

/// A sort key.
public struct SortKey: Sendable, Hashable {
    /// The column sorted on.
    public var column: Column
    /// Largest first.
    public var descending: Bool
}

/// A checked query over a unit.
public struct CheckedQuery: Sendable {
    /// `articles`, another unit, or the name of a set, as written.
    public var unit: String
    /// What a row is.
    public var unitKind: Unit
    /// Documents of a named set, when the unit is one (ordinals).
    public var setName: String?
    /// Which rows (or, for entities and terms, which articles) the query keeps.
    public var condition: Condition
    /// For entities and terms: the condition on their own fields (the
    /// `condition` chooses the articles they are counted over).
    public var rowFilter: Condition
    /// The `group by` keys of a count; empty otherwise.
    public var groupBy: [GroupKey]
    /// Empty: by score when `ranked`, else by id.
    public var order: [SortKey]
    /// `limit N`, if any.
    public var limit: Int?
    /// `offset N`, 0 when not written.
    public var offset: Int
    /// The columns to show, in order.
    public var columns: [Column]
    /// Whether the query has a positive text predicate to rank by.
    public var ranked: Bool
    /// Terms: keep stop words (`including stopwords`).
    public var includeStopwords: Bool = false
    /// Terms: the words near a node (`collocates "Putin" within 5`).
    public var collocation: Collocation?
    /// `within …`: the articles the query and its totals are restricted to.
    public var scope: Scope?
    /// `sample N …`: a reproducible random sample of the rows.
    public var sample: Sample?
    /// How the groups of a grouped count are sorted (empty: by the keys).
    public var groupOrder: [GroupSortKey] = []
}

/// `within NAME` or `within (articles where …)`: counts and totals are taken
/// over these articles only.
public struct Scope: Sendable {
    /// A named set, if the scope is one.
    public var setName: String?
    /// The articles' condition (`all` for a set).
    public var condition: Condition
    /// As written, for the output.
    public var written: String
}

/// `sample 10 seed 7 per source 1`: rows chosen by a hash of the seed and
/// each row's id, so the same seed picks the same rows on any machine and in
/// any load order.
public struct Sample: Sendable, Hashable {
    /// How many rows at most.
    public var size: Int
    /// The seed (0 when not written).
    public var seed: UInt64
    /// `per FIELD M`: the field, and at most M rows for each of its values.
    public var per: Column?
    /// M.
    public var perLimit: Int
}

/// A sort key of grouped counts.
public enum GroupSortKey: Sendable, Hashable {
    /// The n-th grouping key's value.
    case key(Int, descending: Bool)
    /// The count (of the first series).
    case count(descending: Bool)
    /// The share (of the first series).
    case share(descending: Bool)
    /// The group's total.
    case total(descending: Bool)
}

/// `compare …`: several queries counted over the same groups.
public struct Comparison: Sendable {
    /// One query per series, with its label.
    public var series: [(label: String, query: CheckedQuery)]
    /// The grouping, order, limit and scope they share (its condition is unused).
    public var shared: CheckedQuery
}

/// `collocates "Putin" within 5`: the words within a window of a node.
public struct Collocation: Sendable, Hashable {
    /// The word or phrase whose neighbours are counted.
    public var node: TextSearch
    /// How many words on each side count as near.
    public var window: Int
}

/// A checked statement, ready for an executor.
public enum CheckedStatement: Sendable {
    /// A query for rows.
    case rows(CheckedQuery)
    /// A count, or grouped counts.
    case count(CheckedQuery)
    /// `explain …`: the statement checked, and as parsed (explain prints both).
    indirect case explain(CheckedStatement, Statement)
    /// `let NAME = …`: the set's name and what makes it.
    indirect case `let`(String, CheckedStatement)
    /// `a union b`: the two set names and the operator between them.
    case setOperation(String, String, String)
    /// A dot-command and its argument text.
    case command(String, String)
    /// `compare …`: counts of several queries over the same groups.
    case compare(Comparison)
    /// `spread …`: per outlet, the first date it carried a match.
    case spread(CheckedQuery)
}
