// swift-tools-version:6.0
import PackageDescription

// A package of someone else's, depending on warta by path: its test uses
// only what `import Warta` (not `@testable`) offers. scripts/test-consumer runs it.
let package = Package(
    name: "consumer",
    dependencies: [
        // The identity comes from the folder name, so name it: any checkout folder works.
        .package(name: "warta", path: "../.."),
    ],
    targets: [
        .testTarget(
            name: "ConsumerTests",
            dependencies: [.product(name: "Warta", package: "warta")],
            path: "Tests/ConsumerTests"),
    ]
)
