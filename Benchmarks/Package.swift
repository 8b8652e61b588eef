// swift-tools-version:6.1
// Per-stage cost inside Warta, with package-benchmark. Run through scripts/bench (or:
// swift package --package-path Benchmarks --allow-writing-to-package-directory benchmark --no-progress).
// A package of its own so that building Warta never needs the benchmark dependencies.
import PackageDescription

let package = Package(
    name: "WartaBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Warta", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Stages",
            dependencies: [
                .product(name: "Warta", package: "Warta"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/Stages",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
