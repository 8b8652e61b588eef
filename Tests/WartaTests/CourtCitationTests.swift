import Testing
@testable import Warta

/// Court verdicts, police and prosecution letters, and the articles cited with an act: what the decree
/// extractor makes of them beyond single rules (canonical court numbers, which act articles belong to,
/// named acts behind the option).
struct CourtCitationTests {
    /// Each decree as "text | type | number | year | articles", articles as "81(1)", "12[e]", "55(1)[1]".
    func decrees(_ text: String, with extractor: Extractor = warta) -> [String] {
        extractor.extract(text).decrees.map { d in
            let articles = d.articles.map { $0.article + ($0.paragraph.map { "(\($0))" } ?? "") + ($0.letter.map { "[\($0)]" } ?? "") }
            return "\(d.span.text) | \(d.type) | \(d.number) | \(d.year.map(String.init) ?? "-") | \(articles.joined(separator: " "))"
        }
    }

    @Test func oneSupremeCourtNumberWrittenThreeWaysIsOneNumber() {
        let forms = ["3021 K/Pid.Sus/2019", "3021 K/PID.SUS/2019", "3021K/Pid.Sus /2019", "3021  K / Pid.Sus / 2019"]
        for form in forms {
            let found = warta.extract("Jaksa mengutip Putusan Nomor \(form) dalam tuntutannya.").decrees
            #expect(found.map(\.number) == ["3021 K/PID.SUS/2019"], "\(form)")
            #expect(found.map(\.year) == [2019], "\(form)")
            #expect(found.map(\.span.text) == ["Putusan Nomor \(form)"], "\(form)")
        }
    }

    @Test func courtNumbersOfEveryInstanceAreCanonical() {
        #expect(decrees("Putusan Pengadilan Negeri Jakarta Selatan Nomor 12/Pid.B/2024/PN Jkt.Sel dan Putusan Nomor 45/PDT/2023/PT DKI berkekuatan hukum tetap.") == [
            "Putusan Pengadilan Negeri Jakarta Selatan Nomor 12/Pid.B/2024/PN Jkt.Sel | Putusan | 12/PID.B/2024/PN JKT.SEL | - | ",
            "Putusan Nomor 45/PDT/2023/PT DKI | Putusan | 45/PDT/2023/PT DKI | - | ",
        ])
        // Mahkamah Konstitusi numbers have no register; a court code glued to its seat keeps its dot.
        #expect(decrees("Putusan MK Nomor 90/PUU-XXI/2023 dan Putusan Nomor 78/G/2024/PTUN.Smg dibahas.") == [
            "Putusan MK Nomor 90/PUU-XXI/2023 | Putusan | 90/PUU-XXI/2023 | 2023 | ",
            "Putusan Nomor 78/G/2024/PTUN.Smg | Putusan | 78/G/2024/PTUN.SMG | - | ",
        ])
    }

    @Test func theVerdictsDateStaysADateAndItsNumberYearDoesNot() {
        let document = warta.extract("Putusan Mahkamah Agung Republik Indonesia Nomor 418 K/Pdt /2017 tertanggal 12 Mei 2017 sudah inkrah.")
        #expect(document.decrees.map(\.number) == ["418 K/PDT/2017"])
        #expect(document.decrees.map(\.issuer) == ["Mahkamah Agung Republik Indonesia"])
        #expect(document.dates.map(\.value) == ["2017-05-12"])
    }

    @Test func caseRegistrationNumbersAreNotDecrees() {
        #expect(decrees("Sidang perkara nomor 3021 K/Pid.Sus/2019 dan perkara Nomor 12/Pid.B/2024/PN Jkt.Sel ditunda.").isEmpty)
        #expect(decrees("Terdakwa dalam perkara nomor PDM-45/JKT.SEL/Eku.2/05/2025 hadir.").isEmpty)
    }

    @Test func policeAndProsecutionLettersKeepTheirNumberAsWritten() {
        let text = """
            Penyidik menerbitkan Surat Perintah Penyidikan Nomor PRIN-512/M.5.10/Fd.1/08/2025 dan Surat Penetapan \
            Tersangka Nomor TAP-07/O.1.14/Fd.1/10/2025. Perkara berawal dari Laporan Polisi Nomor \
            LP/B/123/X/2025/SPKT/Polda Metro Jaya, Senin (6/10/2025).
            """
        #expect(decrees(text) == [
            "Surat Perintah Penyidikan Nomor PRIN-512/M.5.10/Fd.1/08/2025 | Surat Perintah Penyidikan | PRIN-512/M.5.10/Fd.1/08/2025 | 2025 | ",
            "Surat Penetapan Tersangka Nomor TAP-07/O.1.14/Fd.1/10/2025 | Surat Penetapan Tersangka | TAP-07/O.1.14/Fd.1/10/2025 | 2025 | ",
            "Laporan Polisi Nomor LP/B/123/X/2025/SPKT/Polda Metro Jaya | Laporan Polisi | LP/B/123/X/2025/SPKT/Polda Metro Jaya | 2025 | ",
        ])
        #expect(warta.extract(text).dates.map(\.value) == ["2025-10-06"])
    }

    @Test func articlesBelongToTheActWrittenAfterThem() {
        #expect(decrees("Tersangka dijerat Pasal 81 ayat (1) jo Pasal 76D Undang-Undang Nomor 17 Tahun 2016 tentang Perlindungan Anak.") == [
            "Undang-Undang Nomor 17 Tahun 2016 | Undang-Undang | 17 | 2016 | 81(1) 76D",
        ])
        // The KUHP's articles are not the corruption act's, though they follow it.
        #expect(decrees("""
            Terdakwa didakwa melanggar Pasal 2 ayat (1) juncto Pasal 18 Undang-Undang Nomor 31 Tahun 1999 sebagaimana \
            diubah dengan Undang-Undang Nomor 20 Tahun 2001 juncto Pasal 55 ayat (1) ke-1 KUHP.
            """) == [
            "Undang-Undang Nomor 31 Tahun 1999 | Undang-Undang | 31 | 1999 | 2(1) 18",
            "Undang-Undang Nomor 20 Tahun 2001 | Undang-Undang | 20 | 2001 | ",
        ])
        // Articles right after an act with nothing before them are that act's; two runs of one act keep their order.
        #expect(decrees("Sesuai Permenpan-RB Nomor 6 Tahun 2024 Pasal 58 dan Pasal 59, pelamar gugur.") == [
            "Permenpan-RB Nomor 6 Tahun 2024 | Peraturan Menteri | 6 | 2024 | 58 59",
        ])
        #expect(decrees("Pasal 12 huruf e UU Nomor 20 Tahun 2001 Pasal 12B ayat (1) disebut jaksa.") == [
            "UU Nomor 20 Tahun 2001 | Undang-Undang | 20 | 2001 | 12[e] 12B(1)",
        ])
        // Another act named without a number ends the run's claim on the act before it.
        #expect(decrees("UU Nomor 6 Tahun 2011 Pasal 75 UU Pemilu berbeda.") == ["UU Nomor 6 Tahun 2011 | Undang-Undang | 6 | 2011 | "])
        // Nothing cited, or a line break between: no act.
        #expect(decrees("Sebagaimana dimaksud dalam Pasal 5 ayat (1), petugas bertindak.").isEmpty)
        #expect(decrees("Pasal 5 ayat (1)\nUndang-Undang Nomor 6 Tahun 2011") == ["Undang-Undang Nomor 6 Tahun 2011 | Undang-Undang | 6 | 2011 | "])
    }

    @Test func listsAndRangesNameEveryArticle() {
        #expect(decrees("diatur Pasal 5 sampai dengan Pasal 7 dan Pasal 9 UU Nomor 6 Tahun 2011.") == [
            "UU Nomor 6 Tahun 2011 | Undang-Undang | 6 | 2011 | 5 6 7 9",
        ])
        #expect(decrees("diatur Pasal 5 ayat (1) s.d. ayat (3) huruf a s/d c UU Nomor 6 Tahun 2011.") == [
            "UU Nomor 6 Tahun 2011 | Undang-Undang | 6 | 2011 | 5(1) 5(2) 5(3)[a] 5(3)[b] 5(3)[c]",
        ])
        #expect(decrees("dijerat Pasal 27 ayat (1) dan/atau ayat (3) serta Pasal 45 ayat 1 UU Nomor 19 Tahun 2016.") == [
            "UU Nomor 19 Tahun 2016 | Undang-Undang | 19 | 2016 | 27(1) 27(3) 45(1)",
        ])
        // A range with a paragraph at one end, or one too long to list, keeps only its ends.
        #expect(decrees("yakni Pasal 5 ayat (2) sampai dengan Pasal 7 dan Pasal 1 sampai dengan Pasal 200 UU Nomor 6 Tahun 2011.") == [
            "UU Nomor 6 Tahun 2011 | Undang-Undang | 6 | 2011 | 5(2) 7 1 200",
        ])
        #expect(decrees("Pasal 55 ayat (1) ke-1 dan Pasal 56 ke-2 UU Nomor 1 Tahun 2023") == [
            "UU Nomor 1 Tahun 2023 | Undang-Undang | 1 | 2023 | 55(1)[1] 56[2]",
        ])
    }

    @Test func namedActsAreDecreesOnlyWithTheOption() {
        let text = "Terdakwa dijerat Pasal 2 ayat (1) jo Pasal 18 UU Tipikor jo Pasal 55 ayat (1) ke-1 KUHP serta Pasal 27 ayat (3) UU ITE."
        #expect(decrees(text).isEmpty)
        #expect(decrees(text, with: wartaAllOptions) == [
            "UU Tipikor | Undang-Undang | 31 | 1999 | 2(1) 18",
            "UU ITE | Undang-Undang | 11 | 2008 | 27(3)",
        ])
        // A number written wins over the table; the Constitution and the codes have no number to give.
        #expect(decrees("sesuai UU Tipikor Nomor 31 Tahun 1999 dan Pasal 33 UUD 1945", with: wartaAllOptions) == [
            "UU Tipikor Nomor 31 Tahun 1999 | Undang-Undang | 31 | 1999 | ",
        ])
        let document = wartaAllOptions.extract("Ia menaati UU Keimigrasian.")
        #expect(document.decrees.map(\.span.start) == [11])
        #expect(document.decrees.map(\.subject) == [nil])
    }

    @Test func theNamedActsOptionOnTheCommandLine() {
        let text = "Ia dijerat Pasal 2 UU Tipikor."
        let plain = runWarta(["extract"], stdin: text)
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("\"decrees\":[]"))
        let named = runWarta(["extract", "--named-acts"], stdin: text)
        #expect(named.status == 0)
        #expect(named.stdout.contains("\"decrees\":[{\"text\":\"UU Tipikor\",\"start\":19,\"end\":29,\"type\":\"Undang-Undang\",\"issuer\":null,\"number\":\"31\",\"year\":1999,\"subject\":null,\"articles\":[{\"article\":\"2\",\"paragraph\":null,\"letter\":null}]}]"))
    }
}
