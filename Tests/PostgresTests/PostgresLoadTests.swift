import Foundation
import Warta
import WartaPostgres
import XCTest

/// Loading, reloading, the acceptance statement, explain on shards, and strings
/// that would be SQL if they were ever spliced.
final class PostgresLoadTests: XCTestCase {
    override class func tearDown() {
        PostgresCluster.dropCreated()
        super.tearDown()
    }

    func seeds() throws -> [Article] {
        try CorpusLoader.load(path: PostgresCluster.root.appendingPathComponent("seeds").path).articles
    }

    func testToLamOnTheTwentiethOnSingleNodeAndSharded() throws {
        let (single, sharded) = try PostgresCluster.load(try seeds())
        for url in [single, sharded] {
            let session = Session(executor: try PostgresExecutor(url: url))
            guard case .rows(let r) = try session.run(#"articles where mentions "To Lam" and date = 2024-06-20"#) else {
                return XCTFail("expected rows")
            }
            XCTAssertEqual(r.ids, ["002_886ca11fc7c36e11", "004_0fb8b6c0066fb73e"])
        }
    }

    func testLoadingAgainReplacesChangedArticlesAndKeepsTheRest() throws {
        let (single, coordinator, shards) = try PostgresCluster.urls()
        _ = (coordinator, shards)
        let url = try PostgresCluster.freshDatabase(on: single)
        var articles = try seeds()
        var report = try PostgresLoader.load(articles: articles, into: url)
        XCTAssertEqual([report.added, report.replaced, report.unchanged, report.kept], [5, 0, 0, 0])
        report = try PostgresLoader.load(articles: articles, into: url)
        XCTAssertEqual([report.added, report.replaced, report.unchanged, report.kept], [0, 0, 5, 0])
        articles[0].title = "Judul baru tentang Jokowi"
        report = try PostgresLoader.load(articles: [articles[0], Article(id: "zz", title: "Jokowi", text: "Jokowi di Hanoi.", raw: "")], into: url)
        XCTAssertEqual([report.added, report.replaced, report.unchanged, report.kept], [1, 1, 0, 4])
        let session = Session(executor: try PostgresExecutor(url: url))
        guard case .rows(let r) = try session.run(#"articles where mentions "jokowi" order by id show id"#),
              case .count(let n) = try session.run("count articles") else { return XCTFail("expected rows and a count") }
        XCTAssertEqual(r.ids, [articles[0].id, "zz"])
        XCTAssertEqual(n, 6)
        // The corpus-wide tables follow: a root learned from every article, the new lengths.
        let native = Session(corpus: Corpus(name: "n", articles: [articles[0], Article(id: "zz", title: "Jokowi", text: "Jokowi di Hanoi.", raw: "")] + articles.dropFirst()))
        for s in [#"articles where mentions "jokowi" show id, score"#, #"count articles where mentions stem "kunjungan""#] {
            XCTAssertNil(DifferentialTests.difference(try native.run(s), try session.run(s)), s)
        }
    }

    func testExplainShowsOneCountAndOneLimitPerShard() throws {
        let (_, sharded) = try PostgresCluster.load(try seeds())
        let session = Session(executor: try PostgresExecutor(url: sharded))
        guard case .message(let count) = try session.run(#"explain count articles where mentions "Putin""#),
              case .message(let top) = try session.run(#"explain articles where mentions "Putin" limit 10"#) else {
            return XCTFail("expected explain text")
        }
        XCTAssertEqual(count.components(separatedBy: "Remote SQL: SELECT count(*) FROM public.articles").count - 1, 2, count)
        XCTAssertEqual(count.components(separatedBy: "\n  shard ").count - 1, 2, count)
        let page = top.components(separatedBy: "page SQL:").last ?? ""
        XCTAssertEqual(page.components(separatedBy: "LIMIT 10)").count - 1, 2, top)
        XCTAssertTrue(top.contains(" ms"), top)
    }

    func testStringsThatLookLikeSQLStayText() throws {
        let evil = ["'); drop table articles; --", "it's", "back\\slash", "\\'; delete from warta_terms; --", "$1", "%_", "\"quoted\""]
        var articles = try seeds()
        articles.append(Article(id: "evil'id\\", title: "Judul 'drop table articles; --'", text: evil.joined(separator: " "), raw: "",
                                source: "'); drop table articles; --", fields: ["note": "back\\slash 'q'"]))
        let (single, sharded) = try PostgresCluster.load(articles)
        for url in [single, sharded] {
            let session = Session(executor: try PostgresExecutor(url: url))
            for s in [
                #"articles where source = "'); drop table articles; --" show id, source"#,
                #"articles where mentions "'); drop table articles; --" show id"#,
                #"articles where mentions "it's" show id"#,
                #"articles where id = "evil'id\\" show id, note"#,
                #"articles where note = "back\\slash 'q'" show id"#,
                #"articles where note contains "slash" show id"#,
                #"articles where title contains "drop table" show id"#,
                #"count articles where source in ("a'b", "c\\d", "\"") group by source"#,
            ] {
                guard case .rows(let r) = try session.run(s) else { continue }
                XCTAssertEqual(r.ids, ["evil'id\\"], s)
            }
            guard case .count(let n) = try session.run("count articles") else { return XCTFail("expected a count") }
            XCTAssertEqual(n, 6, "the articles table is intact")
        }
    }

    func testPasswordsAreNeverShown() {
        XCTAssertEqual(PostgresURL.redact("postgresql://ann:s3cret@db.example/news"), "postgresql://ann:***@db.example/news")
        XCTAssertEqual(PostgresURL.redact("postgresql://db/news?user=ann&password=s3cret"), "postgresql://db/news?user=ann&password=***")
        XCTAssertEqual(PostgresURL.redact("host=db password=s3cret dbname=news"), "host=db password=*** dbname=news")
        XCTAssertThrowsError(try PostgresConnection(url: "postgresql://ann:s3cret@127.0.0.1:1/news")) { error in
            XCTAssertFalse("\(error)".contains("s3cret"), "\(error)")
        }
    }
}
