// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Warta",
    products: [
        .library(name: "Warta", targets: ["Warta"]),
        .executable(name: "warta", targets: ["warta"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The system ICU (libicu-dev), reached through its C API only.
        .systemLibrary(
            name: "CICU",
            pkgConfig: "icu-uc icu-i18n",
            providers: [.apt(["libicu-dev"])]
        ),
        // Turns Models/*.txt into one Swift source, so the binary carries its lexicons.
        .executableTarget(name: "ModelsGen", path: "Plugins/ModelsGen"),
        .plugin(name: "EmbedModels", capability: .buildTool(), dependencies: ["ModelsGen"]),
        .target(
            name: "Warta",
            dependencies: ["CICU"],
            plugins: ["EmbedModels"]
        ),
        .executableTarget(
            name: "warta",
            dependencies: [
                "Warta",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift runtime linked in (release builds, which the README's commands make): the dynamic
            // loader then binds no libswiftCore/Foundation symbols at start-up. Debug builds (and `swift test`,
            // which links this target's code beside XCTest) keep the shared runtime.
            linkerSettings: [.unsafeFlags(["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"], .when(platforms: [.linux], configuration: .release))]
        ),
        // The "Using Warta from Swift" example of the README, built and run by the tests.
        .executableTarget(name: "UsingWarta", dependencies: ["Warta"], path: "examples/UsingWarta"),
        .testTarget(name: "WartaTests", dependencies: ["Warta", "warta", "UsingWarta"]),
    ]
)
