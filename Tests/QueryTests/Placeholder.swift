import XCTest
@testable import Warta

final class QueryTestsPlaceholder: XCTestCase {}
