import Testing

/// `warta decrees`: the distinct acts cited across a batch.
@Suite(.serialized)
struct DecreesCommandTests {
    static let first = "Jakarta – Sesuai Permenkumham Nomor 6 Tahun 2019 dan UU No. 6/2011 tentang Keimigrasian, petugas menindak. "
        + "Permenkumham Nomor 6 Tahun 2019 juga mengatur visa.\n"
    static let second = "Medan – Merujuk Undang-Undang Nomor 6 Tahun 2011, Kanim menerbitkan Surat Edaran Nomor SE-12/MK.1/2024.\n"
    static let none = "Bogor – Rapat koordinasi digelar pada 3 Maret 2025.\n"

    @Test func actsAreListedInTheOrderOfTheirFirstCitation() {
        let s = Scratch(["b.txt": Self.second, "a.txt": Self.first, "c.txt": Self.none])
        defer { s.remove() }
        let run = runWarta(["decrees", s.path])
        #expect(run.status == 0)
        #expect(run.lines == [
            #"{"type":"Peraturan Menteri","number":"6","year":2019,"issuer":"Menteri Hukum dan HAM","subject":null,"count":2,"sources":["\#(s.path)/a.txt"]}"#,
            #"{"type":"Undang-Undang","number":"6","year":2011,"issuer":null,"subject":"Keimigrasian","count":2,"sources":["\#(s.path)/a.txt","\#(s.path)/b.txt"]}"#,
            #"{"type":"Surat Edaran","number":"SE-12/MK.1/2024","year":2024,"issuer":null,"subject":null,"count":1,"sources":["\#(s.path)/b.txt"]}"#,
        ])
        #expect(run.stderr == "warta: 3 processed, 0 failed, 0 skipped\n")
    }

    @Test func csvQuotesFieldsAndJoinsSources() {
        let text = "Jakarta – Sesuai Peraturan Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi Nomor 48 Tahun 2022 "
            + "tentang Standar Nasional Pendidikan. Lalu UU 20/2003.\n"
        let s = Scratch(["x.txt": text, "y\"q\",z.txt": "Jakarta – Berdasarkan UU 20/2003, sekolah dibuka.\n"])
        defer { s.remove() }
        let run = runWarta(["decrees", "--format", "csv", s.path])
        #expect(run.status == 0)
        #expect(run.stdout == "type,number,year,issuer,subject,count,sources\r\n"
            + "Peraturan Menteri,48,2022,\"Menteri Pendidikan, Kebudayaan, Riset, dan Teknologi\",Standar Nasional Pendidikan,1,\(s.path)/x.txt\r\n"
            + "Undang-Undang,20,2003,,,2,\"\(s.path)/x.txt|\(s.path)/y\"\"q\"\",z.txt\"\r\n")
    }

    @Test func jsonlRecordsAreSourcesByIdAndEveryJobCountGivesTheSameList() {
        let input = """
            {"id": "r1", "text": "Sesuai PP 28/2025 dan PP Nomor 28 Tahun 2025."}
            {"id": "r2", "text": "Rapat tanpa rujukan."}
            {"id": "r3", "text": "Merujuk Inpres Nomor 1 Tahun 2025 serta PP 28/2025."}
            """
        let one = runWarta(["decrees", "--jsonl", "--jobs", "1"], stdin: input)
        #expect(one.status == 0)
        #expect(one.lines == [
            #"{"type":"Peraturan Pemerintah","number":"28","year":2025,"issuer":null,"subject":null,"count":3,"sources":["r1","r3"]}"#,
            #"{"type":"Instruksi Presiden","number":"1","year":2025,"issuer":null,"subject":null,"count":1,"sources":["r3"]}"#,
        ])
        #expect(runWarta(["decrees", "--jsonl", "--jobs", "3"], stdin: input).stdout == one.stdout)
    }

    @Test func stdinIsOneDocumentAndABatchWithoutCitationsPrintsNothing() {
        let run = runWarta(["decrees"], stdin: Self.second)
        #expect(run.lines == [
            #"{"type":"Undang-Undang","number":"6","year":2011,"issuer":null,"subject":null,"count":1,"sources":["-"]}"#,
            #"{"type":"Surat Edaran","number":"SE-12/MK.1/2024","year":2024,"issuer":null,"subject":null,"count":1,"sources":["-"]}"#,
        ])
        #expect(run.stderr == "")
        let empty = runWarta(["decrees", "--format", "csv"], stdin: Self.none)
        #expect(empty.status == 0)
        #expect(empty.stdout == "type,number,year,issuer,subject,count,sources\r\n")
    }

    @Test func failuresAreReportedAndTheOthersListed() {
        let s = Scratch(["a.txt": Self.first])
        defer { s.remove() }
        let run = runWarta(["decrees", "/nonexistent/x.txt", s.path + "/a.txt"])
        #expect(run.status == 1)
        #expect(run.lines.count == 2)
        #expect(run.stderr == "warta: /nonexistent/x.txt: no such file or directory\nwarta: 1 processed, 1 failed, 0 skipped\n")
    }

    @Test func usageErrorsExitTwo() {
        #expect(runWarta(["decrees", "--format", "xml"]).status == 2)
        #expect(runWarta(["decrees", "--jsonl", "a.txt"]).status == 2)
        #expect(runWarta(["decrees", "--jobs", "0", "a.txt"]).status == 2)
        let help = runWarta(["decrees", "--help"])
        #expect(help.stdout.contains("order of their first citation"))
    }
}
