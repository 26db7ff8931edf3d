import XCTest
@testable import Warta

final class DayTests: XCTestCase {
    func testChecksDates() {
        XCTAssertNotNil(Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(year: 2023, month: 2, day: 29))
        XCTAssertNil(Day(year: 2024, month: 2, day: 30))
        XCTAssertNil(Day(year: 2024, month: 13, day: 1))
        XCTAssertNil(Day(year: 2024, month: 4, day: 31))
        XCTAssertNil(Day(iso: "2024-6-20"))
        XCTAssertEqual(Day(iso: "2024-06-20")?.description, "2024-06-20")
    }

    /// Ten ASCII digits and hyphens are read directly; anything else the general way, to the same answers.
    func testISODatesReadDirectlyOrNot() {
        XCTAssertEqual(Day(iso: "2024-02-29"), Day(year: 2024, month: 2, day: 29))
        XCTAssertNil(Day(iso: "2023-02-29"))
        XCTAssertNil(Day(iso: "2024-13-01"))
        XCTAssertNil(Day(iso: "0000-01-01"))
        XCTAssertNil(Day(iso: "2024/06/20"))
        XCTAssertNil(Day(iso: "2024-06-2x"))
        XCTAssertNil(Day(iso: "20240-6-20"))
        XCTAssertEqual(Day(iso: "2024-+6-20"), Day(year: 2024, month: 6, day: 20))  // as `Int("+6")` reads it
        XCTAssertNil(Day(iso: "２０２４-06-20"))
        XCTAssertEqual(Day(iso: "x2024-06-20".dropFirst()), Day(year: 2024, month: 6, day: 20))
    }

    func testOrdinalsRoundTripAndWeekdays() {
        let d = Day(year: 2024, month: 6, day: 19)!
        XCTAssertEqual(Day(ordinal: d.ordinal), d)
        XCTAssertEqual(Day(year: 1970, month: 1, day: 1)!.ordinal, 0)
        XCTAssertEqual(d.weekday, 3)  // Rabu, a Wednesday
        XCTAssertEqual(Day(year: 2024, month: 6, day: 20)!.weekday, 4)  // Kamis
        for o in stride(from: Int32(-800_000), to: 800_000, by: 997) {
            XCTAssertEqual(Day(ordinal: o).ordinal, o)
        }
    }
}
