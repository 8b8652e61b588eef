import Testing
@testable import Warta

/// The decree extractor's logic beyond single rules: elided and coordinated citations, subjects, repeated
/// citations, claimed years, and the batch view `CitedActs`.
struct DecreeExtractionTests {
    /// Each decree as "text | type | issuer | number | year | subject".
    func decrees(_ text: String) -> [String] {
        warta.extract(text).decrees.map {
            "\($0.span.text) | \($0.type) | \($0.issuer ?? "-") | \($0.number) | \($0.year.map(String.init) ?? "-") | \($0.subject ?? "-")"
        }
    }

    func subjects(_ text: String) -> [String?] { warta.extract(text).decrees.map(\.subject) }

    @Test func repeatedCitationsEachGiveAnItemWithTheirOwnSpan() {
        let text = "Sesuai UU No. 6 Tahun 2011, WNA dideportasi. Pasal 75 UU No. 6 Tahun 2011 mengatur tindakan administratif."
        let found = warta.extract(text).decrees
        #expect(found.map(\.span.text) == ["UU No. 6 Tahun 2011", "UU No. 6 Tahun 2011"])
        #expect(found.map(\.span.start) == [7, 54])
        #expect(found.map(\.number) == ["6", "6"])
    }

    @Test func theYearOfACitationIsNotADateButTheDateOfALetterIs() {
        let document = warta.extract("Berdasarkan Permenkumham Nomor 6 Tahun 2019 dan Surat Edaran Nomor IMI-0241.GR.01.01 tanggal 3 Februari 2022, pada tahun 2024.")
        #expect(document.decrees.map(\.span.text) == ["Permenkumham Nomor 6 Tahun 2019", "Surat Edaran Nomor IMI-0241.GR.01.01"])
        #expect(document.dates.map(\.value) == ["2022-02-03", "2024"])
    }

    @Test func anElidedTypeIsTheOneBefore() {
        #expect(decrees("KepmenPANRB Nomor 348 Tahun 2024 dan Nomor 349 Tahun 2024 mengatur seleksi.") == [
            "KepmenPANRB Nomor 348 Tahun 2024 | Keputusan Menteri | Menteri PANRB | 348 | 2024 | -",
            "Nomor 349 Tahun 2024 | Keputusan Menteri | Menteri PANRB | 349 | 2024 | -",
        ])
        // With no citation right before it, "Nomor N Tahun YYYY" is not a decree.
        #expect(decrees("Pemohon membawa KTP dan Nomor 12 Tahun 2020 dicatat.").isEmpty)
        #expect(decrees("Sesuai UU Nomor 6 Tahun 2011 tentang Keimigrasian dan Nomor 12 Tahun 2020 dicatat.").count == 1)
    }

    @Test func coordinatedNumbersShareTypeAndYearWithTheirOwnSpans() {
        #expect(decrees("yakni Keputusan Menteri PANRB Nomor 347, 348 dan 349 Tahun 2024. Terma") == [
            "Keputusan Menteri PANRB Nomor 347 | Keputusan Menteri | Menteri PANRB | 347 | 2024 | -",
            "348 | Keputusan Menteri | Menteri PANRB | 348 | 2024 | -",
            "349 Tahun 2024 | Keputusan Menteri | Menteri PANRB | 349 | 2024 | -",
        ])
    }

    @Test func theSubjectEndsAtItsNaturalEnd() {
        // A comma clause, "yang" before a lowercase verb, a sentence end, "sebagaimana".
        #expect(subjects("sesuai Undang-Undang Nomor 6 Tahun 2011 tentang Keimigrasian, kata Kepala Kantor.") == ["Keimigrasian"])
        #expect(subjects("Perda Nomor 1 Tahun 2024 tentang Pajak Daerah dan Retribusi Daerah yang berlaku sejak Januari.") == ["Pajak Daerah dan Retribusi Daerah"])
        #expect(subjects("UU Nomor 6 Tahun 2011 tentang Keimigrasian sebagaimana telah diubah dengan UU Nomor 63 Tahun 2024.") == ["Keimigrasian", nil])
        // Lowercase words between capitalized ones belong to a Title Case title; the first other one ends it.
        #expect(subjects("Peraturan Mahkamah Agung Nomor 7 Tahun 2022 tentang Administrasi Perkara dan Persidangan di Pengadilan secara Elektronik.")
            == ["Administrasi Perkara dan Persidangan di Pengadilan secara Elektronik"])
        #expect(subjects("PP Nomor 28 Tahun 2019 tentang Jenis dan Tarif atas Jenis Penerimaan Negara Bukan Pajak yang Berlaku pada Kementerian Hukum dan HAM.")
            == ["Jenis dan Tarif atas Jenis Penerimaan Negara Bukan Pajak yang Berlaku pada Kementerian Hukum dan HAM"])
        #expect(subjects("UU Nomor 6 Tahun 2011 tentang Keimigrasian berupa pengusiran.") == ["Keimigrasian"])
        // A list inside the title goes on past its commas.
        #expect(subjects("Perpres Nomor 116 Tahun 2022 tentang Pengawasan Norma, Standar, Prosedur dan Kriteria Manajemen ASN. Lalu")
            == ["Pengawasan Norma, Standar, Prosedur dan Kriteria Manajemen ASN"])
    }

    @Test func theSubjectStopsBeforeTheNextCitationButKeepsNestedOnes() {
        let text = "berdasarkan Undang-Undang Nomor 7 Tahun 2021 tentang Harmonisasi Peraturan Perpajakan dan PMK Nomor 196/PMK.03/2021."
        #expect(subjects(text) == ["Harmonisasi Peraturan Perpajakan", nil])
        let nested = "Undang-Undang Nomor 2 Tahun 2014 tentang Perubahan atas Undang-Undang Nomor 30 Tahun 2004 tentang Jabatan Notaris."
        #expect(decrees(nested) == [
            "Undang-Undang Nomor 2 Tahun 2014 | Undang-Undang | - | 2 | 2014 | Perubahan atas Undang-Undang Nomor 30 Tahun 2004 tentang Jabatan Notaris",
            "Undang-Undang Nomor 30 Tahun 2004 | Undang-Undang | - | 30 | 2004 | Jabatan Notaris",
        ])
    }

    @Test func theSubjectSkipsTheDateOfTheActAndDropsTheEventPlaceAndTime() {
        #expect(subjects("Surat Kepala BKN Nomor 2793/B-KS.04.01/SD/K/2025 tanggal 8 Maret 2025 tentang Penyesuaian Jadwal Seleksi. Lalu")
            == ["Penyesuaian Jadwal Seleksi"])
        #expect(subjects("menjelang Undang-Undang Nomor 1 Tahun 2023 tentang Kitab Undang-Undang Hukum Pidana pada 2 Januari 2026.")
            == ["Kitab Undang-Undang Hukum Pidana"])
        #expect(subjects("menandatangani Perbup Nomor 14 Tahun 2024 tentang Tata Cara Pemungutan Pajak di Bandar Seri Bentan, Selasa (1/10/2024).")
            == ["Tata Cara Pemungutan Pajak"])
        // An acronym inside the title goes on; an abbreviation of the act after it does not.
        #expect(subjects("Inpres Nomor 1 Tahun 2025 tentang Efisiensi Belanja Negara (APBN) Tahun Anggaran 2025 berlaku.")
            == ["Efisiensi Belanja Negara (APBN) Tahun Anggaran 2025"])
        #expect(subjects("UU Nomor 6 Tahun 2011 tentang Keimigrasian (UU Keimigrasian) berlaku.") == ["Keimigrasian"])
        // A lowercase title runs to the clause end; no "tentang", no subject.
        #expect(subjects("Surat Edaran Nomor 5 Tahun 2024 tentang pelaksanaan kerja dari rumah, kata dia.") == ["pelaksanaan kerja dari rumah"])
        #expect(subjects("Permenkumham Nomor 6 Tahun 2019 mengatur hal itu.") == [nil])
    }

    @Test func aCitationWithNarrowNoBreakSpacesIsFound() {
        let text = "dan Peraturan Pemerintah Nomor\u{202F}8 Tahun\u{202F}2024 sebagai dasar"
        let words = warta.tokenize(text).tokens.filter { !$0.isSpace }.map(\.text)
        #expect(words == ["dan", "Peraturan", "Pemerintah", "Nomor", "8", "Tahun", "2024", "sebagai", "dasar"])
        #expect(decrees(text) == ["Peraturan Pemerintah Nomor\u{202F}8 Tahun\u{202F}2024 | Peraturan Pemerintah | - | 8 | 2024 | -"])
    }

    @Test func citedActsCountCitationsAndListSourcesOnce() {
        var acts = CitedActs()
        acts.add(warta.extract("Sesuai UU 6/2011 dan UU Nomor 6 Tahun 2011 tentang Keimigrasian serta PMK Nomor 81 Tahun 2024.", source: "a"))
        acts.add(warta.extract("Tanpa rujukan.", source: "b"))
        acts.add(warta.extract("Berdasarkan PMK Nomor 81 Tahun 2024 dan Permenkumham Nomor 6 Tahun 2019.", source: "c"))
        #expect(acts.acts.map { "\($0.type) \($0.number)/\($0.year.map(String.init) ?? "-") x\($0.count) \($0.sources) \($0.subject ?? "-")" } == [
            "Undang-Undang 6/2011 x2 [\"a\"] Keimigrasian",
            "Peraturan Menteri 81/2024 x2 [\"a\", \"c\"] -",
            "Peraturan Menteri 6/2019 x1 [\"c\"] -",
        ])
        #expect(acts.acts.map(\.issuer) == [nil, "Menteri Keuangan", "Menteri Hukum dan HAM"])
    }
}
