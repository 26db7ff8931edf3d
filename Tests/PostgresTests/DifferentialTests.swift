import Foundation
import Warta
import WartaPostgres
import XCTest

/// The same statements on the native engine, a single PostgreSQL node and a
/// sharded cluster must give the same rows: ids, values, counts and groups
/// identical, scores within a relative 1e-9 (each BM25 term is the same double;
/// only the order of the final sum may differ). A statement PostgreSQL cannot
/// run exactly must be refused ("not supported on PostgreSQL: …"), never
/// answered differently.
final class DifferentialTests: XCTestCase {
    override class func tearDown() {
        PostgresCluster.dropCreated()
        super.tearDown()
    }

    /// Statements beyond grammar/examples: every predicate, ordering and output shape the backend runs.
    static let statements = [
        // Words, phrases, prefixes, roots, near, counts of occurrences.
        #"articles where mentions "Putin" show id, score"#,
        #"articles where mentions "vladimir putin" order by id show id"#,
        #"articles where mentions "putin vladimir" show id"#,
        #"count articles where mentions "kim jong un""#,
        #"articles where mentions "kunjung*" show id, score"#,
        #"articles where mentions "viet*" limit 2 show id, score"#,
        #"articles where mentions "pre*" show id, score"#,
        #"articles where mentions "pre*" limit 3 show id, score"#,
        #"articles where mentions "p*" limit 3 show id, score"#,
        #"articles where mentions "p*" show id, score"#,
        #"articles where mentions stem "kunjungan" show id, score"#,
        #"articles where mentions stem "mengunjungi" limit 2 show id, score"#,
        #"count articles where mentions stem "kepresidenan""#,
        #"count articles where mentions stem "berkunjungnya""#,
        #"articles where mentions "pakta" near 5 "pertahanan" show id, score, title"#,
        #"articles where mentions "putin" near 2 "vietnam" show id, score"#,
        #"articles where mentions "vietnam" near 2 "putin" show id, score"#,
        #"count articles where mentions "korea utara" near 10 "rusia""#,
        #"count articles where mentions "kunjung*" near 3 "putin""#,
        #"articles where mentions "Vietnam" at least 5 times show id"#,
        #"articles where mentions "kunjung*" at least 3 times show id"#,
        #"articles where mentions stem "kunjungan" at least 2 times show id"#,
        #"articles where title contains "Putin" show id, score"#,
        #"articles where title contains "putin" and text contains "hanoi" show id, score"#,
        #"articles where text contains "To Lam" limit 1 show id, score"#,
        #"articles where mentions "Putin" and not mentions "Korut" show id, score"#,
        #"articles where mentions "Korut" or mentions "Hanoi" show id, score"#,
        #"articles where not (mentions "Korut" or date = 2024-06-19) show id"#,
        #"articles where mentions "tidakadakatasemacamini" show id"#,
        #"count articles where mentions "zzz*""#,
        // Fields.
        #"articles where id = "002_886CA11FC7C36E11" show id"#,
        #"articles where id > "002" order by id show id"#,
        #"articles where title contains "vietnam" order by title show id, title"#,
        #"articles where source = "VIRPROM.com" show id, source, url, lang"#,
        #"articles where source != "virprom.com" show id, source"#,
        #"articles where source < "n" show id, source"#,
        #"articles where source contains "virprom" show id"#,
        #"articles where source contains "com" show id"#,
        #"articles where url is null show id"#,
        #"articles where url is not null show id, url"#,
        #"articles where lang = "id" show id, lang"#,
        #"articles where lang is null show id"#,
        #"articles where words between 290 and 300 show id, words"#,
        #"articles where words >= 364 order by words show id, words"#,
        #"articles where words < 300 and date is not null show id, words, date"#,
        #"articles where date >= 2024-06-20 show id, date"#,
        #"articles where date != 2024-06-20 show id, date"#,
        #"articles where date > 2024 show id"#,
        #"articles where date <= 2024-06 show id"#,
        #"articles where dates contains 2024-06 show id, dates"#,
        #"articles where dates contains 2024 show id"#,
        #"articles where dates is null show id"#,
        #"articles where dates is not null show id, dates"#,
        #"articles where source in ("virprom.com", "x") or date is null show id"#,
        // Counting and groups.
        #"count articles where mentions "Putin" group by source"#,
        #"count articles group by date.week"#,
        #"count articles group by date.day"#,
        #"count articles group by dates.month"#,
        #"count articles group by dates.year"#,
        #"count articles group by dates order by count desc"#,
        #"count articles group by words"#,
        #"count articles group by id limit 2 offset 1"#,
        #"count articles group by title order by title desc"#,
        #"count articles group by url"#,
        #"count articles group by date order by date desc"#,
        #"count articles group by source order by count desc limit 1"#,
        // Order, limit, offset, columns.
        #"articles order by date, words desc show id, date, words"#,
        #"articles order by source, id desc show id, source"#,
        #"articles order by title desc show id, title"#,
        #"articles order by id desc limit 2 offset 2 show id"#,
        #"articles limit 0 show id"#,
        #"articles offset 3 show id"#,
        #"articles where mentions "Putin" order by score show id, score"#,
        #"articles where mentions "Putin" order by date desc show id, date, score"#,
        #"articles where mentions "Putin" limit 2 offset 1 show id, score"#,
        #"articles where mentions "Putin" order by words show id, words"#,
        #"articles where mentions "to lam" show id, title, text, raw, dates, url, lang, words, matched"#,
        #"articles where mentions "vietnam" limit 3 show score, id"#,
        // Sets.
        #"let a = articles where mentions "Putin" and date is not null"#,
        #"let b = articles where mentions "Korut""#,
        #"a where mentions "Vietnam" show id, score"#,
        #"count a group by date"#,
        #"a union b"#,
        #"a intersect b"#,
        #"b except a"#,
        // Coverage: totals and shares, timelines, pivots, compare, within.
        #"count articles where mentions "Putin" group by date.day"#,
        #"count articles where mentions "Korut" group by source, date.month"#,
        #"count articles group by date.month, lang"#,
        #"count articles where mentions "Korut" group by source order by share desc"#,
        #"count articles where mentions "Korut" group by source order by total desc, source"#,
        #"count articles where mentions "Korut" within a group by date"#,
        #"articles where mentions "Vietnam" within a show id, score"#,
        #"count articles where mentions "Hanoi" within (articles where date is not null) group by date.day"#,
        #"compare a, b group by date.month"#,
        #"compare (articles where mentions "Putin") as putin, (articles where mentions "Kim") as kim group by source"#,
        #"compare a, (articles where mentions "Korut") as korut"#,
        #"count articles where mentions "Korut" group by dates.month, source"#,
        // Refused, or errors the checker gives both.
        #"articles sample 2 seed 7 show id"#,
        #"spread articles where mentions "Putin""#,
        #"stories limit 2"#,
        #"articles where mentions entity "Korut" show id"#,
        #"articles where mentions /Putin\s+tiba/i show id"#,
        #"sentences where mentions "Putin" show id"#,
        #"articles where mentions "Putin" show id, snippet"#,
        #"articles where mentions "Putin" limit 2 show id, snippet, score"#,
        #"articles where mentions "kunjung*" near 3 "putin" and date is not null show id, snippet"#,
        #"articles where title contains "Vietnam" and source is null show snippet, id"#,
        #"articles where mentions stem "kunjungan" show id, snippet"#,
        #"articles where date = 2024-06-20 show id, snippet"#,
        #"terms limit 3"#,
        #"articles where dat = 2024-06-20"#,
        // Strings that must stay text.
        #"articles where source = "'); drop table articles; --" show id"#,
        #"articles where mentions "it's \"quoted\" \\ back'slash" show id"#,
        #"articles where title contains "'') OR 1=1 --" show id"#,
        #"count articles where source in ("a'b", "c\\d", "') ; delete from warta_terms; --")"#,
        #"count articles group by source"#,
    ]

    func testSeedsGiveTheSameAnswersOnEveryBackend() throws {
        let loaded = try CorpusLoader.load(path: PostgresCluster.root.appendingPathComponent("seeds").path)
        try compare(loaded.articles, name: "seeds")
    }

    /// Metadata fields, odd spellings and case, and strings with quotes and backslashes.
    func testTrickyArticlesGiveTheSameAnswers() throws {
        let articles = [
            Article(id: "a1", title: "It's \"Putin\" — in Hà Nội", text: "Back\\slash and 'quotes'; drop table articles; -- Putin Putin.\n\nNguyễn Phú Trọng bertemu Putin.",
                    raw: "r1", source: "Kompas.com", lang: "id", fields: ["category": "Politik", "penulis": "O'Brien"]),
            Article(id: "a2", title: "Café society", text: "Cafe CAFÉ café. Kim Jong-un dan Kim Jong Un.", raw: "r2",
                    date: Day(year: 2023, month: 12, day: 31), dates: [Day(year: 2023, month: 12, day: 31)!, Day(year: 2024, month: 1, day: 2)!],
                    source: "kompas.com", fields: ["category": "politik"]),
            Article(id: "A3", title: "Ανάλυση", text: "Straße STRASSE strasse. Ünïcödé names: Zoë, Chloë.", raw: "r3",
                    date: Day(year: 2024, month: 1, day: 1), source: "Detik", url: "https://detik.com/x?a='1'", fields: ["penulis": "Zoë"]),
        ]
        try compare(articles, name: "tricky", extra: [
            #"articles where category = "POLITIK" show id, category"#,
            #"count articles group by category"#,
            #"articles order by category desc, id show id, category, penulis"#,
            #"articles where penulis is null show id"#,
            #"articles where penulis contains "brien" show id"#,
            #"articles where penulis = "O'Brien" show id"#,
            #"articles where mentions "cafe" show id, score"#,
            #"articles where mentions "strasse" show id"#,
            #"articles where mentions "hanoi" or mentions "ha noi" show id"#,
            #"articles where mentions "nguyen" near 3 "putin" show id"#,
            #"articles where mentions "putin" at least 3 times show id"#,
            #"articles where title contains "ανάλυση" show id"#,
            #"articles where url = "https://detik.com/x?a='1'" show id, url"#,
            #"articles where source = "kompas.com" order by id show id, source"#,
            #"count articles group by source"#,
            #"count articles group by dates.year"#,
            #"count articles group by date.week"#,
            #"articles order by id show id"#,
            #"articles where text contains "drop table articles" show id"#,
            #"count articles where mentions "; drop table articles; --""#,
        ])
    }

    func compare(_ articles: [Article], name: String, extra: [String] = []) throws {
        let (single, sharded) = try PostgresCluster.load(articles)
        let native = Session(corpus: Corpus(name: name, articles: articles))
        let sessions = [("single node", Session(executor: try PostgresExecutor(url: single))),
                        ("sharded", Session(executor: try PostgresExecutor(url: sharded)))]
        var scripts: [(String, String)] = []
        if name == "seeds" {
            let dir = PostgresCluster.root.appendingPathComponent("grammar/examples")
            for file in try FileManager.default.contentsOfDirectory(atPath: dir.path).filter({ $0.hasSuffix(".wq") }).sorted() {
                scripts.append((file, try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)))
            }
        }
        scripts.append(("suite", (DifferentialTests.statements + extra).joined(separator: ";\n")))
        var answered = 0, refused = 0, total = 0
        for (file, text) in scripts {
            for span in StatementSplitter.split(text) {
                let source = String(decoding: Array(text.utf8)[span.range], as: UTF8.self)
                let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.hasPrefix(".") || trimmed.isEmpty || trimmed.split(separator: "\n").allSatisfy({ $0.hasPrefix("--") || $0.hasPrefix("#!") }) {
                    continue
                }
                total += 1
                let expected = Result { try native.run(text, range: span.range) }
                for (backend, session) in sessions {
                    let got = Result { try session.run(text, range: span.range) }
                    switch (expected, got) {
                    case (_, .failure(let e)) where "\(e)".contains("not supported on PostgreSQL"):
                        refused += 1
                    case (.failure(let a), .failure(let b)):
                        XCTAssertEqual("\(a)", "\(b)", "\(name) \(file) on \(backend): \(trimmed)")
                    case (.success(let a), .success(let b)):
                        if let why = DifferentialTests.difference(a, b) {
                            XCTFail("\(name) \(file) on \(backend): \(trimmed)\n\(why)")
                        } else {
                            answered += 1
                        }
                    case (.success, .failure(let e)):
                        XCTFail("\(name) \(file) on \(backend): \(trimmed)\nnative answered, PostgreSQL failed: \(e)")
                    case (.failure(let e), .success):
                        XCTFail("\(name) \(file) on \(backend): \(trimmed)\nnative failed (\(e)), PostgreSQL answered")
                    }
                }
            }
        }
        print("differential \(name): \(total) statements, \(answered) answers identical and \(refused) refused over 2 PostgreSQL backends")
        if name == "seeds" { XCTAssertGreaterThanOrEqual(answered / 2, 100) }
    }

    /// Nil when the results agree; else what differs.
    static func difference(_ a: QueryResult, _ b: QueryResult) -> String? {
        switch (a, b) {
        case (.count(let x), .count(let y)):
            return x == y ? nil : "count \(x) vs \(y)"
        case (.groups(let x), .groups(let y)):
            return x.keys == y.keys && x.series == y.series && x.isComparison == y.isComparison && x.unit == y.unit
                && x.scope == y.scope && x.rows == y.rows && x.matched == y.matched && x.groupsLeftOut == y.groupsLeftOut
                ? nil : "groups \(x) vs \(y)"
        case (.rows(let x), .rows(let y)):
            guard x.columns == y.columns, x.ids == y.ids, x.matched == y.matched, x.leftOutByRowLimit == y.leftOutByRowLimit,
                  x.rows.count == y.rows.count, x.unit == y.unit else {
                return "rows \(x.columns) \(x.ids) matched \(x.matched) vs \(y.columns) \(y.ids) matched \(y.matched)"
            }
            for (r, s) in zip(x.rows, y.rows) {
                for (v, w) in zip(r, s) where !same(v, w) { return "value \(v) vs \(w) in row \(r)" }
            }
            return nil
        case (.message(let x), .message(let y)):
            // explain differs by design (a plan, SQL); set messages do not.
            if x.hasPrefix("parsed:") && y.hasPrefix("parsed:") { return nil }
            return x == y ? nil : "message \(x) vs \(y)"
        default:
            return "different kinds: \(a) vs \(b)"
        }
    }

    static func same(_ a: Value, _ b: Value) -> Bool {
        if case .number(let x) = a, case .number(let y) = b {
            return x == y || abs(x - y) <= 1e-9 * max(abs(x), abs(y))
        }
        return a == b
    }
}
