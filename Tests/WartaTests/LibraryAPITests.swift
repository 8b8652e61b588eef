import Dispatch
import Synchronization
import Testing
import Warta

/// The public library API, as other Swift programs use it.
struct LibraryAPITests {
    @Test func theReadmeExampleBuildsAndRuns() {
        let example = String(wartaBinary.dropLast("warta".count)) + "UsingWarta"
        let run = shellOutput("'\(example)'")
        #expect(run.status == 0)
        #expect(run.output == """
            dateline: Medan 2024-09-19
            office: Kantor Imigrasi | I | Bengkulu | 38 74
            decree: Peraturan Menteri | 6 | 2019
            json: {"source":"example"
            dates: 2025-01-21 2025-01-22 2025-01-23 2025-01-24 2025-01-25 2025-01-26 2025-01-27 2025-01-28

            """)
    }

    @Test func oneExtractorServesManyThreadsWithTheSameResults() throws {
        let names = listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".txt") }
        let texts = names.compactMap { readText(repositoryRoot + "/Corpus/" + $0) }
        let sequential = texts.map { warta.extract($0) }
        let parallel = Mutex<[Document?]>(Array(repeating: nil, count: texts.count * 4))
        DispatchQueue.concurrentPerform(iterations: texts.count * 4) { i in
            let document = warta.extract(texts[i % texts.count])
            parallel.withLock { $0[i] = document }
        }
        let results = parallel.withLock { $0 }
        for i in results.indices { #expect(results[i] == sequential[i % texts.count]) }
    }

    @Test func documentsAreCodable() throws {
        let document = warta.extract("Medan, 19 September 2024 – Lapas Kelas IIA Salemba menggelar rapat.")
        let json = JSONWriter.encode(document)
        let decoded = try decodeDocument(json)
        #expect(decoded == document.withoutRules)
    }
}

/// Every public declaration of the library carries a doc comment (protocol conformances excepted).
struct DocCommentTests {
    func swiftFiles(_ folder: String) -> [String] {
        listDirectory(folder).flatMap { name -> [String] in
            let path = folder + "/" + name
            if name.hasSuffix(".swift") { return [path] }
            return name.contains(".") ? [] : swiftFiles(path)
        }
    }

    @Test func everyPublicSymbolIsDocumented() throws {
        let files = swiftFiles(repositoryRoot + "/Sources/Warta")
        #expect(files.count > 20)
        var undocumented: [String] = []
        for file in files {
            let lines = try #require(readText(file)).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() {
                let code = line.drop { $0 == " " }
                guard code.hasPrefix("public ") || code.hasPrefix("open ") else { continue }
                if code.hasPrefix("public init(from decoder") || code.contains("func encode(to encoder") { continue }
                var j = i - 1
                while j >= 0, lines[j].drop(while: { $0 == " " }).hasPrefix("@") { j -= 1 }
                if j < 0 || !lines[j].drop(while: { $0 == " " }).hasPrefix("///") {
                    undocumented.append("\(file.dropFirst(repositoryRoot.count + 1)):\(i + 1): \(code)")
                }
            }
        }
        #expect(undocumented.isEmpty, "public symbols without a doc comment:\n\(undocumented.joined(separator: "\n"))")
    }
}
