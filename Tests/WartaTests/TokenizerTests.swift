import Testing
@testable import Warta

struct TokenizerTests {
    /// Tokens cover the input without gaps and their offsets count Unicode scalars of the original text.
    func assertRoundTrip(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tokenized = warta.tokenize(text)
        let scalarsOfText = Array(text.unicodeScalars)
        var expectedStart = 0
        for token in tokenized.tokens {
            #expect(token.start == expectedStart, "gap before \(token.text)", sourceLocation: sourceLocation)
            #expect(token.end > token.start, sourceLocation: sourceLocation)
            if token.start != expectedStart || token.end > scalarsOfText.count { return }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalarsOfText[token.start..<token.end])
            #expect(String(view) == token.text, sourceLocation: sourceLocation)
            expectedStart = token.end
        }
        #expect(expectedStart == scalarsOfText.count, sourceLocation: sourceLocation)
        #expect(tokenized.scalarCount == scalarsOfText.count, sourceLocation: sourceLocation)
    }

    /// Every corpus text; the dev texts of `../shared` are checked in `SharedDataTests`.
    @Test func offsetsRoundTripOnEveryCorpusText() throws {
        let names = corpusTextNames()
        #expect(names.count >= 90)
        for name in names {
            let text = try #require(readText(repositoryRoot + "/Corpus/" + name))
            assertRoundTrip(text)
        }
    }

    @Test func offsetsRoundTripOnAwkwardText() {
        assertRoundTrip("Jakarta\r\n– Kantor\u{00A0}Imigrasi\u{202F}Kelas “I” 🇮🇩 café e\u{0301} 𝐀𝐁 ⁠Jum’at\rakhir")
        assertRoundTrip("")
        assertRoundTrip("\n\n\n")
    }

    @Test func kindsAndNormalization() {
        let tokens = warta.tokenize("Jum’at (23/5) – “UKK”\u{00A0}cafe\u{0301} 1.608.743").tokens
        let significant = tokens.filter { !$0.isSpace }
        #expect(significant.map(\.text) == ["Jum’at", "(", "23", "/", "5", ")", "–", "“", "UKK", "”", "cafe\u{0301}", "1.608.743"])
        #expect(significant.map(\.norm) == ["jum'at", "(", "23", "/", "5", ")", "-", "\"", "ukk", "\"", "café", "1.608.743"])
        #expect(significant.map(\.kind) == [.word, .punct, .number, .punct, .number, .punct, .punct, .punct, .word, .punct, .word, .number])
        #expect(tokens.contains { $0.kind == .space && $0.text == "\u{00A0}" })
        #expect(significant[8].shape.contains(.allUpper))
        #expect(significant[0].shape.contains(.initialUpper))
    }

    @Test func lineBreaksAreCounted() {
        let tokens = warta.tokenize("Judul\r\n\r\nJakarta – isi\rlagi").tokens
        let breaks = tokens.filter { $0.kind == .newline }
        #expect(breaks.map(\.lineBreaks) == [2, 1])
        #expect(tokens.filter { $0.shape.contains(.lineStart) }.map(\.text) == ["Judul", "Jakarta", "lagi"])
    }

    func sentenceStarts(_ text: String) -> [String] {
        warta.tokenize(text).tokens.filter { $0.shape.contains(.sentenceStart) }.map(\.text)
    }

    @Test func abbreviationsDoNotEndSentences() {
        #expect(sentenceStarts("Acara dibuka oleh Dr. Imam Setiawan. Ia hadir.") == ["Acara", "Ia"])
        #expect(sentenceStarts("Dasarnya UU No. 6 Tahun 2011. Berlaku.") == ["Dasarnya", "Berlaku"])
        #expect(sentenceStarts("Diwakili Bapak M. Ishak Ismail. Beliau hadir.") == ["Diwakili", "Beliau"])
        #expect(sentenceStarts("Digelar 4 s.d. 7 November. Peserta hadir.") == ["Digelar", "Peserta"])
        #expect(sentenceStarts("Kunjungan ke PT. Taspen berlangsung.") == ["Kunjungan"])
    }

    @Test func aDegreeEndsTheSentenceWhenANewOneOpens() {
        #expect(sentenceStarts("Diwakili oleh Bapak Nurkholis, S.H., M.H. Beliau memaparkan kiat.") == ["Diwakili", "Beliau"])
        #expect(sentenceStarts("Hadir Nurkholis, S.H. M.H. dari Medan.") == ["Hadir"])
        #expect(sentenceStarts("Alat tulis, kertas, dll. Semua tersedia.") == ["Alat", "Semua"])
        #expect(sentenceStarts("Alat tulis, kertas, dll. yang tersedia.") == ["Alat"])
    }

    /// The tokenizer settles the common sentence-boundary cases itself; on every corpus text it must agree with
    /// asking ICU's sentence iterator at each candidate (the dev texts are checked in `SharedDataTests`).
    @Test func sentenceShortcutAgreesWithICU() throws {
        let names = corpusTextNames()
        #expect(names.count >= 90)
        let check = try SentenceShortcutCheck()
        for name in names {
            let text = try #require(readText(repositoryRoot + "/Corpus/" + name))
            check.expectAgreement(text, name: name)
        }
    }

    @Test func ordinarySentences() {
        #expect(sentenceStarts("Rapat selesai pada 2024. Peserta pulang! Apakah berhasil? Ya.") == ["Rapat", "Peserta", "Apakah", "Ya"])
        #expect(sentenceStarts("“Kami siap,” ujar Yuldi. Ia tersenyum.") == ["“", "Ia"])
    }
}

/// Compares the sentence starts found by the tokenizer's shortcut with those found by asking ICU at every candidate.
struct SentenceShortcutCheck {
    let fast: Tokenizer
    let icu: Tokenizer

    init() throws {
        fast = try Tokenizer(abbreviations: warta.lexicons.abbreviations)
        icu = try Tokenizer(abbreviations: warta.lexicons.abbreviations)
        icu.askICUAlways = true
    }

    func expectAgreement(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tokens = fast.tokenize(text).tokens
        let a = tokens.map { $0.shape.contains(.sentenceStart) }
        let b = icu.tokenize(text).tokens.map { $0.shape.contains(.sentenceStart) }
        #expect(a.count == b.count, "token counts differ in \(name)", sourceLocation: sourceLocation)
        let differ = a.indices.filter { $0 < b.count && a[$0] != b[$0] }
        let context = differ.prefix(3).map { i in tokens[max(0, i - 4)..<min(tokens.count, i + 2)].map(\.text).joined() + " (shortcut: \(a[i]))" }
        #expect(differ.isEmpty, "sentence starts differ from ICU's in \(name): \(context)", sourceLocation: sourceLocation)
    }
}

struct DecodingTests {
    @Test func bomIsDroppedAndOffsetsCountFromAfterIt() throws {
        let text = try Decoding.text(fromUTF8: [0xEF, 0xBB, 0xBF] + Array("Medan, 19 September 2024 – Acara.".utf8))
        #expect(text.hasPrefix("Medan"))
        let doc = warta.extract(text)
        #expect(doc.dateline?.span.start == 0)
    }

    @Test func invalidUTF8NamesTheByte() {
        #expect(throws: Decoding.Failure.invalidUTF8(byteOffset: 6)) {
            try Decoding.text(fromUTF8: Array("Medan ".utf8) + [0xC3, 0x28])
        }
        #expect(throws: Decoding.Failure.invalidUTF8(byteOffset: 9)) {
            try Decoding.text(fromUTF8: [0xEF, 0xBB, 0xBF] + Array("Medan ".utf8) + [0xFF])
        }
        #expect(throws: Decoding.Failure.binary(byteOffset: 2)) { try Decoding.text(fromUTF8: [0x41, 0x42, 0x00, 0x43]) }
    }

    @Test func lossyReplacesAndKeepsOffsetsConsistent() throws {
        let text = try Decoding.text(fromUTF8: Array("A".utf8) + [0xFF] + Array(" Medan, 19 September 2024".utf8), lossy: true)
        #expect(text.unicodeScalars.count == 27)
        let doc = warta.extract(text)
        for date in doc.dates { #expect(scalars(text, date.span.start, date.span.end) == date.span.text) }
        #expect(doc.dates.first?.span.start == 10)
    }

    @Test func crlfKeepsItsOffsets() {
        let text = "Judul Rilis\r\n\r\nMedan, 19 September 2024 – Rapat.\r\nPada 26 Januari 2022 dibentuk."
        let doc = warta.extract(text)
        #expect(doc.dates.map(\.span.text) == ["19 September 2024", "26 Januari 2022"])
        for date in doc.dates { #expect(scalars(text, date.span.start, date.span.end) == date.span.text) }
        #expect(doc.headline?.span.text == "Judul Rilis")
    }
}
