// swift-tools-version:6.0
import PackageDescription

// An example of embedding warta: a daily digest in Markdown, built on the
// library alone (not the `warta` command). Its own package, depending on
// warta by path as any tool of yours would.
//
//     swift run --package-path Examples warta-digest seeds 2024-06-20
let package = Package(
    name: "warta-examples",
    dependencies: [
        // The identity comes from the folder name, so name it: any checkout folder works.
        .package(name: "warta", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "warta-digest",
            dependencies: [.product(name: "Warta", package: "warta")],
            path: "Sources/warta-digest"),
        // The ten lines of the DocC catalog's getting-started article, exactly
        // (scripts/test-embedding compares them and runs them from the checkout).
        .executableTarget(
            name: "getting-started",
            dependencies: [.product(name: "Warta", package: "warta")],
            path: "Sources/getting-started"),
    ]
)
