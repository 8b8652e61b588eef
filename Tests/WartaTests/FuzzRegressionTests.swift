import Testing
@testable import Warta

/// Every input kept in Tests/FuzzCrashes extracts without a crash, and every span of the result equals its
/// slice of the input (the invariant the fuzz target checks).
struct FuzzRegressionTests {
    static let folder = repositoryRoot + "/Tests/FuzzCrashes"
    static let names = listDirectory(folder).filter { !$0.hasSuffix(".md") }

    @Test func thereAreRegressionInputs() { #expect(Self.names.count >= 5) }

    @Test(arguments: names)
    func extractsWithConsistentSpans(_ name: String) throws {
        let bytes = try #require(readFile(Self.folder + "/" + name))
        let text = try Decoding.text(fromUTF8: bytes, lossy: true)
        let document = warta.extract(text, source: name)
        var spans: [Span] = []
        spans += [document.dateline?.span, document.headline?.span].compactMap { $0 }
        spans += document.dates.map(\.span) + document.titles.map(\.span) + document.offices.map(\.span) + document.decrees.map(\.span)
        spans += document.persons.flatMap(\.mentions)
        for span in spans {
            #expect(span.start < span.end && scalars(text, span.start, span.end) == span.text, "\(name): \(span)")
        }
        #expect(!JSONWriter.encode(document).isEmpty)
    }
}
