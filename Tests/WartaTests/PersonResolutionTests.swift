import Testing
@testable import Warta

/// The person extractor's settling and linking (`PersonExtractor.resolve`), and the helpers that split runs of
/// honorifics and degrees: what the rule examples alone do not show.
struct PersonResolutionTests {
    private func persons(_ text: String) -> [Person] { warta.extract(text).persons }

    @Test func shortMentionsLinkToTheFullName() {
        let text = "Plt. Direktur Jenderal Imigrasi, Yuldi Yusman, meninjau Kantor Imigrasi Batam. "
            + "“Layanan harus cepat,” ujar Yuldi. Yusman juga meminta laporan harian, ungkapnya."
        let found = persons(text)
        #expect(found.map(\.name) == ["Yuldi Yusman"])
        #expect(found.first?.mentions.map(\.text) == ["Yuldi Yusman", "Yuldi", "Yusman"])
        #expect(found.first?.positions == ["Plt. Direktur Jenderal Imigrasi"])
    }

    @Test func aShortFirstMentionTakesTheFullerFormLater() {
        let text = "Menurut Zudan, netralitas ASN wajib dijaga. Kepala BKN Prof. Zudan Arif Fakrulloh menegaskan hal itu di Jakarta."
        let found = persons(text)
        #expect(found.map(\.name) == ["Zudan Arif Fakrulloh"])
        #expect(found.first?.honorifics == ["Prof."])
        #expect(found.first?.mentions.map(\.text) == ["Zudan", "Zudan Arif Fakrulloh"])
    }

    @Test func peopleSharingAWordStayApart() {
        let text = "Presiden Joko Widodo menerima Kepala Dinas Koperasi Joko Santoso. Kemudian Joko Santoso melaporkan hasilnya."
        let found = persons(text)
        #expect(found.map(\.name) == ["Joko Widodo", "Joko Santoso"])
        #expect(found.map { $0.mentions.count } == [1, 2])
    }

    @Test func titlesNameTheirHolderAndKeepTextOrder() {
        let text = "Kepala Kantor Imigrasi Kelas II TPI Sibolga, Bapak Akbar Drajat Bogitara, S.H., M.H., membuka acara."
        let titles = warta.extract(text).titles
        #expect(titles.map(\.span.text) == ["Kepala Kantor Imigrasi Kelas II TPI Sibolga", "Bapak", "S.H.", "M.H."])
        #expect(titles.map(\.kind) == [.position, .honorific, .degree, .degree])
        #expect(Set(titles.map(\.holder)) == ["Akbar Drajat Bogitara"])
        for title in titles { #expect(scalars(text, title.span.start, title.span.end) == title.span.text) }
    }

    @Test func aTitleCaseHeadlineNamesNoOneButIsMentioned() {
        let text = "Wamenkeu Thomas Djiwandono Hadiri Wisuda Taruna Baru\n\n"
            + "Jakarta – Wakil Menteri Keuangan Thomas AM Djiwandono menghadiri wisuda pada Sabtu (10/5)."
        let found = persons(text)
        #expect(found.map(\.name) == ["Thomas AM Djiwandono"])
        #expect(found.first?.mentions.map(\.text) == ["Thomas", "Thomas AM Djiwandono"])
    }

    @Test func positionsAloneAndInitialsAloneNameNoOne() {
        #expect(persons("“Anggaran tetap aman,” kata Menkeu. Kepala BKN juga hadir.").isEmpty)
        #expect(persons("Petugas mengamankan WNA berinisial AR (41) dan MS (37) di Batam.").isEmpty)
    }

    @Test func aCommonWordWrittenInLowercaseElsewhereIsNoName() {
        let text = "Diskusi menegaskan pentingnya kolaborasi. Peserta mengikuti diskusi dengan antusias."
        #expect(persons(text).isEmpty)
    }

    @Test func aPlaceNamedElsewhereEndsAnOffice() {
        let text = "Warga Desa Cibodas menyambut baik program itu. “Kami bangga,” ungkap Dadang Ketua Koperasi Tani Cibodas dalam keterangannya."
        let found = persons(text)
        #expect(found.map(\.name) == ["Dadang"])
        #expect(found.first?.positions == ["Ketua Koperasi Tani Cibodas"])
    }

    @Test func honorificRunsGroupARankWithItsParts() throws {
        let text = "Mayjen TNI (Purn.) Dr. dr. Prihati"
        let tokens = warta.tokenize(text).tokens
        let lexicons = try Lexicons(models: .builtIn)
        let items = try #require(PersonRules.honorificItems(0..<(tokens.count - 2), tokens, lexicons))
        #expect(items.map { Casing.joined(tokens[$0]) } == ["Mayjen TNI (Purn.)", "Dr.", "dr."])
        // A service word cannot open the run; a general's rank alone is also a position's second word.
        let prajurit = warta.tokenize("TNI Budi").tokens
        #expect(PersonRules.honorificItems(0..<1, prajurit, lexicons) == nil)
        let direktur = warta.tokenize("Jenderal Imigrasi").tokens
        #expect(PersonRules.opensWithBareFlagRank(0..<1, direktur, lexicons))
        let panglima = warta.tokenize("Jenderal TNI Agus").tokens
        #expect(!PersonRules.opensWithBareFlagRank(0..<3, panglima, lexicons))
        #expect(warta.extract("Direktur Jenderal Binapenta dan PKK hadir.").persons.isEmpty)
        #expect(warta.extract("Kunjungan Laksamana David Johnston diterima Menhan.").persons.map(\.name) == ["David Johnston"])
    }

    @Test func degreeRunsSplitWithAndWithoutCommasAndDots() {
        func items(_ text: String) -> [String] {
            let tokens = warta.tokenize(text).tokens
            return PersonRules.degreeItems(0..<tokens.count, tokens).map { Casing.joined(tokens[$0]) }
        }
        #expect(items("S.H., M.H.") == ["S.H.", "M.H."])
        #expect(items("SH MH") == ["SH", "MH"])
        #expect(items("MSc.,MA.,Ph.D") == ["MSc.", "MA.", "Ph.D"])
        #expect(items("Sp.JP (K)., FIHA") == ["Sp.JP (K).", "FIHA"])
        #expect(items("AMd Ip SAP") == ["AMd Ip", "SAP"])
    }

    @Test func degreesAreReadWithoutDotsAndWithAnLForAnI() {
        let found = persons("Kapolres Kotamobagu AKBP Gani F Siahaan, SlK, MH, hadir dalam acara itu.")
        #expect(found.map(\.name) == ["Gani F Siahaan"])
        #expect(found.first?.honorifics == ["AKBP"])
        #expect(found.first?.degrees == ["SlK", "MH"])
    }

    @Test func namesAfterAPlacesFacilityAreNotPeople() {
        #expect(persons("Upacara digelar di Pangkalan Udara (Lanud) Sultan Hasanuddin, Makassar, pada Minggu.").isEmpty)
        #expect(persons("Kegiatan berlangsung di Universitas Teuku Umar, Meulaboh, dan dibuka Rektor.").isEmpty)
    }
    // MARK: the rules and the name tagger together

    @Test func aNameWithNoCueIsTheTaggers() {
        let found = persons("Harun pergi ke Singapura pada Senin.")
        #expect(found.map(\.name) == ["Harun"])
        #expect(warta.analyze("Harun pergi ke Singapura pada Senin.").traces.first { $0.field == "persons" }?.rule == "person.model")
    }

    @Test func wordsTheLanguageWritesInLowercaseAreNoNames() {
        #expect(persons("Diskusi menegaskan pentingnya kerja sama. Peserta bekerja dalam kelompok.").isEmpty)
    }

    @Test func namesOfAirportsAndStreetsAreNoPeople() {
        #expect(persons("Penundaan dilakukan di Bandara Internasional I Gusti Ngurah Rai pada Selasa.").isEmpty)
        #expect(persons("Kantornya di Jl. HR Rasuna Said, Jakarta Selatan.").isEmpty)
    }

    @Test func aNicknameInParenthesesIsTheSamePerson() {
        let found = persons("Presiden terpilih Joko Widodo (Jokowi) hadir di Solo. Jokowi menyapa warga.")
        #expect(found.map(\.name) == ["Joko Widodo"])
        #expect(found.first?.mentions.map(\.text) == ["Joko Widodo", "Jokowi", "Jokowi"])
    }

    @Test func aNicknameAfterACueIsTheSamePerson() {
        let found = persons("Ketua panitia, Ahmad Fauzan, yang akrab disapa Ojan, membuka acara. Kata Ojan, semua siap.")
        #expect(found.map(\.name) == ["Ahmad Fauzan"])
        #expect(found.first?.mentions.map(\.text) == ["Ahmad Fauzan", "Ojan", "Ojan"])
    }

    @Test func namesInAListBesideAPersonAreNames() {
        let found = persons("Rapat dihadiri pimpinan KPU, Betty Epsilon, Idham Holik, dan August Mellaz.")
        #expect(found.map(\.name).contains("Betty Epsilon"))
        #expect(found.map(\.name).contains("Idham Holik"))
    }

    @Test func theTaggerMovesANamesStartBackOverNameWords() {
        let found = persons("Hadir pula Ketua Ahmad Doli Kurnia dalam rapat itu.")
        #expect(found.map(\.name) == ["Ahmad Doli Kurnia"])
        #expect(found.first?.positions == ["Ketua"])
    }

    @Test func aOneWordSpeakerAtASentenceStartStandsWhenTheTaggerAgrees() {
        #expect(persons("Sufmi menegaskan bahwa DPR mendukung langkah itu.").map(\.name) == ["Sufmi"])
        #expect(persons("Dalam pertemuan ini, Bosnia menegaskan komitmennya.").isEmpty)
    }
}
