import XCTest
@testable import Warta

final class GazetteerTests: XCTestCase {
    func testStandardGazetteerIsLargeAndValid() {
        let g = Gazetteer.standard
        XCTAssertGreaterThanOrEqual(g.entities.count, 150)
        for type in [EntityType.person, .place, .org] {
            XCTAssertGreaterThanOrEqual(g.entities.filter { $0.type == type }.count, 30, "\(type)")
        }
    }

    func testStandardNamesAreReadWithoutTheMatcher() {
        XCTAssertEqual(Gazetteer.standardNames, Gazetteer.standard.entities.map(\.name))
    }

    func testLookupByAnyName() {
        // name asked → canonical name found (nil: none)
        let rows: [(String, String?)] = [
            ("Korea Utara", "Korea Utara"), ("Korut", "Korea Utara"), ("korut", "Korea Utara"),
            ("DPRK", "Korea Utara"), ("North Korea", "Korea Utara"), ("north korea", "Korea Utara"),
            ("China", "China"), ("Tiongkok", "China"), ("RRT", "China"),
            ("Amerika Serikat", "Amerika Serikat"), ("AS", "Amerika Serikat"), ("US", "Amerika Serikat"),
            ("as", nil), ("us", nil), ("As", nil),
            ("Rusia", "Rusia"), ("Russia", "Rusia"), ("Moskow", "Moskow"), ("Moscow", "Moskow"),
            ("PBB", "PBB"), ("UN", "PBB"), ("pbb", "PBB"), ("un", nil),
            ("Vladimir Putin", "Vladimir Putin"), ("Putin", "Vladimir Putin"), ("Mr. Putin", "Vladimir Putin"),
            ("Kim Jong Un", "Kim Jong Un"), ("Kim Jong-un", "Kim Jong Un"), ("kim jong-un", "Kim Jong Un"),
            ("To Lam", "To Lam"), ("Tô Lâm", "To Lam"), ("  To Lam ", "To Lam"),
            ("Jokowi", "Joko Widodo"), ("Prabowo", "Prabowo Subianto"), ("Uni Eropa", "Uni Eropa"), ("EU", "Uni Eropa"),
            ("ICC", "Mahkamah Pidana Internasional"), ("NATO", "NATO"), ("ASEAN", "ASEAN"),
            ("Nobody Here", nil), ("", nil), ("...", nil),
        ]
        for (name, expected) in rows {
            XCTAssertEqual(Gazetteer.standard.entity(named: name)?.name, expected, "entity(named: \"\(name)\")")
        }
    }

    func testTypesAndAliasesOfSeedEntities() {
        let rows: [(String, EntityType, [String])] = [
            ("Korea Utara", .place, ["Korut", "DPRK", "North Korea"]),
            ("China", .place, ["Tiongkok", "RRT"]),
            ("Amerika Serikat", .place, ["AS", "US"]),
            ("Vladimir Putin", .person, ["Putin", "Mr. Putin"]),
            ("Kim Jong Un", .person, ["Kim Jong-un"]),
            ("To Lam", .person, []), ("Carl Thayer", .person, []), ("Volodymyr Zelensky", .person, ["Zelensky"]),
            ("Tran Hong Ha", .person, []), ("Nguyen Phu Trong", .person, []), ("Le Hoai Trung", .person, []),
            ("Mykhailo Podolyak", .person, []), ("Xi Jinping", .person, []), ("Joe Biden", .person, ["Biden"]),
            ("Hanoi", .place, []), ("Pyongyang", .place, []), ("Kremlin", .org, []), ("PBB", .org, ["UN"]),
        ]
        for (name, type, aliases) in rows {
            guard let e = Gazetteer.standard.entity(named: name) else { XCTFail("no \(name)"); continue }
            XCTAssertEqual(e.name, name)
            XCTAssertEqual(e.type, type, name)
            for a in aliases { XCTAssertTrue(e.aliases.contains(a), "\(name) lacks alias \(a)") }
            XCTAssertFalse(e.aliases.contains(name), "\(name) repeats its name among its aliases")
        }
    }

    func testUserFileErrorsNameOriginAndLine() {
        // file text → rendered error
        let rows: [(String, String)] = [
            ("Planet X\tplanet\t", "my.tsv:1: unknown type 'planet' (expected person, place, org or other)"),
            ("# people\nBudi Santoso", "my.tsv:2: expected 'name<TAB>type<TAB>alias|alias|…', found 1 tab-separated field"),
            ("A\tperson\tB\tC", "my.tsv:1: expected 'name<TAB>type<TAB>alias|alias|…', found 4 tab-separated fields"),
            ("\tperson\tB", "my.tsv:1: the entity has no name"),
            ("Budi\tperson\tPak Budi\n\nBudiman\tperson\tPak Budi", "my.tsv:3: 'Pak Budi' already names 'Budi' (line 1)"),
            ("Budi\tperson\t--", "my.tsv:1: alias '--' has no letters or digits"),
        ]
        for (text, message) in rows {
            XCTAssertThrowsError(try Gazetteer(tsv: text, origin: "my.tsv"), text) { error in
                XCTAssertEqual("\(error)", message)
            }
        }
    }

    func testUserFileFormat() throws {
        let g = try Gazetteer(tsv: "# comment\n\nBudi Santoso\tperson\tBudi|Pak Budi\r\nPT Maju Jaya\tORG\nBudi Santoso\tperson\tBS\n", origin: "x")
        XCTAssertEqual(g.entities, [
            Entity(name: "Budi Santoso", type: .person, aliases: ["Budi", "Pak Budi", "BS"]),
            Entity(name: "PT Maju Jaya", type: .org, aliases: []),
        ])
        XCTAssertEqual(g.entity(named: "pak budi")?.name, "Budi Santoso")
        XCTAssertNil(g.entity(named: "bs"))
    }

    func testMergingLetsTheUserWin() throws {
        let user = try Gazetteer(tsv: """
            Korea Utara\torg\tNK
            Budi Santoso\tperson\tBudi
            Keluarga Putin\tother\tPutin
            """, origin: "user.tsv")
        let g = Gazetteer.standard.merging(user)
        XCTAssertEqual(g.entities.count, Gazetteer.standard.entities.count + 2)
        let korea = try XCTUnwrap(g.entity(named: "NK"))
        XCTAssertEqual(korea.name, "Korea Utara")
        XCTAssertEqual(korea.type, .org)
        XCTAssertEqual(korea.aliases.first, "NK")
        XCTAssertTrue(korea.aliases.contains("Korut"))
        XCTAssertEqual(g.entity(named: "Budi")?.name, "Budi Santoso")
        XCTAssertEqual(g.entity(named: "Putin")?.name, "Keluarga Putin")
        XCTAssertEqual(g.entity(named: "Vladimir Putin")?.name, "Vladimir Putin")
        XCTAssertFalse(try XCTUnwrap(g.entity(named: "Vladimir Putin")).aliases.contains("Putin"))
        let found = EntityRecognizer(gazetteer: g).mentions(in: "Budi bertemu Putin di Pyongyang.").map(\.entity)
        XCTAssertEqual(found, ["Budi Santoso", "Keluarga Putin", "Pyongyang"])
    }
}
