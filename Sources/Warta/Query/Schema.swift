/// The type of a field, which decides the comparisons it allows.
public enum FieldType: String, Sendable, Codable {
    /// Compared case-insensitively as a whole; `contains` looks for words.
    case string
    /// Indexed text (title, body): `contains` uses the index.
    case text
    case date
    case dateList = "list of dates"
    case integer
    case number
}

/// A column of a unit, independent of how an executor stores it.
public enum Column: Hashable, Sendable {
    case id, title, text, raw, date, dates, source, url, lang, words, score
    /// A metadata field of the corpus (an extra JSON key, a front-matter key).
    case metadata(String)

    /// The column's name in the language.
    public var name: String {
        switch self {
        case .id: return "id"
        case .title: return "title"
        case .text: return "text"
        case .raw: return "raw"
        case .date: return "date"
        case .dates: return "dates"
        case .source: return "source"
        case .url: return "url"
        case .lang: return "lang"
        case .words: return "words"
        case .score: return "score"
        case .metadata(let n): return n
        }
    }
}

/// A field as the schema describes it.
public struct FieldDefinition: Sendable {
    public var column: Column
    public var type: FieldType
    public var summary: String

    public var name: String { column.name }
}

/// Units and their fields (reference, section 3).
public enum Schema {
    /// The fields of `articles`; metadata fields of the corpus come after.
    public static let articleFields: [FieldDefinition] = [
        FieldDefinition(column: .id, type: .string, summary: "file name without extension, or the id given"),
        FieldDefinition(column: .title, type: .text, summary: "the headline"),
        FieldDefinition(column: .text, type: .text, summary: "the cleaned body"),
        FieldDefinition(column: .date, type: .date, summary: "the article's own date, or null"),
        FieldDefinition(column: .dates, type: .dateList, summary: "every complete date the text mentions"),
        FieldDefinition(column: .source, type: .string, summary: "the outlet, or null"),
        FieldDefinition(column: .url, type: .string, summary: "where it was published, or null"),
        FieldDefinition(column: .lang, type: .string, summary: "id or en, or null"),
        FieldDefinition(column: .words, type: .integer, summary: "words in the cleaned body"),
        FieldDefinition(column: .score, type: .number, summary: "BM25 relevance to the text predicates"),
        FieldDefinition(column: .raw, type: .string, summary: "the text exactly as loaded"),
    ]

    /// Every unit the language names, with whether this version answers it.
    public static let units = ["articles", "paragraphs", "sentences", "quotes", "entities", "terms"]

    /// Columns an article row shows when the statement has no `show`.
    public static let defaultArticleColumns: [Column] = [.id, .title, .date, .source]

    /// Date buckets for `group by date.month` and the like.
    public static let dateBuckets = ["day", "week", "month", "year"]
}
