import Foundation
import PackagePlugin

/// Compiles the top-level `Models/*.txt` lexicons into the `Warta` library, so the binary runs from any
/// directory with nothing beside it. `Models/` stays the single, linguist-editable source.
@main
struct EmbedModels: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let models = context.package.directoryURL.appending(path: "Models")
        let files = try FileManager.default
            .contentsOfDirectory(at: models, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedModels.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) lexicons from Models/",
                executable: try context.tool(named: "ModelsGen").url,
                arguments: [output.path] + files.map(\.path),
                inputFiles: files + [models],
                outputFiles: [output]
            )
        ]
    }
}
