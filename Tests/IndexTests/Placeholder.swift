import XCTest
@testable import Warta

final class IndexTestsPlaceholder: XCTestCase {}
