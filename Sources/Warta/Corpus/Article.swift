/// One news article as warta sees it: the cleaned text it searches, the raw
/// text it came from, and the metadata found in or given with it.
public struct Article: Sendable, Hashable {
    /// Unique within a corpus. For a file, the file name without extension.
    public var id: String
    /// The headline (never the site navigation text that may precede it).
    public var title: String
    /// The cleaned body: paragraphs separated by a blank line ("\n\n"), with
    /// boilerplate (related links, captions printed twice, widgets) removed.
    public var text: String
    /// The text exactly as loaded.
    public var raw: String
    /// The article's own date: from metadata, else the dateline or first
    /// complete date of the text; `nil` when the text names no complete date.
    public var date: Day?
    /// Every complete date the text mentions, in order of first appearance.
    public var dates: [Day]
    /// The outlet: from metadata, else a domain named in the dateline.
    public var source: String?
    /// Where it was published, when the metadata says.
    public var url: String?
    /// "id" (Indonesian) or "en" (English), or `nil` when unsure.
    public var lang: String?
    /// Other metadata (extra JSON keys, extra front-matter keys), as text.
    public var fields: [String: String]

    /// An article as given; nothing is cleaned or found (``CorpusLoader`` does that when loading).
    public init(id: String, title: String, text: String, raw: String, date: Day? = nil,
                dates: [Day] = [], source: String? = nil, url: String? = nil,
                lang: String? = nil, fields: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.text = text
        self.raw = raw
        self.date = date
        self.dates = dates
        self.source = source
        self.url = url
        self.lang = lang
        self.fields = fields
    }

    /// The cleaned body's paragraphs, in order.
    public var paragraphs: [Substring] {
        text.split(separator: "\n\n", omittingEmptySubsequences: true)
    }
}
