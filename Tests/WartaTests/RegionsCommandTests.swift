import Testing

/// `warta regions`: the regions of a batch's offices and datelines.
@Suite(.serialized)
struct RegionsCommandTests {
    static let first = "Malang – Kantor Imigrasi Kelas I TPI Malang dan Lapas Kelas I Malang menggelar rapat bersama Kanwil Kemenkumham Jatim.\n"
    static let second = "Batu – Petugas Kantor Imigrasi Kelas I TPI Malang memeriksa paspor di Kota Batu bersama Lapas Banjar.\n"
    static let none = "Rapat koordinasi digelar pada 3 Maret 2025.\n"

    static func row(_ code: String, _ name: String, _ level: String, _ province: String, offices: Int, datelines: Int,
                    _ sources: [String]) -> String {
        let list = sources.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"code":"\#(code)","name":"\#(name)","level":"\#(level)","province":"\#(province)","offices":\#(offices),"datelines":\#(datelines),"sources":[\#(list)]}"#
    }

    @Test func regionsAreListedInTheOrderOfTheirFirstMention() {
        let s = Scratch(["b.txt": Self.second, "a.txt": Self.first, "c.txt": Self.none])
        defer { s.remove() }
        let a = s.path + "/a.txt", b = s.path + "/b.txt"
        let run = runWarta(["regions", s.path])
        #expect(run.status == 0)
        // "Lapas Banjar" names units in two provinces and none is written: not counted.
        #expect(run.lines == [
            Self.row("35.73", "Kota Malang", "kabupaten-kota", "Jawa Timur", offices: 3, datelines: 1, [a, b]),
            Self.row("35", "Jawa Timur", "provinsi", "Jawa Timur", offices: 1, datelines: 0, [a]),
            Self.row("35.79", "Kota Batu", "kabupaten-kota", "Jawa Timur", offices: 0, datelines: 1, [b]),
        ])
        #expect(run.stderr == "warta: 3 processed, 0 failed, 0 skipped\n")
    }

    @Test func byProvinceAddsUpTheRegionsOfEachProvince() {
        let s = Scratch(["a.txt": Self.first, "b.txt": Self.second,
                         "c.txt": "Denpasar – Rudenim Denpasar dan Kantor Imigrasi Kelas I Khusus TPI Ngurah Rai hadir.\n"])
        defer { s.remove() }
        let run = runWarta(["regions", "--by", "province", "--format", "csv", s.path])
        #expect(run.status == 0)
        #expect(run.stdout == "code,name,level,province,offices,datelines,sources\r\n"
            + "35,Jawa Timur,provinsi,Jawa Timur,4,2,\(s.path)/a.txt|\(s.path)/b.txt\r\n"
            + "51,Bali,provinsi,Bali,2,1,\(s.path)/c.txt\r\n")
    }

    @Test func jsonlRecordsAreSourcesByIdAndEveryJobCountGivesTheSameList() {
        let input = """
            {"id": "r1", "text": "Kepala Rutan Kelas I Bogor hadir bersama Kantor Pertanahan Kabupaten Bogor."}
            {"id": "r2", "text": "Rapat tanpa kantor."}
            {"id": "r3", "text": "Bogor – Rutan Kelas I Bogor menggelar upacara bersama warga binaan."}
            """
        let one = runWarta(["regions", "--jsonl", "--jobs", "1"], stdin: input)
        #expect(one.status == 0)
        #expect(one.lines == [
            Self.row("32.71", "Kota Bogor", "kabupaten-kota", "Jawa Barat", offices: 2, datelines: 1, ["r1", "r3"]),
            Self.row("32.01", "Kabupaten Bogor", "kabupaten-kota", "Jawa Barat", offices: 1, datelines: 0, ["r1"]),
        ])
        #expect(runWarta(["regions", "--jsonl", "--jobs", "3"], stdin: input).stdout == one.stdout)
    }

    @Test func stdinIsOneDocumentAndABatchWithoutPlacesPrintsOnlyTheHeader() {
        let run = runWarta(["regions"], stdin: Self.second)
        #expect(run.lines == [
            Self.row("35.79", "Kota Batu", "kabupaten-kota", "Jawa Timur", offices: 0, datelines: 1, ["-"]),
            Self.row("35.73", "Kota Malang", "kabupaten-kota", "Jawa Timur", offices: 1, datelines: 0, ["-"]),
        ])
        let empty = runWarta(["regions", "--format", "csv"], stdin: Self.none)
        #expect(empty.status == 0)
        #expect(empty.stdout == "code,name,level,province,offices,datelines,sources\r\n")
    }

    @Test func failuresAreReportedAndTheOthersListed() {
        let s = Scratch(["a.txt": Self.first])
        defer { s.remove() }
        let run = runWarta(["regions", "/nonexistent/x.txt", s.path + "/a.txt"])
        #expect(run.status == 1)
        #expect(run.lines.count == 2)
        #expect(run.stderr == "warta: /nonexistent/x.txt: no such file or directory\nwarta: 1 processed, 1 failed, 0 skipped\n")
    }

    @Test func usageErrorsExitTwo() {
        #expect(runWarta(["regions", "--format", "xml"]).status == 2)
        #expect(runWarta(["regions", "--by", "kecamatan"]).status == 2)
        #expect(runWarta(["regions", "--jsonl", "a.txt"]).status == 2)
        let help = runWarta(["regions", "--help"])
        #expect(help.stdout.contains("--by province"))
    }
}
