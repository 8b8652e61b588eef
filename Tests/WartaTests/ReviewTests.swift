import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

/// Runs a shell command and returns its stdout and exit status.
func shellOutput(_ command: String) -> (status: Int32, output: String) {
    let file = "/tmp/warta-shell-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    defer { unlink(file) }
    let status = runShell("\(command) > \(file) 2>/dev/null")
    return (status, readText(file) ?? "")
}

@Suite(.serialized)
struct ReviewTests {
    static let outputFolder = repositoryRoot + "/.build/review-test"

    @Test func pageMarksEverySpanAndEscapes() {
        let analysis = warta.analyze("Judul <b>&</b>\n\nMedan, 19 September 2024 – Kepala Lapas Kelas IIA Salemba, Bapak Yusuf, hadir.")
        let page = ReviewPage.page(analysis)
        #expect(page.contains("Judul &lt;b&gt;&amp;&lt;/b&gt;"))
        #expect(!page.contains("<b>&</b>"))
        #expect(page.contains(#"<mark class="m f-offices multi" data-items="#))
        #expect(!page.contains("http://") && !page.contains("https://"), "a review page must not load anything from the network")
        let items = ReviewPage.items(analysis)
        #expect(Set(items.map(\.field)).isSuperset(of: ["dateline", "headline", "dates", "offices", "persons", "titles"]))
    }

    /// The seed's page in headless Chromium: it loads without script errors, every item is highlighted at its
    /// offsets with exactly its text, and a screenshot is written to `.build/review-test/seed-000.png`.
    @Test func seedPageInHeadlessChromium() throws {
        let browser = ["chromium", "chromium-browser", "google-chrome"].first { shellOutput("command -v \($0)").status == 0 }
        let chromium = try #require(browser, "headless Chromium is needed for this test: apt-get install chromium")
        runShell("rm -rf '\(Self.outputFolder)'")
        let review = runWarta(["review", repositoryRoot + "/Corpus/seed-000.txt", "--output", Self.outputFolder])
        #expect(review.status == 0, "\(review.stderr)")
        let page = Self.outputFolder + "/seed-000.html"
        let seed = try #require(readText(repositoryRoot + "/Corpus/seed-000.txt"))
        let document = warta.extract(seed)
        for field in [!document.offices.isEmpty, !document.persons.isEmpty, !document.dates.isEmpty, !document.decrees.isEmpty] {
            #expect(field, "the seed must have offices, persons, dates and decrees to highlight")
        }
        let expectedItems = ReviewPage.items(warta.analyze(seed)).count

        let flags = "--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions"
        let dom = shellOutput("timeout 90 \(chromium) \(flags) --virtual-time-budget=2000 --dump-dom 'file://\(page)'")
        #expect(dom.status == 0)
        #expect(dom.output.contains("data-check=\"ok:\(expectedItems)\""), "every item must be highlighted at its offsets")
        #expect(!dom.output.contains("data-errors="), "the page must run without script errors")
        #expect(dom.output.contains("<mark class=\"m f-offices"))
        #expect(dom.output.contains("<mark class=\"m f-decrees"))

        let log = shellOutput("timeout 90 \(chromium) \(flags) --enable-logging=stderr --v=0 --dump-dom 'file://\(page)' 2>&1 >/dev/null")
        #expect(!log.output.contains("Uncaught"), "console errors: \(log.output)")

        let shot = Self.outputFolder + "/seed-000.png"
        let screenshot = shellOutput("timeout 90 \(chromium) \(flags) --window-size=1400,1100 --screenshot='\(shot)' 'file://\(page)'")
        #expect(screenshot.status == 0)
        #expect((readFile(shot)?.count ?? 0) > 20_000, "the screenshot must be written")
    }

    @Test func indexPageListsEveryDocument() {
        let s = Scratch(["a.txt": release, "sub/b.txt": "Jakarta – Rapat pada 26 Januari 2022."])
        defer { s.remove() }
        let run = runWarta(["review", s.path, "--output", s.path + "/out"])
        #expect(run.status == 0)
        let index = readText(s.path + "/out/index.html") ?? ""
        #expect(index.contains("href=\"a.html\"") && index.contains("href=\"sub/b.html\""))
        #expect(readText(s.path + "/out/sub/b.html")?.contains("href=\"../index.html\"") == true)
    }
}

@Suite(.serialized)
struct EvalTests {
    @Test func minF1GatesAndJSONIsMachineReadable() {
        let gold = repositoryRoot + "/Tests/Gold"
        let pass = runWarta(["eval", gold, repositoryRoot + "/Corpus", "--min-f1", "0.01", "--json"])
        #expect(pass.status == 0)
        #expect(pass.stdout.hasPrefix(#"{"fields":{"#))
        #expect(pass.stdout.contains(#""mean_f1":"#))
        let fail = runWarta(["eval", gold, repositoryRoot + "/Corpus", "--min-f1", "1.01"])
        #expect(fail.status == 1)
        #expect(fail.stderr.contains("is below --min-f1 1.01"))
        #expect(runWarta(["eval", gold, "--fields", "dates,nope"]).status == 2)
    }

    @Test func pythonRounding() {
        #expect(Evaluation.rounded(0.0625) == 0.062)
        #expect(Evaluation.rounded(0.0005) == 0.001)
        #expect(Evaluation.rounded(2.0 / 3.0) == 0.667)
        #expect(Evaluation.rounded(1) == 1)
        #expect(Evaluation.rounded(0) == 0)
    }
}
