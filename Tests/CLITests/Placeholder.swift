import XCTest
@testable import Warta

final class CLITestsPlaceholder: XCTestCase {}
