import Testing
@testable import Warta

/// The office extractor's logic beyond single rules: where a place ends (`OfficeExtractor.settle`),
/// one item per mention, class and TPI normalization, and families added through the lexicon alone.
struct OfficeSettlingTests {
    /// Each office as "type | class | location | tpi", in text order.
    private func offices(_ text: String, with extractor: Extractor = warta) -> [String] {
        extractor.extract(text).offices.map { o in
            "\(o.type) | \(o.officeClass ?? "-") | \(o.location ?? "-") | \(o.tpi.map { $0 ? "tpi" : "non-tpi" } ?? "-")"
        }
    }

    @Test func everyMentionIsAnItemWithItsOwnSpan() {
        let text = "Kantor Imigrasi Kelas I TPI Batam mendeportasi WNA. Kepala Kantor Imigrasi Kelas I TPI Batam, Ardian, menjelaskan."
        let found = warta.extract(text).offices.map(\.span)
        #expect(found.map(\.text) == ["Kantor Imigrasi Kelas I TPI Batam", "Kantor Imigrasi Kelas I TPI Batam"])
        #expect(found.map(\.start) == [0, 59])
        let scalars = Array(text.unicodeScalars)
        for span in found {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
    }

    @Test(arguments: ["Kelas IIA", "Kelas II A", "Kelas II-A", "Kelas 2A", "Kelas 2 A", "Klas IIA", "Kls. IIA", "KELAS IIA"])
    func classVariantsNormalize(_ written: String) {
        #expect(offices("Warga binaan Lapas \(written) Ambon menerima remisi.") == ["Lembaga Pemasyarakatan | IIA | Ambon | -"])
    }

    @Test func tpiIsTrueFalseOrUnsaid() {
        #expect(offices("Layanan di Kanim Kelas II TPI Dumai, Kanim Kelas II Non TPI Depok, Kanim Kelas III NON-TPI Bungo dan Kanim Kelas II Bogor dibuka.") == [
            "Kantor Imigrasi | II | Dumai | tpi",
            "Kantor Imigrasi | II | Depok | non-tpi",
            "Kantor Imigrasi | III | Bungo | non-tpi",
            "Kantor Imigrasi | II | Bogor | -",
        ])
    }

    @Test func organisationsAreNotOffices() {
        #expect(offices("Direktorat Jenderal Imigrasi dan Kementerian Keuangan bersama Kementerian Hukum dan HAM RI menggelar rapat.").isEmpty)
        #expect(offices("Ketua Pengadilan Tinggi Yogyakarta dan Ketua PN Sleman hadir.").isEmpty)
    }

    @Test func aPlaceEndsBeforeANameInsideAPosition() {
        #expect(offices("Rakor dipimpin Kepala Kantor Imigrasi Kelas I TPI Malang Galih Priya Kartika Perdana menindaklanjuti instruksi.")
                == ["Kantor Imigrasi | I | Malang | tpi"])
        // A comma and a name after the run: the whole run is the place.
        #expect(offices("Kepala KPP Pratama Jakarta Tebet, Budi Santoso, membuka acara.")
                == ["Kantor Pelayanan Pajak | Pratama | Jakarta Tebet | -"])
        // Outside a position and a headline, the whole run stands.
        #expect(offices("Pada Senin, KPP Pratama Jakarta Menteng Satu menggelar sosialisasi.")
                == ["Kantor Pelayanan Pajak | Pratama | Jakarta Menteng Satu | -"])
    }

    @Test func aHeadlinePlaceEndsAtTheKnownPlace() {
        let text = "Lapas Makassar Lepas 57 Narapidana Lewat Program Integrasi\n\nMakassar – Lapas Kelas I Makassar membebaskan 57 narapidana."
        #expect(offices(text) == ["Lembaga Pemasyarakatan | - | Makassar | -", "Lembaga Pemasyarakatan | I | Makassar | -"])
        // Words that end known places stay with the place even on a headline line.
        #expect(offices("KPP Pratama Denpasar Timur Buka Pojok Layanan SPT Tahunan\n")
                == ["Kantor Pelayanan Pajak | Pratama | Denpasar Timur | -"])
    }

    @Test func regionalOfficesTakeTheirProvince() {
        #expect(offices("kata Kepala Kanwil Kemenkumham Sumsel Ilham Djaya di Palembang.") == ["Kantor Wilayah | - | Sumsel | -"])
        #expect(offices("Kantor Wilayah Kementerian Hukum dan HAM Sumatera Selatan (Sumsel) menggelar rapat.")
                == ["Kantor Wilayah | - | Sumatera Selatan | -"])
        #expect(offices("Surat Kepala Kantor Wilayah Nomor: W.19-PAS.PK.01.01-2211 diterbitkan.").isEmpty)
    }

    @Test func aBareImigrasiNamesAnOfficeOnlyForATown() {
        #expect(offices("Petugas Imigrasi Denpasar menangkap pria WNA.") == ["Kantor Imigrasi | - | Denpasar | -"])
        #expect(offices("Faisol Ali bersama jajaran Imigrasi Kalsel hadir.").isEmpty)
        #expect(offices("Kabid Imigrasi Jateng hadir bersama Dirjen Imigrasi Silmy Karim.").isEmpty)
    }

    @Test func aFamilyNeedsOnlyALexiconLine() throws {
        var files = Models.builtIn.files
        files["office-types.txt"]! += "Kantor Kesehatan Pelabuhan\tKantor Kesehatan Pelabuhan\tclass\nKKP\tKantor Kesehatan Pelabuhan\tclass\n"
        let custom = try Extractor(models: Models(files: files, origin: "test", version: "test"))
        let text = "Petugas KKP Kelas I Makassar dan KKP Surabaya memeriksa kapal."
        #expect(offices(text, with: custom) == ["Kantor Kesehatan Pelabuhan | I | Makassar | -"])
        #expect(offices(text).isEmpty)
    }
}
