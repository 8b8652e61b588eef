import FoundationEssentials
import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

/// The repository describes its own output (`docs/output.md`) and its README shows what the binary prints.
@Suite(.serialized)
struct DocumentationTests {
    static func json(_ text: String) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8)) }

    /// The names under every "properties" of a schema, at any depth.
    static func propertyNames(_ value: JSONValue) -> Set<String> {
        switch value {
        case .object(let object):
            var names = Set(object["properties"]?.object?.keys.map { $0 } ?? [])
            for child in object.values { names.formUnion(propertyNames(child)) }
            return names
        case .array(let items):
            return items.reduce(into: Set<String>()) { $0.formUnion(propertyNames($1)) }
        default:
            return []
        }
    }

    @Test func everySchemaPropertyIsDocumented() throws {
        let docs = try #require(readText(repositoryRoot + "/docs/output.md"), "docs/output.md is missing")
        let schemas = listDirectory(repositoryRoot + "/schema").filter { $0.hasSuffix(".schema.json") }
        #expect(schemas.count == 3)
        var undocumented: [String] = []
        for file in schemas {
            let names = Self.propertyNames(try Self.json(try #require(readText(repositoryRoot + "/schema/" + file))))
            #expect(names.count >= 2, "\(file) names no properties")
            undocumented += names.sorted().filter { !docs.contains("`\($0)`") }.map { "\(file): \($0)" }
        }
        #expect(undocumented.isEmpty, "properties of schema/ that docs/output.md does not name (as `key`): \(undocumented)")
    }

    @Test func theReadmeSendsUsersToTheRepositorysOwnDocs() throws {
        let readme = try #require(readText(repositoryRoot + "/README.md"))
        #expect(readme.contains("(docs/output.md)"))
        #expect(!readme.contains("CONTRACT.md"), "the README must not send users to a contract outside the repository")
    }

    /// The README's block between `<!-- sample: NAME -->` and `<!-- /sample -->`.
    static func sample(_ name: String) throws -> String {
        let readme = try #require(readText(repositoryRoot + "/README.md"))
        let start = try #require(readme.firstRange(of: "<!-- sample: \(name) -->"), "README.md has no sample \(name)")
        let end = try #require(readme[start.upperBound...].firstRange(of: "<!-- /sample -->"))
        return String(readme[start.upperBound..<end.lowerBound])
    }

    static func between(_ text: String, _ open: String, _ close: String) -> String? {
        guard let a = text.firstRange(of: open), let b = text[a.upperBound...].firstRange(of: close) else { return nil }
        return String(text[a.upperBound..<b.lowerBound])
    }

    @Test func theReadmeExtractSampleIsWhatTheBinaryPrints() throws {
        let sample = try Self.sample("extract")
        let input = try #require(Self.between(sample, "$ echo '", "' | warta extract --pretty"), "the sample's command")
        let shown = try #require(Self.between(sample, "```json\n", "\n```"), "the sample's JSON")
        let run = runWarta(["extract", "--pretty"], stdin: input + "\n")
        #expect(run.status == 0)
        #expect(try Self.json(shown) == Self.json(run.stdout), "README.md's extract sample differs from the binary's output: run scripts/readme-samples")
        // The keys in the order the binary prints them.
        func topKeys(_ text: String) -> [String] {
            text.split(separator: "\n").compactMap { line in
                line.hasPrefix("  \"") && !line.hasPrefix("   ") ? line.dropFirst(3).split(separator: "\"").first.map(String.init) : nil
            }
        }
        #expect(topKeys(shown) == topKeys(run.stdout))
        #expect(topKeys(shown).count == 10)
    }

    @Test func theReadmeDecreesSampleIsWhatTheBinaryPrints() throws {
        let sample = try Self.sample("decrees")
        let shown = try #require(Self.between(sample, "$ warta decrees Corpus/\n", "\n..."), "the sample's first line")
        let run = runWarta(["decrees", "Corpus/"], cwd: repositoryRoot)
        #expect(run.status == 0)
        #expect(run.lines.count > 10)
        #expect(run.lines.first == shown, "README.md's decrees sample differs from the binary's first line: run scripts/readme-samples")
    }

    /// The README's way onto the PATH, into a scratch prefix; the binary installed works on its own from anywhere.
    @Test func scriptsInstallPutsAWorkingBinaryUnderPrefix() throws {
        let prefix = "/tmp/warta-install-\(getpid())"
        defer { runShell("rm -rf '\(prefix)'") }
        let install = shellOutput("'\(repositoryRoot)/scripts/install' --binary '\(wartaBinary)' '\(prefix)'")
        #expect(install.status == 0)
        #expect(install.output.hasPrefix("installed \(prefix)/bin/warta (warta 0.1.0"))
        let run = shellOutput("cd / && echo 'Medan, 19 September 2024 – Rapat.' | '\(prefix)/bin/warta' extract")
        #expect(run.status == 0)
        #expect(run.output.hasPrefix(#"{"source":"-","dateline":{"text":"Medan, 19 September 2024","start":0,"end":24,"place":"Medan""#))
        #expect(shellOutput("'\(repositoryRoot)/scripts/install' --no-such-option").status == 2)
        let readme = try #require(readText(repositoryRoot + "/README.md"))
        #expect(readme.contains("scripts/install ~/.local"))
    }

    /// The README's two commands on a fresh clone: the test command is the script that installs what is missing.
    @Test func theReadmesTestCommandIsTheScriptThatInstallsWhatIsMissing() throws {
        let readme = try #require(readText(repositoryRoot + "/README.md"))
        let block = try #require(Self.between(readme, "## Run it and test it", "## Input modes"))
        #expect(block.contains("```sh\nscripts/install-deps "))
        #expect(block.contains("\nswift run -c release warta extract Corpus/"))
        #expect(block.contains("\nscripts/test "))
        for script in ["test", "install-deps", "install"] {
            #expect(access(repositoryRoot + "/scripts/" + script, X_OK) == 0, "scripts/\(script) must be executable")
        }
        let test = try #require(readText(repositoryRoot + "/scripts/test"))
        #expect(test.contains("scripts/install-deps\n"))
        #expect(test.contains("swift test \"$@\""))
        let ci = try #require(readText(repositoryRoot + "/.ci/run"))
        #expect(ci.contains("scripts/install-deps --spark"))
        #expect(ci.contains("WARTA_REQUIRE_SHARED=1 scripts/test"))
    }
}
