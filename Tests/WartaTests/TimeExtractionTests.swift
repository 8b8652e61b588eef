import Testing
@testable import Warta

/// Clock times, the day each belongs to, and dates written relative to the dateline.
struct TimeExtractionTests {
    private func times(_ text: String) -> [String] {
        warta.extract(text).times.map { "\($0.span.text) = \($0.value) \($0.zone ?? "-") \($0.date ?? "-")" }
    }

    private func dates(_ text: String) -> [String] { warta.extract(text).dates.map { "\($0.span.text) = \($0.value)" } }

    @Test func dayNumbersRoundTripAcrossLeapYearsAndCenturies() {
        #expect(CalendarDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CalendarDate(year: 2000, month: 3, day: 1).dayNumber == 11_017)
        for (y, m, d) in [(2024, 2, 29), (2025, 3, 1), (1900, 2, 28), (2000, 2, 29), (2100, 12, 31), (1969, 12, 31)] {
            let date = CalendarDate(year: y, month: m, day: d)
            #expect(date.dayNumber.map(CalendarDate.init(dayNumber:)) == date)
        }
        #expect(CalendarDate(dayNumber: CalendarDate(year: 2024, month: 2, day: 28).dayNumber! + 1) == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(dayNumber: CalendarDate(year: 2025, month: 2, day: 28).dayNumber! + 1) == CalendarDate(year: 2025, month: 3, day: 1))
    }

    @Test func relativeDatesCountFromTheAnchor() {
        let monday = CalendarDate(year: 2025, month: 3, day: 3)
        func resolve(_ kind: RelativeDate.Kind, _ anchor: CalendarDate = monday) -> [String] {
            guard let (from, to) = RelativeDate(kind: kind).resolve(from: anchor) else { return [] }
            return [from.iso, to?.iso].compactMap { $0 }
        }
        #expect(resolve(.days(-1)) == ["2025-03-02"])
        #expect(resolve(.days(2), CalendarDate(year: 2024, month: 12, day: 30)) == ["2025-01-01"])
        // Strictly before and after: "Senin lalu" written on a Monday is a week earlier, "Senin depan" a week later.
        #expect(resolve(.weekday(1, step: -1)) == ["2025-02-24"])
        #expect(resolve(.weekday(1, step: 1)) == ["2025-03-10"])
        #expect(resolve(.weekday(7, step: -1)) == ["2025-03-02"])
        #expect(resolve(.weekday(5, step: 0)) == ["2025-03-07"])
        #expect(resolve(.unit(.week, step: -1)) == ["2025-02-24", "2025-03-02"])
        #expect(resolve(.unit(.weekend, step: 0), CalendarDate(year: 2025, month: 3, day: 9)) == ["2025-03-08", "2025-03-09"])
        #expect(resolve(.unit(.month, step: -1), CalendarDate(year: 2025, month: 1, day: 15)) == ["2024-12"])
        #expect(resolve(.unit(.month, step: 1), CalendarDate(year: 2024, month: 12, day: 15)) == ["2025-01"])
        #expect(resolve(.unit(.year, step: 1)) == ["2026"])
        // A day cannot be counted from a month.
        #expect(resolve(.days(1), CalendarDate(year: 2025, month: 3)) == [])
        #expect(resolve(.unit(.year, step: -1), CalendarDate(year: 2025, month: 3)) == ["2024"])
    }

    @Test func relativeDatesNeedADatedDateline() {
        #expect(dates("Jakarta, 3 Maret 2025 – Tim gabungan kemarin merazia tempat hiburan.")
                == ["3 Maret 2025 = 2025-03-03", "kemarin = 2025-03-02"])
        #expect(dates("Jakarta – Tim gabungan kemarin merazia tempat hiburan pada 3 Maret 2025.") == ["3 Maret 2025 = 2025-03-03"])
        #expect(dates("Tim gabungan kemarin merazia tempat hiburan.") == [])
        // A dateline's short date takes its year from the text, and then anchors the relative dates.
        #expect(dates("UNDIP, Semarang (10/9/2025) – Wisuda digelar kemarin.") == ["(10/9/2025) = 2025-09-10", "kemarin = 2025-09-09"])
        #expect(dates("UNDIP, Semarang (10/9) – Wisuda digelar kemarin, sepekan setelah 3 September 2025.")
                == ["(10/9) = 2025-09-10", "kemarin = 2025-09-09", "3 September 2025 = 2025-09-03"])
    }

    @Test func relativeDatesKeepTheDatesAroundThem() {
        // A relative date is kept out of the year resolution: "Jumat (28/2)" still takes its year from the dateline.
        let text = "Jakarta, 3 Maret 2025 – Tahun lalu kasus serupa terjadi. Razia digelar Jumat (28/2) dan kemarin lusa."
        #expect(dates(text) == ["3 Maret 2025 = 2025-03-03", "Tahun lalu = 2024", "Jumat (28/2) = 2025-02-28", "kemarin lusa = 2025-03-01"])
    }

    @Test func sundayOrWeek() {
        let anchor = "Jakarta, 5 Maret 2025 – "
        #expect(dates(anchor + "Upacara digelar Minggu lalu di alun-alun.").last == "Minggu lalu = 2025-03-02")
        #expect(dates(anchor + "Upacara digelar minggu lalu di alun-alun.").last == "minggu lalu = 2025-02-24/2025-03-02")
        #expect(dates(anchor + "Minggu lalu, tim menyisir desa.").last == "Minggu lalu = 2025-02-24/2025-03-02")
        #expect(dates(anchor + "Upacara digelar hari Minggu lalu.").last == "hari Minggu lalu = 2025-03-02")
        #expect(dates(anchor + "Upacara digelar Minggu (2/3) lalu.").last == "Minggu (2/3) = 2025-03-02")
    }

    @Test func explainShowsTheAnchor() {
        let text = Explanation("Jakarta, 3 Maret 2025 – Razia digelar pekan lalu.", extractor: warta).text
        #expect(text.contains("dates  date.relative_unit  [38..<48] \"pekan lalu\"\n    -> 2025-02-24/2025-03-02 day, from the dateline 2025-03-03\n"))
    }

    @Test func aTimeTakesTheDayOfItsSentence() {
        let text = """
            Jakarta, 3 Maret 2025 – Seleksi dibuka pukul 08.00 WIB. Tes tulis digelar Senin (10/3) pukul 08.00-10.00 WIB, \
            sedangkan wawancara pukul 13.00 WIB pada Selasa (11/3). Hasilnya diumumkan pukul 16.00 WIB.
            """
        #expect(times(text) == [
            "pukul 08.00 WIB = 08:00 WIB 2025-03-03",
            "pukul 08.00-10.00 WIB = 08:00/10:00 WIB 2025-03-10",
            "pukul 13.00 WIB = 13:00 WIB 2025-03-11",
            "pukul 16.00 WIB = 16:00 WIB 2025-03-03",
        ])
    }

    @Test func aTimeWithoutADatedDatelineOrDayHasNoDate() {
        #expect(times("Surabaya – Pasar malam dibuka pukul 19.00 WIB.") == ["pukul 19.00 WIB = 19:00 WIB -"])
        #expect(times("Pasar malam dibuka Sabtu (8/3/2025) pukul 19.00 WIB.") == ["pukul 19.00 WIB = 19:00 WIB 2025-03-08"])
    }

    @Test func scheduleRowsShareTheirDay() {
        let text = """
            Jakarta, 3 Maret 2025

            Dimulai pada:
            Hari/Tanggal : Senin, 10 Maret 2025
            Waktu        : Pukul 09.00 WIB

            Hingga:
            Hari/Tanggal : Rabu, 12 Maret 2025
            Waktu        : 15.00 WIB
            Tempat       : Aula

            Peserta hadir pukul 08.30 WIB.
            """
        #expect(times(text) == [
            "Pukul 09.00 WIB = 09:00 WIB 2025-03-10",
            "15.00 WIB = 15:00 WIB 2025-03-12",
            "pukul 08.30 WIB = 08:30 WIB 2025-03-03",
        ])
    }

    @Test func lookAlikesAreNotTimes() {
        for text in [
            "Tim menang dengan skor 2-1 dan 3-0.", "Biaya Rp 50.000 atau Rp12.30 ribu.", "Layanan buka 24 jam, 7 hari.",
            "Inflasi 4,1 persen, naik 0,25 poin.", "Aplikasi versi 2.10 dan 10.30 dirilis.", "Perjalanan 3 jam 10 menit.",
            "Gempa magnitudo 5.30 terasa.", "Ia dipukul 2 kali.", "Nilai 13.00-15.30 pada tabel.", "pukul 25.00 WIB dan pukul 10.75 WIB",
        ] {
            #expect(warta.extract(text).times.isEmpty, "\(text)")
        }
    }

    @Test func aTimesSpanIsClaimedBeforeTheDatesRun() {
        // So that no date rule, now or later, reads a time's digits as a year or a day.
        let analysis = warta.analyze("Layanan dibuka pukul 19.30 hingga 20.15 WIB pada 2025.")
        #expect(analysis.document.times.map(\.value) == ["19:30/20:15"])
        #expect(analysis.document.dates.map(\.value) == ["2025"])
        #expect(analysis.isClaimed(15..<42) && !analysis.isClaimed(43..<52))
    }

    @Test func claimsStaySortedAndMerged() {
        var analysis = warta.prepare("x")
        analysis.claim(20..<30)
        analysis.claim(0..<5)
        analysis.claim(28..<40)
        analysis.claim(5..<6)
        analysis.claim(50..<50)
        #expect(analysis.claimed == [0..<6, 20..<40])
        #expect(analysis.isClaimed(39..<45) && analysis.isClaimed(3..<4) && !analysis.isClaimed(6..<20) && !analysis.isClaimed(40..<50))
    }

    /// `warta eval --fields times` scores a time as its value and zone, with the same figures as score.py. The
    /// times of the corpus's time documents, annotated by hand.
    @Test func evalScoresTimesLikeScorePy() throws {
        let gold: [String: String] = [
            "times-01": #"[["07:30/12:00", "WITA"], ["08:00/11:30", "WITA"], ["07:30/16:00", "WITA"], ["09:00", "WITA"]]"#,
            "times-02": #"[["06:45", "WIT"], ["20:00/23:00", null], ["13:00/15:30", "WIT"]]"#,
            "times-03": #"[["09:00/", "WIB"], ["08:30", null], ["10:00", "WIB"], ["16:00", "WIB"]]"#,
            "times-04": #"[["07:00/15:00", null], ["19:30/", "WIB"], ["20:00", null], ["21:00", "WIB"], ["18:00", null]]"#,
            "times-05": #"[["18:00/22:00", "WIT"]]"#,
        ]
        let s = Scratch(Dictionary(uniqueKeysWithValues: gold.map { id, times in
            ("gold/\(id).json", #"{"id": "\#(id)", "expect": {"times": \#(times)}}"#)
        }))
        defer { s.remove() }
        let inputs = gold.keys.sorted().map { repositoryRoot + "/Corpus/\($0).txt" }
        let run = runWarta(["eval", s.path + "/gold", "--fields", "times"] + inputs)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "times       P=1.000 R=1.000 F1=1.000  (tp 17 fp 0 fn 0)\nmean F1 over fields: 1.0\n")
        let score = sharedRoot + "/dev/score.py"
        guard fileExists(score) else { return }
        #expect(runShell("'\(wartaBinary)' extract \(inputs.map { "'\($0)'" }.joined(separator: " ")) > '\(s.path)/out.jsonl' 2>/dev/null") == 0)
        #expect(shellOutput("python3 '\(score)' '\(s.path)/gold' '\(s.path)/out.jsonl' --fields times").output == run.stdout)
        #expect(runWarta(["eval", s.path + "/gold", "--fields", "time"] + inputs).status == 2)
    }

    /// A time document's page in headless Chromium: every item, times included, is highlighted at its offsets.
    @Test func timesPageInHeadlessChromium() throws {
        let browser = ["chromium", "chromium-browser", "google-chrome"].first { shellOutput("command -v \($0)").status == 0 }
        let chromium = try #require(browser, "headless Chromium is needed for this test: apt-get install chromium")
        let s = Scratch([:])
        defer { s.remove() }
        let input = repositoryRoot + "/Corpus/times-01.txt"
        let review = runWarta(["review", input, "--output", s.path])
        #expect(review.status == 0, "\(review.stderr)")
        let analysis = warta.analyze(try #require(readText(input)))
        #expect(analysis.document.times.count == 4)
        let flags = "--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions"
        let dom = shellOutput("timeout 90 \(chromium) \(flags) --virtual-time-budget=2000 --dump-dom 'file://\(s.path)/times-01.html'")
        #expect(dom.output.contains("data-check=\"ok:\(ReviewPage.items(analysis).count)\""), "every item must be highlighted at its offsets")
        #expect(!dom.output.contains("data-errors="))
        #expect(dom.output.components(separatedBy: "<mark class=\"m f-times").count - 1 >= 4)
    }

    @Test func reviewPageHighlightsTimes() {
        let analysis = warta.analyze("Jakarta, 3 Maret 2025 – Apel digelar pukul 07.30 WITA.")
        let items = ReviewPage.items(analysis).filter { $0.field == "times" }
        #expect(items.map(\.span.text) == ["pukul 07.30 WITA"])
        #expect(items.first?.values.map { "\($0.0)=\($0.1)" } == ["value=07:30", "zone=WITA", "date=2025-03-03"])
        let page = ReviewPage.page(analysis)
        #expect(page.contains(#"<mark class="m f-times" data-items="#) && page.contains(#"<h2 class="f-times">times <small>1</small>"#))
    }
}
