import XCTest
@testable import Warta

final class OutputTestsPlaceholder: XCTestCase {}
