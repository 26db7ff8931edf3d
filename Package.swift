// swift-tools-version:6.0
import PackageDescription

/// Release builds of `warta` link libstdc++, libedit (with libtinfo, libbsd and libmd) and
/// libdeflate from the archives that `linking/` points at, and libgcc statically: loading and
/// relocating those shared libraries cost about 1.5 ms at every start, half of what
/// `warta --version` took. `-L` (not `-Xlinker -L`) puts the folder before the compiler's own
/// library folders; the system-library targets have no pkgConfig, whose
/// -L/usr/lib/x86_64-linux-gnu would come first. Where a link does not resolve, the linker
/// goes on searching and takes the shared library, so a build elsewhere still works.
let staticLibraries = ["-L\(Context.packageDirectory)/linking", "-Xclang-linker", "-static-libgcc",
                       "-Xlinker", "--push-state", "-Xlinker", "--as-needed",
                       "-Xlinker", "-ltinfo", "-Xlinker", "-lbsd", "-Xlinker", "-lmd",
                       "-Xlinker", "--pop-state"]

let package = Package(
    name: "warta",
    products: [
        .library(name: "Warta", targets: ["Warta"]),
        .library(name: "WartaPostgres", targets: ["WartaPostgres"]),
        .executable(name: "warta", targets: ["warta"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation --target Warta` builds the DocC catalog.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // The embeddable engine: corpus → analysis → index → query → output.
        .target(name: "Warta", dependencies: ["CDeflate", "CMalloc", "CPrefetch", "CMinHash"], path: "Sources/Warta"),
        // glibc's allocator settings (malloc.h, which Swift's Glibc module leaves out).
        .target(name: "CMalloc", path: "Sources/CMalloc"),
        // A cache-line prefetch (__builtin_prefetch), which Swift lacks: the term table's lookups ask ahead.
        .target(name: "CPrefetch", path: "Sources/CPrefetch"),
        // The MinHash signatures of copies and stories, eight functions at a time where the processor
        // has AVX-512 (a function attribute and a cpuid check, no build flag): C has the intrinsics.
        .target(name: "CMinHash", path: "Sources/CMinHash"),
        // libdeflate (Debian: libdeflate-dev) compresses the article blocks of an index file and
        // checksums its blocks. No pkgConfig: the -L/usr/lib/x86_64-linux-gnu it adds would come
        // before linking/ (see above).
        .systemLibrary(name: "CDeflate", path: "Sources/CDeflate"),
        // libedit (Debian: libedit-dev) for the interactive shell.
        .systemLibrary(name: "CLibEdit", path: "Sources/CLibEdit"),
        // libpq (Debian: libpq5), PostgreSQL's C client, for the database executor: loaded with
        // dlopen when a PostgreSQL URL is first used, so warta starts without it (and its ~30 libraries).
        .target(name: "CLibPQ", path: "Sources/CLibPQ"),
        // The same statements on PostgreSQL, single node or sharded; Warta itself never depends on it.
        .target(name: "WartaPostgres", dependencies: ["Warta", "CLibPQ"], path: "Sources/WartaPostgres"),
        // The command line and the shell: a thin client of the library.
        .executableTarget(
            name: "warta",
            dependencies: [
                "Warta", "WartaPostgres", "CLibEdit", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/warta",
            // Swift's runtime and Foundation linked in (release builds): no ~20 shared libraries
            // to load and relocate at every start, and no toolchain needed at run time. Not a
            // position-independent executable: its 76,000 relative relocations (and the ~200
            // pages they write) cost a millisecond at every start.
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"] + staticLibraries,
                                          .when(configuration: .release))]),
        // libFuzzer targets (Fuzz/run builds them with -sanitize=fuzzer; a plain build links no-op programs).
        .executableTarget(name: "FuzzStatement", dependencies: ["Warta"], path: "Fuzz/Sources/FuzzStatement"),
        .executableTarget(name: "FuzzLoader", dependencies: ["Warta"], path: "Fuzz/Sources/FuzzLoader"),
        .executableTarget(name: "FuzzRegex", dependencies: ["Warta"], path: "Fuzz/Sources/FuzzRegex"),
        .testTarget(name: "CorpusTests", dependencies: ["Warta"], path: "Tests/CorpusTests"),
        .testTarget(name: "AnalysisTests", dependencies: ["Warta"], path: "Tests/AnalysisTests"),
        .testTarget(name: "IndexTests", dependencies: ["Warta", "CMinHash"], path: "Tests/IndexTests"),
        .testTarget(name: "QueryTests", dependencies: ["Warta"], path: "Tests/QueryTests"),
        .testTarget(name: "OutputTests", dependencies: ["Warta"], path: "Tests/OutputTests", exclude: ["golden"]),
        .testTarget(name: "CLITests", dependencies: ["Warta", "WartaPostgres"], path: "Tests/CLITests"),
        .testTarget(name: "ShellTests", dependencies: ["Warta", "warta"], path: "Tests/ShellTests"),
        .testTarget(name: "PostgresTests", dependencies: ["Warta", "WartaPostgres"], path: "Tests/PostgresTests"),
        .testTarget(name: "ReliabilityTests", dependencies: ["Warta", "warta"], path: "Tests/ReliabilityTests"),
    ],
    swiftLanguageModes: [.v5]
)
