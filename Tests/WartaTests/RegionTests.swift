import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

/// The register of regions (`Models/regions.txt`, `Sources/Warta/Regions/`): that it is what its source
/// gives, how written places find their unit, the one rule for names that several units share, and where
/// an office's place ends now that the register knows the places.
struct RegionTests {
    static let register = RegionStore.builtIn.register
    static let wilayah = sharedRoot + "/data/wilayah/wilayah.tsv"

    /// "code name" of a region, or "-".
    static func describe(_ region: Region?) -> String { region.map { "\($0.code) \($0.name)" } ?? "-" }

    /// The region of the first office of `text`, else of its dateline.
    static func region(_ text: String) -> String {
        let document = warta.extract(text)
        return describe(document.offices.first?.region ?? document.dateline?.region)
    }

    // MARK: The generated file

    @Test(.enabled(if: fileExists(wilayah), "../shared/data/wilayah/wilayah.tsv is not beside the checkout, so Models/regions.txt cannot be regenerated to compare"))
    func theRegisterIsWhatTheScriptMakesOfItsSource() throws {
        let out = "/tmp/warta-regions-\(getpid()).txt"
        defer { unlink(out) }
        #expect(runShell("python3 '\(repositoryRoot)/scripts/generate-regions' '\(Self.wilayah)' '\(out)'") == 0)
        let generated = try #require(readText(out))
        #expect(generated == readText(repositoryRoot + "/Models/regions.txt"),
                "Models/regions.txt is not what scripts/generate-regions makes of ../shared/data/wilayah/wilayah.tsv: regenerate it")
    }

    @Test func theRegisterHoldsEveryUnitAndNamesItsSource() throws {
        let units = Self.register.units
        #expect(units.filter { $0.level == .province }.count == 38)
        #expect(units.filter { $0.level == .regencyOrCity }.count == 514)
        #expect(units.filter { $0.level == .district }.count == 7285)
        let header = try #require(readText(repositoryRoot + "/Models/regions.txt")).prefix(600)
        #expect(header.contains("cahyadsn/wilayah") && header.contains("300.2.2-2138 Tahun 2025") && header.contains("MIT License"))
        // Parents and provinces come from the codes.
        let malang = try #require(units.indices.first { Self.register.name(Int32($0)) == "Kota Malang" })
        #expect(Self.register.region(Int32(malang)) == Region(code: "35.73", name: "Kota Malang", level: "kabupaten-kota", province: "Jawa Timur"))
        #expect(Self.register.region(units[malang].parent) == Region(code: "35", name: "Jawa Timur", level: "provinsi", province: "Jawa Timur"))
    }

    /// Every region in the corpus's expected output is the register's unit with that code, as written there.
    @Test func everyRegionOfTheCorpusIsTheRegistersUnit() throws {
        let names = listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".json") }
        var checked = 0
        for name in names {
            let document = try decodeDocument(try #require(readFile(repositoryRoot + "/Corpus/" + name)))
            for region in [document.dateline?.region].compactMap({ $0 }) + document.offices.compactMap(\.region) {
                let unit = try #require(Self.register.units.indices.first { Self.register.code(Int32($0)) == region.code },
                                        "Corpus/\(name): no unit \(region.code) in the register")
                #expect(Self.register.region(Int32(unit)) == region, "Corpus/\(name): \(region) is not the register's \(region.code)")
                checked += 1
            }
        }
        #expect(checked > 300)
    }

    // MARK: Written forms

    @Test(arguments: [
        ("Malang – Rapat digelar pagi ini di balai kota bersama warga.", "35.73 Kota Malang"),
        ("Kantor Pertanahan Kabupaten Malang menyerahkan sertifikat.", "35.07 Kabupaten Malang"),
        ("Kantor Pertanahan Kab. Malang menyerahkan sertifikat.", "35.07 Kabupaten Malang"),
        ("Kantor Pertanahan KAB MALANG menyerahkan sertifikat.", "35.07 Kabupaten Malang"),
        ("Kantor Pertanahan Kota Bekasi menyerahkan sertifikat.", "32.75 Kota Bekasi"),
        ("TANJUNGPINANG – Rapat digelar pagi ini di kantor wali kota.", "21.72 Kota Tanjung Pinang"),
        ("Warga binaan Rutan Kelas IIB Tanjung Pandan mengikuti upacara.", "19.02.01 Tanjungpandan"),
        ("Baubau – Rapat digelar pagi ini di kantor wali kota setempat.", "74.72 Kota Bau Bau"),
        ("Jaksel – Rapat digelar pagi ini di kantor wali kota setempat.", "31.74 Kota Administrasi Jakarta Selatan"),
        ("Jogja – Rapat digelar pagi ini di kantor wali kota setempat.", "34.71 Kota Yogyakarta"),
        ("Solo – Rapat digelar pagi ini di kantor wali kota setempat.", "33.72 Kota Surakarta"),
        ("Petugas Kantor Imigrasi Kelas I Khusus TPI Soekarno-Hatta memeriksa paspor.", "36.71 Kota Tangerang"),
        ("Kepala KPP Pratama Jakarta Tebet, Budi, membuka acara.", "31.74.01 Tebet"),
        ("Petugas Kantor Imigrasi Kelas II TPI Tanjung Balai Karimun memeriksa paspor.", "21.02 Kabupaten Karimun"),
        ("Kuala Lumpur – Duta besar menerima delegasi di kantornya.", "-"),
    ])
    func writtenFormsFindTheirUnit(_ text: String, _ expected: String) {
        #expect(Self.region(text) == expected)
    }

    // MARK: Names several units share

    @Test func aRegencyAndACityOfOneNameAreTheCityUnlessTheRegencyIsWritten() {
        #expect(Self.region("Lapas Kelas I Malang menggelar upacara.") == "35.73 Kota Malang")
        #expect(Self.region("Lapas Kelas IIA Bekasi menggelar upacara.") == "32.75 Kota Bekasi")
        #expect(Self.region("Rutan Kelas I Bogor menggelar upacara.") == "32.71 Kota Bogor")
        #expect(Self.region("Kantor Pertanahan Kabupaten Bogor menggelar upacara.") == "32.01 Kabupaten Bogor")
    }

    @Test func aProvinceAndItsCapitalAreTheCityExceptForARegionalOffice() {
        #expect(Self.region("Bengkulu (ANTARA) - Kepala kantor itu hadir.") == "17.71 Kota Bengkulu")
        #expect(Self.region("Kepala Kanwil Kemenkumham Bengkulu hadir.") == "17 Bengkulu")
        #expect(Self.region("Jakarta – Rapat digelar pagi ini di kantor pusat.") == "31 Daerah Khusus Ibukota Jakarta")
    }

    @Test func aNameOfUnitsInTwoProvincesNeedsTheProvinceWritten() {
        // Kabupaten Banjar is in Kalimantan Selatan, Kota Banjar in Jawa Barat.
        #expect(Self.region("Lapas Kelas IIB Banjar menggelar upacara.") == "-")
        #expect(Self.region("Lapas Kelas IIB Banjar, Kalimantan Selatan, menggelar upacara.") == "63.03 Kabupaten Banjar")
        #expect(Self.region("Petugas Lapas Kelas IIB Banjar di Jawa Barat menggelar upacara.") == "32.79 Kota Banjar")
        // Elsewhere in the document counts when the sentence says nothing (here the dateline).
        let document = warta.extract("Martapura, Kalsel – Warga hadir. Lapas Banjar menggelar upacara.")
        #expect(Self.describe(document.dateline?.region) == "63.03.05 Martapura")
        #expect(document.offices.map { Self.describe($0.region) } == ["63.03 Kabupaten Banjar"])
        // Both provinces named: still ambiguous.
        #expect(Self.region("Lapas Banjar menggelar upacara bersama Jawa Barat dan Kalimantan Selatan.") == "-")
    }

    @Test func aDistrictOnlyWhenNothingBiggerHasTheNameAndTheTextTellsWhich() {
        // Five districts are named Wonosari; the regency written nearby picks one.
        #expect(Self.region("Rutan Kelas IIB Wonosari menggelar upacara.") == "-")
        #expect(Self.region("Rutan Kelas IIB Wonosari, Gunungkidul, menggelar upacara.") == "34.03.01 Wonosari")
        // Kendal is a regency and a district of Ngawi: the regency.
        #expect(Self.region("Lapas Kelas IIA Kendal menggelar upacara.") == "33.24 Kabupaten Kendal")
        // A district written alone, once in the register.
        #expect(Self.region("Sungailiat – Pengadilan Negeri menggelar sidang.") == "19.01.01 Sungailiat")
    }

    @Test func theSamePlaceHasTheSameRegionInEveryDocument() {
        let texts = ["Lapas Kelas I Malang menggelar upacara.", "Kepala Lapas Kelas I Malang, Budi, hadir.",
                     "LAPAS KELAS I MALANG GELAR UPACARA\n\nWarga binaan hadir."]
        #expect(Set(texts.map(Self.region)) == ["35.73 Kota Malang"])
    }

    /// The interface other extractors use ("Polres Malang", "Pemkab Bogor"): the longest register name at
    /// a token, and the resolver with a preference.
    @Test func otherExtractorsAskForTheNameAtATokenAndAPreference() throws {
        let tokens = warta.tokenize("Polres Malang dan Polda Jatim serta Pemkot Bengkulu").tokens
        let register = Self.register
        var resolver = RegionResolver(register: register, tokens: tokens)
        let malang = try #require(register.longestName(in: tokens, at: 2))
        #expect(malang.tokens == 2..<3 && malang.units.count == 2)
        #expect(resolver.resolve(malang, prefer: .regency).map(register.code) == "35.07")
        #expect(resolver.resolve(malang, prefer: .town).map(register.code) == "35.73")
        let jatim = try #require(register.longestName(in: tokens, at: 8))
        #expect(resolver.resolve(jatim, prefer: .town).map(register.code) == "35")
        let bengkulu = try #require(register.longestName(in: tokens, at: 14))
        #expect(resolver.resolve(bengkulu, prefer: .town).map(register.code) == "17.71")
        #expect(resolver.resolve(bengkulu, prefer: .province).map(register.code) == "17")
        #expect(register.longestName(in: tokens, at: 0) == nil)
    }

    // MARK: Where an office's place ends

    @Test func aKnownPlaceEndsTheLocationBeforeTitleCaseWords() {
        func location(_ text: String) -> [String] { warta.extract(text).offices.map { $0.location ?? "-" } }
        #expect(location("Lapas Kelas IIA Kediri Pada Kegiatan Pembinaan Kepribadian\n\nWarga binaan hadir.") == ["Kediri"])
        #expect(location("Lapas Kelas I Madiun Gelar Doa Bersama Jelang Ramadan\n\nWarga binaan hadir.") == ["Madiun"])
        #expect(location("Lapas Kelas IIA Kediri Sosialisasi P4GN kepada warga binaan.") == ["Kediri"])
        #expect(location("Rumah Tahanan Negara Kelas IIB Tanjung Pandan Terima Kunjungan Kanwil\n\nTamu hadir.") == ["Tanjung Pandan"])
        // A phrase-opening word ends an unknown place too.
        #expect(location("Lapas Kelas III Watukarang Jelang Lebaran Gelar Donor Darah\n\nWarga hadir.") == ["Watukarang"])
        #expect(location("Kegiatan Lapas Kelas IIA Kediri Dalam Rangka Hari Bhakti berjalan.") == ["Kediri"])
        // A known place that holds such a word stays whole.
        #expect(location("Warga binaan Rutan Kelas IIB Teluk Dalam mengikuti upacara.") == ["Teluk Dalam"])
        // One more word in running text is part of the office's name.
        #expect(location("Pada Senin, KPP Pratama Jakarta Menteng Satu menggelar sosialisasi.") == ["Jakarta Menteng Satu"])
    }

    @Test func misspeltOfficeWordsAreReadWhenTheRestOfTheOfficeIsThere() {
        func offices(_ text: String) -> [String] {
            warta.extract(text).offices.map { "\($0.type) | \($0.officeClass ?? "-") | \($0.location ?? "-")" }
        }
        #expect(offices("Lapas Kels IIA Kediri menggelar upacara.") == ["Lembaga Pemasyarakatan | IIA | Kediri"])
        #expect(offices("Lembaga Permasyarakatan Kelas IIA Kediri menggelar upacara.") == ["Lembaga Pemasyarakatan | IIA | Kediri"])
        #expect(offices("Lembaga Pemasyrakatan Kediri menggelar upacara.") == ["Lembaga Pemasyarakatan | - | Kediri"])
        #expect(offices("Balai Permasyarakatan Kelas I Malang menggelar upacara.") == ["Balai Pemasyarakatan | I | Malang"])
        // Without a class or a known place the misspelling is not read.
        #expect(offices("Lembaga Permasyarakatan Terbuka menggelar upacara.").isEmpty)
        #expect(offices("Kels IIA ditetapkan tahun lalu.").isEmpty)
    }

    // MARK: Edited files

    @Test func editedRegisterFilesAreCheckedAtStartUp() {
        func error(_ file: String, _ text: String) -> String? {
            var files = Models.builtIn.files
            files[file] = text
            do {
                _ = try Extractor(models: Models(files: files, origin: "models", version: "x"))
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(error("region-forms.txt", "# forms\nJaksel\tKota Jakarta Selatan\n")
                == "models/region-forms.txt:2: 'Kota Jakarta Selatan' is neither a code of the register nor the name of one of its provinces, regencies or cities")
        #expect(error("region-forms.txt", "Tebet\t31.74.01\n") == nil)
        #expect(error("provinces.txt", "Jatim\tJawa Timur Raya\n") == "models/provinces.txt:1: 'Jawa Timur Raya' is not a province of the register (regions.txt)")
        #expect(error("regions.txt", "35\tJawa Timur\n35.7\tKota Malang\n")?.hasPrefix("models/regions.txt:2: code must be 2 digits") == true)
        #expect(error("regions.txt", "35\tJawa Timur\n35.73.01\tKlojen\n") == "models/regions.txt:2: code 35.73.01 comes before its parent")
        #expect(error("regions.txt", "35\tJawa Timur\n35.73\n") == "models/regions.txt:2: expected 2 to 3 TAB-separated field(s) (code, the register's name, other written forms), found 1")
    }

    @Test func theBuiltInRegisterIsSharedAndBuiltOnlyWhenAskedFor() throws {
        #expect(try RegionStore.of(.builtIn) === RegionStore.builtIn)
        var files = Models.builtIn.files
        files["months.txt"]! += "Djanuari\t1\n"
        #expect(try RegionStore.of(Models(files: files, origin: "test", version: "test")) === RegionStore.builtIn)
        files["region-forms.txt"]! += "Kota Kembang\tKota Bandung\n"
        let custom = try Extractor(models: Models(files: files, origin: "test", version: "test"))
        #expect(custom.extract("Kota Kembang – Rapat digelar pagi ini di balai kota.").dateline?.region?.code == "32.73")
    }
}
