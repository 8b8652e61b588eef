#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The lexicon files Warta reads (`Models/*.txt`): the ones built into the binary, or an edited copy.
///
/// Each file is plain UTF-8, one entry a line, fields separated by a TAB, `#` starting a comment.
/// Which files exist and what their fields mean is listed in `Catalog`.
public struct Models: Sendable {
    /// File name ("months.txt") to its text.
    public let files: [String: String]
    /// Where the files came from: "built-in" or the directory given.
    public let origin: String
    /// A digest of every file's name and text, for provenance ("Models version").
    public let version: String

    /// The lexicons compiled into the binary from the repository's `Models/` folder.
    public static let builtIn = Models(
        files: Dictionary(uniqueKeysWithValues: embeddedModelFiles.map { ($0.name, $0.text) }),
        origin: "built-in",
        version: embeddedModelsDigest)

    init(files: [String: String], origin: String, version: String) {
        self.files = files
        self.origin = origin
        self.version = version
    }

    /// Lexicons from `directory`: each `*.txt` there replaces the built-in file of the same name; files it
    /// lacks keep their built-in text. A file name Warta does not know is an error (it would be ignored).
    public init(directory: String) throws(ModelError) {
        var files = Models.builtIn.files
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            // Foundation's error would print its whole user info; a few words say the same.
            let reason: String
            switch (error as? CocoaError)?.code {
            case .fileReadNoSuchFile?, .fileNoSuchFile?: reason = "no such directory"
            case .fileReadNoPermission?: reason = "cannot read the models directory: permission denied"
            default: reason = "cannot read the models directory"
            }
            throw ModelError(file: directory, line: nil, message: reason)
        }
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            guard Catalog.spec(forFile: name) != nil else {
                throw ModelError(file: path, line: nil,
                                 message: "unknown lexicon; known files: \(Catalog.all.map(\.file).joined(separator: ", "))")
            }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ModelError(file: path, line: nil, message: "cannot read the file")
            }
            do {
                files[name] = try Decoding.text(fromUTF8: data)
            } catch {
                throw ModelError(file: path, line: nil, message: error.description)
            }
        }
        var digest: UInt64 = 0xcbf2_9ce4_8422_2325
        for name in files.keys.sorted() {
            for byte in Array(name.utf8) + [0] + Array(files[name]!.utf8) {
                digest = (digest ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        let version = String(digest, radix: 16)
        self.init(files: files, origin: directory, version: version == Models.builtIn.version ? version : version + "-custom")
    }
}

/// A lexicon that cannot be used, with the file and line to fix.
public struct ModelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The lexicon file (or directory) at fault.
    public let file: String
    /// The 1-based line, when one line is at fault.
    public let line: Int?
    /// What is wrong and what is expected.
    public let message: String

    /// The error as "file:line: message".
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
