import Testing
@testable import Warta

/// The year given to dates written without one, and the dateline and headline at the top of a text.
struct DateResolutionTests {
    private func values(_ text: String) -> [String] { warta.extract(text).dates.map(\.value) }

    @Test func nearestYearAroundTheContext() {
        let january = CalendarDate(year: 2025, month: 1, day: 2)
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 12, day: 30), weekday: nil, near: january, strict: false)
                == CalendarDate(year: 2024, month: 12, day: 30))
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 1, day: 6), weekday: nil, near: january, strict: false)
                == CalendarDate(year: 2025, month: 1, day: 6))
        let december = CalendarDate(year: 2024, month: 12, day: 28)
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 1, day: 3), weekday: nil, near: december, strict: false)
                == CalendarDate(year: 2025, month: 1, day: 3))
    }

    @Test func weekdayPicksTheYear() {
        // 7 December is a Saturday in 2024, a Thursday in 2023: the written weekday moves the year.
        let context = CalendarDate(year: 2024, month: 1)
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 12, day: 7), weekday: 6, near: context, strict: false)
                == CalendarDate(year: 2024, month: 12, day: 7))
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 12, day: 7), weekday: nil, near: context, strict: false)
                == CalendarDate(year: 2023, month: 12, day: 7))
        // A weekday that agrees in no nearby year: strict gives nothing, otherwise the nearest year stays.
        let may = CalendarDate(year: 2025, month: 5, day: 20)
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 5, day: 23), weekday: 1, near: may, strict: true) == nil)
        #expect(DateExtractor.resolve(CalendarDate(year: nil, month: 5, day: 23), weekday: 1, near: may, strict: false)
                == CalendarDate(year: 2025, month: 5, day: 23))
    }

    @Test func shortDatesAcrossTheYearBoundary() {
        let text = "Jakarta, 3 Januari 2025 – Rapat evaluasi digelar Senin (30/12) dan dilanjutkan Kamis (2/1)."
        #expect(values(text) == ["2025-01-03", "2024-12-30", "2025-01-02"])
    }

    @Test func weekdayContradictingAFullDateKeepsTheDate() {
        // 2 June 2025 is a Monday; the written "Selasa" does not move a date that has its year.
        #expect(values("Rapat digelar Selasa (2/6/2025) di Jakarta.") == ["2025-06-02"])
    }

    @Test func theNearestFullDateBeforeIsTheAnchor() {
        let text = "Jakarta, 5 Januari 2025 – Laporan itu mengenang peristiwa 28 Desember 2023. Rapat lanjutan Jumat (3/1) lalu."
        #expect(values(text) == ["2025-01-05", "2023-12-28", "2025-01-03"])
    }

    @Test func aLaterFullDateServesWhenNoneComesBefore() {
        #expect(values("Pengurus dilantik Sabtu (7/12). Kepengurusan efektif pada Januari 2025.") == ["2024-12-07", "2025-01"])
    }

    @Test func aCitationYearServesOnlyWithAnAgreeingWeekday() {
        // 8 November 2025 is a Saturday.
        #expect(values("Koperasi lahir sesuai Inpres Nomor 9 tahun 2025, kata Ketua, Sabtu (08/11).") == ["2025-11-08"])
        #expect(values("Koperasi lahir sesuai Inpres Nomor 9 tahun 2025, kata Ketua, Senin (08/11).") == [])
    }

    @Test func withoutAnyYearAShortDateIsDropped() {
        #expect(values("Pelatihan dibuka Rabu (18/09) di aula.") == [])
    }

    @Test func intervalEndsTakeTheYearOfTheStart() {
        let text = "Jakarta, 20 Desember 2024 – Libur sekolah berlangsung 30 Desember - 3 Januari."
        #expect(values(text) == ["2024-12-20", "2024-12-30/2025-01-03"])
    }

    @Test func aShortDatelineDateGetsItsYearFromTheText() {
        let doc = warta.extract("UNDIP, Semarang (10/9) – Wisuda periode Senin 28 Juli 2025 diikuti 900 lulusan.")
        #expect(doc.dateline?.place == "Semarang")
        #expect(doc.dateline?.date == "2025-09-10")
        #expect(doc.dates.map(\.value) == ["2025-09-10", "2025-07-28"])
    }

    @Test func citationYearsAreNotDates() {
        let text = "Sesuai Undang-Undang Nomor 6 Tahun 2011, PP 28/2025, UU 30 Tahun 2014 dan Keputusan Nomor M.HH-02.GR.01.04 "
            + "Tahun 2023 tanggal 3 Maret 2023, berlaku sejak 2024."
        #expect(values(text) == ["2023-03-03", "2024"])
    }

    @Test func numbersThatAreNotDates() {
        let text = "Sebanyak 2.024 peserta membayar Rp2.024 ribu; hubungi 0812-1900-2024, surat S-816/MS/PB.06.00/10/2025 "
            + "dan No. 212/HM-KKD/11/2025, pukul 09.00 WIB, versi 2.1, skor 2-1, Visi 2045, Tahun Anggaran 2025, TA 2025, "
            + "naik hingga 2000 orang."
        #expect(values(text) == [])
    }
}

struct DatelineTests {
    @Test func placesAreCasedAsWritten() {
        #expect(warta.extract("TANGERANG SELATAN – Kantor Imigrasi hadir.").dateline?.place == "Tangerang Selatan")
        #expect(warta.extract("Washington DC, 16 Oktober 2025 – Wakil Menteri hadir.").dateline?.place == "Washington DC")
    }

    @Test func sourceTagsAreNotPlaces() {
        #expect(warta.extract("JAKARTA, investortrust.id - Menteri hadir.").dateline?.place == "Jakarta")
        #expect(warta.extract("TRIBUNJABAR.ID, BANDUNG - Musyawarah digelar.").dateline?.place == "Bandung")
        #expect(warta.extract("Suara.com - Lembaga Pemasyarakatan diresmikan.").dateline == nil)
    }

    @Test func aHeadlineThenTheDateline() {
        let doc = warta.extract("Lapas Makassar Bebaskan 57 Narapidana\n\nMakassar, 2 Mei 2025 – Lembaga Pemasyarakatan membebaskan 57 orang.")
        #expect(doc.headline?.span.text == "Lapas Makassar Bebaskan 57 Narapidana")
        #expect(doc.dateline?.place == "Makassar")
        #expect(doc.dateline?.date == "2025-05-02")
    }

    @Test func aHeadlineWithAColonIsNoDateline() {
        let doc = warta.extract("Kepala BKN: ASN Harus Adaptif\n\nKepala Badan Kepegawaian Negara menyampaikan arahan.")
        #expect(doc.dateline == nil)
        #expect(doc.headline?.span.text == "Kepala BKN: ASN Harus Adaptif")
    }

    @Test func aPlaceInTheLeadIsNoDateline() {
        let doc = warta.extract("Jakarta adalah ibu kota negara dan pusat pemerintahan.\nKota ini padat.")
        #expect(doc.dateline == nil)
        #expect(doc.headline == nil)
    }
}
