import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

/// One extractor with the built-in models, shared by the tests (it is thread-safe).
let warta: Extractor = {
    do { return try Extractor() } catch { fatalError("built-in models must load: \(error)") }
}()

/// An extractor with every option on, whose rule list also holds the rules only an option turns on.
let wartaAllOptions: Extractor = {
    do { return try Extractor(options: Extractor.Options(namedActs: true)) } catch { fatalError("built-in models must load: \(error)") }
}()

/// The repository root, found from this file's path.
let repositoryRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)  // Tests/WartaTests/Support.swift
    return parts.joined(separator: "/")
}()

/// `../shared` beside the checkout, when present (dev texts, gold, contract tools).
let sharedRoot = repositoryRoot + "/../shared"

func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// The names of the corpus texts (`Corpus/*.txt`), sorted.
func corpusTextNames() -> [String] { listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".txt") } }

/// Whether the development data the `SharedDataTests` compare with is beside the checkout.
enum SharedData {
    /// What the suite reads from `../shared`.
    static let needed = ["dev/texts", "dev/gold", "dev/score.py", "data/idner-news-2k/train.txt", "data/nergrit/train.txt"]

    static let missing: [String] = needed.filter { !fileExists(sharedRoot + "/" + $0) }

    static var available: Bool { missing.isEmpty }

    /// Set by CI (`.ci/run`), where `../shared` must be present: its absence is then a failure, not a skip.
    static var required: Bool { getenv("WARTA_REQUIRE_SHARED").map { String(cString: $0) == "1" } ?? false }

    static let skipReason: Comment = "../shared is not beside the checkout (missing \(missing.map { "../shared/" + $0 }.joined(separator: ", "))): the comparisons with the development texts, gold and score.py are skipped; .ci/run has it"
}

func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n <= 0 { break }
        bytes.append(contentsOf: chunk[0..<n])
    }
    return bytes
}

func readText(_ path: String) -> String? { readFile(path).map { String(decoding: $0, as: UTF8.self) } }

func listDirectory(_ path: String) -> [String] {
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if name != "." && name != ".." { names.append(name) }
    }
    return names.sorted()
}

/// A substring by Unicode-scalar offsets (what the contract's offsets count).
func scalars(_ text: String, _ start: Int, _ end: Int) -> String {
    let s = Array(text.unicodeScalars)
    guard start >= 0, end <= s.count, start <= end else { return "<out of range \(start)..<\(end)>" }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: s[start..<end])
    return String(view)
}
