import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The published JSON Schemas (schema/) describe what Warta prints and reads.
@Suite(.serialized)
struct SchemaTests {
    let validate = "python3 '\(repositoryRoot)/scripts/validate-schema.py'"

    @Test func everyCorpusOutputValidates() {
        let expected = listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".json") }.map { "'\(repositoryRoot)/Corpus/\($0)'" }
        #expect(!expected.isEmpty)
        let fresh = "/tmp/warta-schema-\(getpid()).jsonl"
        defer { unlink(fresh) }
        #expect(runShell("'\(wartaBinary)' extract '\(repositoryRoot)/Corpus' > \(fresh) 2>/dev/null") == 0)
        let result = shellOutput("\(validate) '\(repositoryRoot)/schema/document.schema.json' \(expected.joined(separator: " ")) \(fresh)")
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("\(2 * expected.count) valid, 0 invalid\n"))
    }

    @Test func theSchemaRejectsWhatTheContractForbids() {
        let bad = "/tmp/warta-schema-bad-\(getpid()).jsonl"
        defer { unlink(bad) }
        let empty = #""dateline":null,"headline":null,"dates":[],"persons":[],"titles":[],"offices":[],"decrees":[],"organizations":[],"times":[]"#
        _ = writeFile(bad, """
            {"source":"a",\(empty),"extra":1}
            {"source":"b","dateline":null,"headline":null,"dates":[{"text":"x","start":0,"end":1,"value":"19/09/2024","grain":"day"}],"persons":[],"titles":[],"offices":[],"decrees":[],"organizations":[],"times":[]}
            {"source":"c","dateline":null,"headline":null,"dates":[],"persons":[],"titles":[],"offices":[{"text":"x","start":0,"end":1,"type":"Lapas","class":"2A","location":null,"tpi":null,"region":null}],"decrees":[],"organizations":[],"times":[]}
            {"source":"d",\(empty)}

            """)
        let result = shellOutput("\(validate) '\(repositoryRoot)/schema/document.schema.json' \(bad)")
        #expect(result.status == 1)
        #expect(result.output.hasSuffix("1 valid, 3 invalid\n"))
    }

    @Test func metaLineAndInputRecordsValidate() {
        let meta = "/tmp/warta-meta-\(getpid()).jsonl"
        let records = "/tmp/warta-records-\(getpid()).jsonl"
        defer { unlink(meta); unlink(records) }
        #expect(runShell("echo Rapat. | '\(wartaBinary)' extract --meta | head -1 > \(meta)") == 0)
        #expect(shellOutput("\(validate) '\(repositoryRoot)/schema/meta.schema.json' \(meta)").output == "1 valid, 0 invalid\n")
        _ = writeFile(records, "{\"id\": \"a\", \"text\": \"Rapat.\"}\n{\"id\": 7, \"text\": \"x\", \"lang\": \"id\"}\n{\"id\": \"c\"}\n")
        #expect(shellOutput("\(validate) '\(repositoryRoot)/schema/record.schema.json' \(records)").output.hasSuffix("2 valid, 1 invalid\n"))
    }
}
