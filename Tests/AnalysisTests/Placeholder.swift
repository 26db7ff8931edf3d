import XCTest
@testable import Warta

final class AnalysisTestsPlaceholder: XCTestCase {}
