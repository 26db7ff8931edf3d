// warta-digest: for a corpus and a day, the entities mentioned most that day
// and each one in context, as Markdown.
//
//     warta-digest CORPUS [DATE] [--top N] [--lines N]
//
// DATE is YYYY-MM-DD; without it, the latest date in the corpus.

import Foundation
import Warta

struct Options {
    var corpus = ""
    var day: Day?
    var top = 5
    var lines = 3

    static let usage = "usage: warta-digest CORPUS [YYYY-MM-DD] [--top N] [--lines N]"

    init(_ arguments: [String]) throws {
        var positional: [String] = []
        var rest = arguments[...]
        while let a = rest.popFirst() {
            switch a {
            case "--top", "--lines":
                guard let v = rest.popFirst().flatMap(Int.init), v > 0 else { throw Failure(Options.usage) }
                if a == "--top" { top = v } else { lines = v }
            case "-h", "--help":
                throw Failure(Options.usage, status: 0)
            default:
                positional.append(a)
            }
        }
        guard (1...2).contains(positional.count) else { throw Failure(Options.usage) }
        corpus = positional[0]
        if positional.count == 2 {
            guard let d = Day(iso: positional[1]) else { throw Failure("warta-digest: not a date: '\(positional[1])' (YYYY-MM-DD)") }
            day = d
        }
    }
}

struct Failure: Error {
    var message: String
    var status: Int32 = 2
    init(_ message: String, status: Int32 = 2) {
        self.message = message
        self.status = status
    }
}

/// A string literal of the query language.
func quoted(_ s: String) -> String {
    "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

/// Text that Markdown prints as it is.
func markdown(_ s: String) -> String {
    var out = ""
    for c in s {
        if "\\`*_[]<>|#".contains(c) { out.append("\\") }
        out.append(c)
    }
    return out
}

/// One entity of the day, read from a row of `entities`.
struct Mentioned {
    var name: String
    var type: String
    var aliases: [String]
    var articles: Int
    var mentions: Int
}

func digest(_ options: Options) throws -> String {
    let corpus = try Corpus.open(path: options.corpus)
    guard let day = options.day ?? corpus.summary.lastDate else {
        throw Failure("warta-digest: no article of \(options.corpus) has a date; give one")
    }
    let session = Session(corpus: corpus)
    session.settings.timeoutMilliseconds = 30_000

    guard case .count(let articles) = try session.run("count articles where date = \(day)") else { return "" }
    var out = "# \(markdown(corpus.name)): \(day)\n\n"
    guard articles > 0 else { return out + "No article is dated \(day).\n" }

    // The entities of the day's articles, most mentioned first: typed rows, read by column.
    let statement = "entities where article.date = \(day) order by mentions desc limit \(options.top) show name, type, aliases, articles, mentions"
    guard case .rows(let rows) = try session.run(statement) else { return out }
    func column(_ name: String) -> Int { rows.columns.firstIndex(of: name)! }
    let entities: [Mentioned] = rows.rows.map { row in
        var aliases: [String] = []
        if case .strings(let a) = row[column("aliases")] { aliases = a }
        func int(_ v: Value) -> Int { if case .integer(let i) = v { return i } else { return 0 } }
        return Mentioned(name: row[column("name")].text, type: row[column("type")].text, aliases: aliases,
                         articles: int(row[column("articles")]), mentions: int(row[column("mentions")]))
    }

    out += "\(articles) \(articles == 1 ? "article" : "articles"); the entities mentioned most:\n\n"
    out += "| entity | type | mentions | articles |\n| --- | --- | ---: | ---: |\n"
    for e in entities {
        out += "| \(markdown(e.name)) | \(e.type) | \(e.mentions) | \(e.articles) |\n"
    }
    for e in entities {
        out += "\n## \(markdown(e.name))\n\n"
        for line in try contexts(of: e, on: day, limit: options.lines, in: session) {
            out += "- \(inContext(line)) (`\(line.id)`)\n"
        }
    }
    return out
}

/// A KWIC line as one Markdown line, the match in bold. The line's sides come
/// without the spaces around the match: put one back where the text had one.
func inContext(_ line: KWICLine) -> String {
    var out = markdown(line.left)
    if let last = line.left.last, !"(“‘\"'-/".contains(last) { out += " " }
    out += "**" + markdown(line.match) + "**"
    if let first = line.right.first, !",.;:!?)”’\"'-/".contains(first) { out += " " }
    return out + markdown(line.right)
}

/// Keyword-in-context lines of the sentences that mention `entity` that day.
func contexts(of entity: Mentioned, on day: Day, limit: Int, in session: Session) throws -> [KWICLine] {
    let byEntity = "sentences where mentions entity \(quoted(entity.name)) and article.date = \(day) limit \(limit) show kwic"
    if case .kwic(let lines, _) = try session.run(byEntity), !lines.isEmpty { return lines }
    // An entity predicate finds the sentences but marks no words in them: ask for the names it goes by.
    let names = ([entity.name] + entity.aliases).map { "mentions \(quoted($0))" }.joined(separator: " or ")
    let byName = "sentences where (\(names)) and article.date = \(day) limit \(limit) show kwic"
    if case .kwic(let lines, _) = try session.run(byName) { return lines }
    return []
}

do {
    let options = try Options(Array(CommandLine.arguments.dropFirst()))
    print(try digest(options), terminator: "")
} catch let failure as Failure {
    FileHandle.standardError.write(Data((failure.message + "\n").utf8))
    exit(failure.status)
} catch let d as Diagnostic {
    FileHandle.standardError.write(Data(("warta-digest: \(d)\n").utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data(("warta-digest: \(error)\n").utf8))
    exit(2)
}
