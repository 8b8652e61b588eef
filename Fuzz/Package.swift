// swift-tools-version:6.1
// The libFuzzer target for Warta's extraction entry point, built by scripts/fuzz; kept out of the main package so normal builds never need libFuzzer.
import PackageDescription

let package = Package(
    name: "WartaFuzz",
    dependencies: [.package(name: "Warta", path: "..")],
    targets: [
        // scripts/fuzz builds everything with ASan and coverage and links libFuzzer's no-main runtime
        // (its main() would clash with the build tools'); this target's main starts libFuzzer's driver.
        .executableTarget(name: "WartaFuzz", dependencies: [.product(name: "Warta", package: "Warta")]),
    ]
)
