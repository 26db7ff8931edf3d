/// What a file or a JSON line says about an article, before extraction
/// fills the gaps.
struct ArticleMetadata {
    var id: String
    var title: String?
    var date: Day?
    var source: String?
    var url: String?
    var lang: String?
    var fields: [String: String] = [:]
}

extension Article {
    /// An article from cleaned text: metadata wins, extraction fills in.
    init(cleaned: CleanedText, raw: String, metadata m: ArticleMetadata) {
        let title = m.title ?? cleaned.title
        let text = cleaned.text
        // Dates are searched in the headline and the cleaned body only, so
        // a date in a dropped related-article link is not the article's.
        let dates = DateFinder.allDates(in: title.isEmpty ? text : title + "\n\n" + text)
        var source = m.source
        if source == nil {
            // The dateline is in the opening; the first paragraph may be a
            // photo caption, so the second is looked at too.
            source = cleaned.paragraphs.prefix(2).lazy.compactMap { SourceFinder.source(in: $0) }.first
        }
        self.init(id: m.id, title: title, text: text, raw: raw,
                  date: m.date ?? dates.first,  // the first date is `articleDate`
                  dates: dates, source: source, url: m.url,
                  lang: m.lang ?? LanguageGuess.guess(text.isEmpty ? title : text),
                  fields: m.fields)
    }
}

extension String {
    /// The last path component without its extension: the default id.
    var baseName: String {
        let file = split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? self
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return file }
        return String(file[..<dot])
    }

    /// The lower-cased extension, without the dot ("" when none).
    var fileExtension: String {
        let file = split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? self
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else { return "" }
        return file[file.index(after: dot)...].lowercased()
    }
}
