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
