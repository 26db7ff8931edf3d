/// The type of a field, which decides the comparisons it allows.
public enum FieldType: String, Sendable, Codable {
    /// Compared case-insensitively as a whole; `contains` looks for words.
    case string
    /// Indexed text (title, body, a sentence): `contains` uses the index.
    case text
    /// A day: compared as dates, partial dates as spans.
    case date
    /// A list of days (`dates`): `contains` looks for one.
    case dateList = "list of dates"
    /// A list of strings (`aliases`, `matched`).
    case stringList = "list of strings"
    /// A whole number: compared as numbers.
    case integer
    /// A number with a fraction (`score`, `keyness`).
    case number
    /// Shown, never compared: `snippet`, `kwic`.
    case passage
}

/// What a row of a query is (reference, section 3).
public enum Unit: String, Sendable, CaseIterable {
    /// The units of the language, as they are written in a statement.
    case articles, paragraphs, sentences, quotes, entities, terms, stories

    /// Units whose rows are stretches of an article's body.
    var isSpan: Bool { self == .paragraphs || self == .sentences || self == .quotes }
    /// Units whose rows are made from several articles (a frequency list, the entities, stories).
    var isAggregate: Bool { self == .entities || self == .terms || self == .stories }

    /// "article", "paragraph", …
    public var singular: String {
        switch self {
        case .entities: return "entity"
        case .stories: return "story"
        default: return String(rawValue.dropLast())
        }
    }
}

/// A column of a unit, independent of how an executor stores it.
public indirect enum Column: Hashable, Sendable {
    /// The fields of an article (and `id`, `text`, `score` of other units).
    case id, title, text, raw, date, dates, source, url, lang, words, score
    /// A metadata field of the corpus (an extra JSON key, a front-matter key).
    case metadata(String)
    /// Paragraphs, sentences and quotes: position in the article (1-based).
    case n
    /// Quotes: who said it.
    case speaker
    /// Paragraphs: in how many articles it appears (itself included), and the other articles.
    case copies, copiesIn
    /// Entities.
    case name, type, aliases, articles, mentions
    /// Terms.
    case term, stem, count, keyness
    /// Stories: outlets that carried it, the first and last dates, the first
    /// outlet, the member articles, and the outlets in order.
    case sources, firstDate, firstSource, lastDate, members, outlets
    /// Articles: the aliases of the entity predicates found in the article.
    case matched
    /// The best passage with the matches highlighted.
    case snippet
    /// One keyword-in-context line per hit (a row becomes several lines).
    case kwic
    /// Sort keys of KWIC lines: the context before and after the match.
    case left, right
    /// A field of the article a paragraph, sentence or quote belongs to.
    case article(Column)

    /// The column's name in the language.
    public var name: String {
        switch self {
        case .metadata(let n): return n
        case .article(let c): return "article." + c.name
        case .copiesIn: return "copies_in"
        case .firstDate: return "first_date"
        case .firstSource: return "first_source"
        case .lastDate: return "last_date"
        // Spelled out rather than String(describing:), whose reflection costs a fraction of a millisecond at start-up.
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
        case .n: return "n"
        case .speaker: return "speaker"
        case .copies: return "copies"
        case .name: return "name"
        case .type: return "type"
        case .aliases: return "aliases"
        case .articles: return "articles"
        case .mentions: return "mentions"
        case .term: return "term"
        case .stem: return "stem"
        case .count: return "count"
        case .keyness: return "keyness"
        case .sources: return "sources"
        case .members: return "members"
        case .outlets: return "outlets"
        case .matched: return "matched"
        case .snippet: return "snippet"
        case .kwic: return "kwic"
        case .left: return "left"
        case .right: return "right"
        }
    }
}

/// A field as the schema describes it.
public struct FieldDefinition: Sendable {
    /// The column it names.
    public var column: Column
    /// What it holds, which decides the comparisons it allows.
    public var type: FieldType
    /// One line for `.schema`: what the field holds.
    public var summary: String

    /// The field's name in the language.
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
        FieldDefinition(column: .matched, type: .stringList, summary: "aliases an entity predicate found"),
        FieldDefinition(column: .snippet, type: .passage, summary: "the best passage, matches highlighted"),
        FieldDefinition(column: .kwic, type: .passage, summary: "one keyword-in-context line per match"),
        FieldDefinition(column: .raw, type: .string, summary: "the text exactly as loaded"),
    ]

    /// The fields of each unit; paragraphs, sentences and quotes also reach
    /// their article's fields as `article.FIELD`.
    public static func fields(of unit: Unit, metadata: [String] = []) -> [FieldDefinition] {
        let meta = metadata.map { FieldDefinition(column: .metadata($0), type: .string, summary: "metadata") }
        func parent() -> [FieldDefinition] {
            (articleFields.filter { ![.score, .matched, .snippet, .kwic].contains($0.column) } + meta).map {
                FieldDefinition(column: .article($0.column), type: $0.type, summary: "the article's \($0.name)")
            }
        }
        switch unit {
        case .articles:
            return meta.isEmpty ? articleFields : articleFields + meta
        case .paragraphs, .sentences:
            let copies = unit == .paragraphs ? [
                FieldDefinition(column: .copies, type: .integer, summary: "articles printing it, itself included (near-duplicates count)"),
                FieldDefinition(column: .copiesIn, type: .stringList, summary: "the other articles printing it"),
            ] : []
            return [
                FieldDefinition(column: .id, type: .string, summary: "article id and position (…#\(unit == .paragraphs ? "p" : "s")3)"),
                FieldDefinition(column: .n, type: .integer, summary: "position in the article, from 1"),
                FieldDefinition(column: .text, type: .text, summary: "the \(unit.singular)'s text"),
            ] + copies + passages + parent()
        case .quotes:
            return [
                FieldDefinition(column: .id, type: .string, summary: "article id and position (…#q1)"),
                FieldDefinition(column: .n, type: .integer, summary: "position in the article, from 1"),
                FieldDefinition(column: .text, type: .text, summary: "the words quoted"),
                FieldDefinition(column: .speaker, type: .string, summary: "who said it (canonical name), or null"),
            ] + passages + parent()
        case .entities:
            return [
                FieldDefinition(column: .name, type: .string, summary: "canonical name"),
                FieldDefinition(column: .type, type: .string, summary: "person, place, org or other"),
                FieldDefinition(column: .aliases, type: .stringList, summary: "the names it goes by"),
                FieldDefinition(column: .articles, type: .integer, summary: "articles that mention it"),
                FieldDefinition(column: .mentions, type: .integer, summary: "times it is mentioned"),
            ] + parent()
        case .terms:
            return [
                FieldDefinition(column: .term, type: .string, summary: "the folded word"),
                FieldDefinition(column: .stem, type: .string, summary: "its Indonesian root"),
                FieldDefinition(column: .count, type: .integer, summary: "occurrences"),
                FieldDefinition(column: .articles, type: .integer, summary: "articles it occurs in"),
                FieldDefinition(column: .score, type: .number, summary: "with collocates: association (logDice)"),
                FieldDefinition(column: .keyness, type: .number, summary: "log-likelihood against the rest of the corpus"),
            ] + parent()
        case .stories:
            return [
                FieldDefinition(column: .id, type: .string, summary: "the id of its first article"),
                FieldDefinition(column: .title, type: .string, summary: "the title of its first article"),
                FieldDefinition(column: .articles, type: .integer, summary: "articles carrying it (near-duplicate bodies)"),
                FieldDefinition(column: .sources, type: .integer, summary: "outlets carrying it"),
                FieldDefinition(column: .firstDate, type: .date, summary: "the earliest date, or null"),
                FieldDefinition(column: .firstSource, type: .string, summary: "the outlet of its first article, or null"),
                FieldDefinition(column: .lastDate, type: .date, summary: "the latest date, or null"),
                FieldDefinition(column: .members, type: .stringList, summary: "the ids of its articles, first first"),
                FieldDefinition(column: .outlets, type: .stringList, summary: "the outlets, in the order they carried it"),
            ]
        }
    }

    static let passages = [
        FieldDefinition(column: .snippet, type: .passage, summary: "the passage, matches highlighted"),
        FieldDefinition(column: .kwic, type: .passage, summary: "one keyword-in-context line per match"),
    ]

    /// Every unit the language names.
    public static let units = Unit.allCases.map(\.rawValue)

    /// Columns a row shows when the statement has no `show`.
    public static func defaultColumns(of unit: Unit) -> [Column] {
        switch unit {
        case .articles: return [.id, .title, .date, .source]
        case .paragraphs, .sentences: return [.article(.id), .n, .text]
        case .quotes: return [.article(.id), .speaker, .text]
        case .entities: return [.name, .type, .articles, .mentions]
        case .terms: return [.term, .count, .articles]
        case .stories: return [.id, .articles, .sources, .firstDate, .firstSource, .title]
        }
    }

    /// Columns an article row shows when the statement has no `show`.
    public static let defaultArticleColumns: [Column] = defaultColumns(of: .articles)

    /// Date buckets for `group by date.month` and the like.
    public static let dateBuckets = ["day", "week", "month", "year"]
}
