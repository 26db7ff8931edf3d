import XCTest
@testable import Warta

final class CorpusTestsPlaceholder: XCTestCase {}
