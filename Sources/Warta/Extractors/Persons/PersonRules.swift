/// What a person rule found, as token ranges; the extractor settles, links and writes persons and titles.
struct PersonValue: Sendable {
    var name: Range<Int>
    var honorifics: Range<Int>?
    var degrees: Range<Int>?
    /// Job titles next to the name, in text order ("Wakil Ketua Komisi X DPR RI sekaligus Pimpinan Panja ...").
    var positions: [Range<Int>] = []
    /// One line for traces and rule examples: "Name | hon Bapak | deg S.H., M.H. | pos Kepala ...".
    var summary = ""
}

/// Rules for people named in the text. A name is a run of capitalized name words (see `PersonVocabulary`)
/// that something next to it marks as a person: an honorific or rank before it, a position before or after
/// it, a speech verb, or "selaku". Capital letters alone never make a name: headlines are in Title Case.
enum PersonRules {
    /// The rules in priority order: when two rules read different names in the same words, the earlier wins.
    static func all(_ v: PersonVocabulary) -> [Rule<PersonValue>] {
        let e = Elements(v)
        return [
            Rule(
                "person.honorific_name",
                "Honorifics or a rank, a name and optional degrees: \"Bapak Nurkholis, S.H., M.H.\", \"Brigjen Pol. Anton\"",
                pattern: [e.honorifics, e.name, e.degrees.optional],
                examples: [
                    .match("diwakili oleh ⟦Bapak Nurkholis, S.H., M.H.⟧ Beliau memaparkan", "Nurkholis | hon Bapak | deg S.H., M.H."),
                    .match("diwakili oleh ⟦Bapak M. Ishak Ismail⟧.", "M. Ishak Ismail | hon Bapak"),
                    .match("hadir pula ⟦Prof. Dr. Yasonna H. Laoly, S.H., M.Sc.⟧ dalam acara", "Yasonna H. Laoly | hon Prof., Dr. | deg S.H., M.Sc."),
                    .match("dipimpin ⟦Mayjen TNI (Purn.) Dr. dr. Prihati Pujowaskito, Sp.JP (K).⟧ pada", "Prihati Pujowaskito | hon Mayjen TNI (Purn.), Dr., dr. | deg Sp.JP (K)."),
                    .match("dibuka ⟦Kolonel Arm Aziz Mahmudi⟧ di lapangan", "Aziz Mahmudi | hon Kolonel Arm"),
                    .match("ditandatangani ⟦Drs Supriono,MM⟧ dan", "Supriono | hon Drs | deg MM"),
                    .match("bersama ⟦Sdri. Ni Luh Putu Ayu Lestari⟧ yang", "Ni Luh Putu Ayu Lestari | hon Sdri."),
                    .noMatch("Bapak dan Ibu peserta yang kami hormati"),
                    .noMatch("sambutan Bapak Presiden pada pembukaan"),
                    .noMatch("Kantor BKN di Jl. Mayjen Sutoyo No. 12, Jakarta Timur"),
                    .noMatch("upacara di atas KRI dr. Radjiman Wedyodiningrat-992 berlangsung"),
                    .noMatch("para prajurit TNI Angkatan Darat"),
                ],
                produce: { m in e.person(m) }
            ),
            Rule(
                "person.position_name",
                "A position of office words, then the name with no comma: \"Menteri Pertahanan RI Sjafrie Sjamsoeddin\"",
                pattern: [e.head, e.strictBody.repeated(0...14).as("body"), e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("⟦Menteri Pertahanan RI Sjafrie Sjamsoeddin⟧ menerima", "Sjafrie Sjamsoeddin | pos Menteri Pertahanan RI"),
                    .match("⟦Kepala BKN Prof. Dr. Zudan Arif Fakrulloh⟧ menegaskan", "Zudan Arif Fakrulloh | hon Prof., Dr. | pos Kepala BKN"),
                    .match("⟦Wakil Menteri Pertahanan (Wamenhan) RI Donny Ermawan Taufanto⟧ hadir", "Donny Ermawan Taufanto | pos Wakil Menteri Pertahanan (Wamenhan) RI"),
                    .match("kata ⟦Menkeu Sri Mulyani⟧ di Jakarta", "Sri Mulyani | pos Menkeu"),
                    .match("⟦Rektor Unpatti Fredy Leiwakabessy⟧ menyambut", "Fredy Leiwakabessy | pos Rektor Unpatti"),
                    .match("⟦Kepala Kanwil Ditjenpas Kalteng I Putu Murdiana⟧ meninjau", "I Putu Murdiana | pos Kepala Kanwil Ditjenpas Kalteng"),
                    .match("⟦Presiden Prabowo⟧ meminta", "Prabowo | pos Presiden"),
                    .noMatch("Kepala BKN menegaskan pentingnya netralitas."),
                    .noMatch("dari Menkeu Arab Saudi yang hadir"),
                    .noMatch("kata Menhan di Jakarta"),
                ],
                produce: { m in e.person(m, positionBeforeName: true, closedEnd: true) }
            ),
            Rule(
                "person.position_honorific_name",
                "A position of any capitalized words, ended by the honorific or rank of the name: \"Ketua Kopontren Al-Ittifaq Ustad Irawan\"",
                pattern: [e.head, e.looseBody.repeated(0...14).as("body"), e.honorifics, e.name, e.degrees.optional],
                examples: [
                    .match("⟦Ketua Kopontren Al-Ittifaq Ustad Irawan⟧ menyambut", "Irawan | hon Ustad | pos Ketua Kopontren Al-Ittifaq"),
                    .match("⟦Deputi Bidang Geostrategi DPN Mayjen TNI Ari Yulianto⟧ menjelaskan", "Ari Yulianto | hon Mayjen TNI | pos Deputi Bidang Geostrategi DPN"),
                    .noMatch("Ketua Kopontren Al-Ittifaq menyambut Bapak dan Ibu"),
                ],
                produce: { m in e.person(m, positionBeforeName: true) }
            ),
            Rule(
                "person.position_comma_name",
                "A position, a comma or \"yakni\", then the holder: \"Plt Kepala Kantor Imigrasi ..., Imam Setiawan,\"",
                pattern: [e.head, e.looseBody.repeated(0...16).as("body"), e.alsoPosition.optional, .word(",").optional.as("comma"),
                          .word("yakni", "yaitu").optional.as("namely"), e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("⟦Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu, Imam Setiawan⟧, menghadiri", "Imam Setiawan | pos Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu"),
                    .match("dari ⟦Kepala Kantor Imigrasi Kelas II TPI Sibolga, Bapak Akbar Drajat Bogitara⟧, yang", "Akbar Drajat Bogitara | hon Bapak | pos Kepala Kantor Imigrasi Kelas II TPI Sibolga"),
                    .match("⟦Wakil Menteri Pendidikan Tinggi, Sains, dan Teknologi, Stella Christie⟧, menjelaskan", "Stella Christie | pos Wakil Menteri Pendidikan Tinggi, Sains, dan Teknologi"),
                    .match("⟦Deputi SIDIGI BKN, yakni Suharmen⟧, menjelaskan", "Suharmen | pos Deputi SIDIGI BKN"),
                    .match("⟦Kepala Biro Komunikasi dan Hubungan Masyarakat (BKHM), Kemendikdasmen, Anang Ristanto⟧, turut", "Anang Ristanto | pos Kepala Biro Komunikasi dan Hubungan Masyarakat (BKHM), Kemendikdasmen"),
                    .match("⟦Wakil Ketua Komisi X DPR RI sekaligus Pimpinan Panja RUU Sisdiknas, Hetifah Sjaifudian⟧, menyampaikan", "Hetifah Sjaifudian | pos Wakil Ketua Komisi X DPR RI; Pimpinan Panja RUU Sisdiknas"),
                    .match("⟦Kepala Kantor Imigrasi Kelas I Khusus TPI Batam, Ardian Prasetyo Wibowo, S.H., M.H.⟧, menjelaskan", "Ardian Prasetyo Wibowo | deg S.H., M.H. | pos Kepala Kantor Imigrasi Kelas I Khusus TPI Batam"),
                    .noMatch("Kepala Kantor Imigrasi Kelas II TPI Sibolga, yang baru dilantik, hadir."),
                    .noMatch("Kepala Biro Umum, Kepala Biro Keuangan dan para pejabat hadir."),
                ],
                produce: { m in
                    guard m.has("comma") || m.has("namely") else { return nil }
                    return e.person(m, positionBeforeName: true)
                }
            ),
            Rule(
                "person.name_comma_position",
                "A name, a comma, then the position held: \"Bapak Samsu Rizal, Kepala Tim Kerja Sama ...\"",
                pattern: [e.honorifics.optional, e.name, e.degrees.optional, .word(","), e.head, e.looseBody.repeated(0...16).as("body")],
                examples: [
                    .match("dibuka oleh ⟦Bapak Samsu Rizal, Kepala Tim Kerja Sama Keimigrasian Antar Lembaga Non Pemerintah⟧, yang", "Samsu Rizal | hon Bapak | pos Kepala Tim Kerja Sama Keimigrasian Antar Lembaga Non Pemerintah"),
                    .match("“Kami siap,” kata ⟦Anang Ristanto, Kepala Biro Komunikasi⟧.", "Anang Ristanto | pos Kepala Biro Komunikasi"),
                    .noMatch("Selain itu, Kepala Biro Umum hadir."),
                    .noMatch("Di Universitas Teuku Umar, Rektor menyambut tamu."),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
            Rule(
                "person.name_selaku_position",
                "A name, \"selaku\" or \"sebagai\", then the position: \"Ojak Murdani selaku Kepala Biro Umum BKN\"",
                pattern: [e.honorifics.optional, e.name, e.degrees.optional, .word(",").optional, .word("selaku", "sebagai"), e.head,
                          e.looseBody.repeated(0...16).as("body")],
                examples: [
                    .match("hadir ⟦Ojak Murdani selaku Kepala Biro Umum BKN⟧ dalam", "Ojak Murdani | pos Kepala Biro Umum BKN"),
                    .match("kata ⟦Prof. Zudan selaku Kepala BKN⟧.", "Zudan | hon Prof. | pos Kepala BKN"),
                    .noMatch("Kementerian selaku Kepala Tim pelaksana"),
                    .noMatch("Pemerintah Daerah sebagai Ketua panitia"),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
            Rule(
                "person.speech_verb_name",
                "A speech verb, then the speaker and an optional position: \"ujar Yuldi\", \"kata Sri Mulyani\", \"ungkap Cecep Ketua Kopdes ...\"",
                pattern: [.lexicon("speech-verbs").as("verb"), e.honorifics.optional, e.name, e.degrees.optional,
                          .group(.word(",").optional, e.head.as("head"), e.looseBody.repeated(0...16).as("body")).optional],
                examples: [
                    .match("“Kami siap,” ⟦ujar Yuldi⟧.", "Yuldi"),
                    .match("“Tetap tumbuh,” ⟦kata Sri Mulyani⟧ di Jakarta.", "Sri Mulyani"),
                    .match("“Kami bangga,” ⟦ungkap Cecep Ketua Kopdes Merah Putih Hambalang⟧ dalam keterangannya.", "Cecep | pos Ketua Kopdes Merah Putih Hambalang"),
                    .noMatch("“Kami siap,” ungkapnya."),
                    .noMatch("“Kami siap,” kata Kepala BKN."),
                    .noMatch("kata kunci pencarian"),
                ],
                produce: { m in
                    guard m["verb"]?.entry?.fields.first == "before" else { return nil }
                    return e.person(m)
                }
            ),
            Rule(
                "person.quote_attribution",
                "A closing quotation mark, a lowercase verb, then the speaker: \"…” urai Yasmin\"",
                pattern: [.word("\"", "'"), .word(",").optional, e.lowerVerb, e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("“Terasa begitu lembut ⟦” urai Yasmin⟧.", "Yasmin"),
                    .match("\"Aromanya harum,⟦\" tekan Nurul⟧.", "Nurul"),
                    .noMatch("“Terasa lembut,” imbuhnya."),
                    .noMatch("“Terasa lembut,” kata Menkeu."),
                ],
                produce: { m in e.person(m) }
            ),
            Rule(
                "person.name_reporting_verb",
                "A name, then a reporting verb: \"Irawan mengatakan, ...\", \"Susi Sukaesih juga menyampaikan\"",
                pattern: [e.honorifics.optional, e.name, e.degrees.optional, .word(",").optional, .word("juga", "pun", "turut", "kembali").optional,
                          .lexicon("speech-verbs").as("verb")],
                examples: [
                    .match("⟦Irawan mengatakan⟧, terdapat lebih dari 40 ribu pondok", "Irawan"),
                    .match("Tak ketinggalan, ⟦Susi Sukaesih juga menyampaikan⟧ semangat", "Susi Sukaesih"),
                    .noMatch("Pemerintah Provinsi menegaskan komitmennya."),
                    .noMatch("Sidina Community menyampaikan terima kasih."),
                    .noMatch("Wamenkop Farida mengatakan hal itu."),
                ],
                produce: { m in
                    guard m["verb"]?.entry?.fields.first == "after" else { return nil }
                    return e.person(m, openStart: true)
                }
            ),
            Rule(
                "person.preposition_name",
                "\"Menurut\", \"oleh\" or \"didampingi\", then a name: \"disampaikan oleh Anis Hidayah, bukan\"",
                pattern: [.word("menurut", "oleh", "didampingi", "bersama").as("by"), e.honorifics.optional, e.name, e.degrees.optional],
                examples: [
                    .match("rekomendasi itu disampaikan ⟦oleh Anis Hidayah⟧, bukan", "Anis Hidayah"),
                    .match("⟦Menurut Ferry⟧, koperasi harus", "Ferry"),
                    .noMatch("dilaksanakan oleh Kementerian Keuangan."),
                    .noMatch("diselenggarakan oleh Sidina Community di Yogyakarta"),
                ],
                produce: { m in
                    // After "oleh", "bersama" or "didampingi" one capitalized word is as often an organisation.
                    guard let p = m["by"], p.norm == "menurut" || PersonRules.significant(m["name"]!.range, m.document.tokens).count >= 2 else { return nil }
                    return e.person(m, closedEnd: true)
                }
            ),
            Rule(
                "person.name_degrees",
                "A name followed by dotted degrees after a comma: \"Anindya Paramitha Larasati, S.H., M.Kn.\"",
                pattern: [e.name, .word(","), e.degrees],
                examples: [
                    .match("notaris yang dilantik, ⟦Anindya Paramitha Larasati, S.H., M.Kn.⟧, akan berkedudukan", "Anindya Paramitha Larasati | deg S.H., M.Kn."),
                    .noMatch("Kantor Wilayah BKN, MA dan KY hadir."),
                ],
                produce: { m in
                    // Undotted capitals after a comma are as often acronyms ("BKN, MA"): one dotted degree is needed.
                    guard let d = m["degrees"], d.tokens.contains(where: { $0.text.contains(".") || $0.norm == "." }) else { return nil }
                    return e.person(m, openStart: true)
                }
            ),
            Rule(
                "person.name_age",
                "A name followed by an age in parentheses: \"Richelle (17)\"; initials only (\"AR (41)\") name no one",
                pattern: [e.name, .word("("), .digits(1...3), .word(")")],
                examples: [
                    .match("pengunjung ⟦Richelle (17)⟧ mencoba", "Richelle"),
                    .noMatch("warga negara Malaysia berinisial MA (41), RS (37)"),
                ],
                produce: { m in e.person(m, openStart: true) }
            ),
        ]
    }

    /// The pattern elements the rules share, built on the vocabulary.
    struct Elements: Sendable {
        let v: PersonVocabulary

        init(_ v: PersonVocabulary) { self.v = v }

        var nameWord: Element {
            let v = v
            return .check("name word (capitalized, not in <name-words>, <places>, <positions>, <honorifics>)") { v.isNameWord($0) }
        }
        var capsInitials: Element { let v = v; return .check("capital initials") { v.isCapsInitials($0) } }
        var initial: Element { let v = v; return .check("initial") { v.isInitial($0) } }

        /// A name: name words, dotted initials ("M.", "F.G.P."), undotted initials before a name word
        /// ("AM Djiwandono", "I Made") and lowercase particles ("bin", "van").
        var name: Element {
            Element.either(
                .group(capsInitials, nameWord),
                nameWord,
                .group(initial, Element.word(".").attachedToPrevious),
                .exact("bin", "binti", "van", "von", "de", "der", "da", "al", "el")
            ).repeated(1...6).as("name")
        }

        var honorifics: Element { Element.lexicon("honorifics").repeated(1...7).as("honorifics") }

        /// Degrees after the name, with or without commas, dots and spaces ("S.H., M.H.", "SH MH", ",MM").
        var degrees: Element {
            let v = v
            let consultant = Element.group(.word("("), .check("K, T or E") { $0.shape.contains(.allUpper) && $0.text.count <= 2 }, .word(")"))
            let item = Element.either(
                .group(.check("degree") { v.isDegree($0) }, Element.word(".").attachedToPrevious.optional, consultant.optional,
                       Element.word(".").attachedToPrevious.optional),
                .lexicon("degrees")
            )
            return Element.group(Element.word(",").optional, item).repeated(1...8).as("degrees")
        }

        /// The head of a position, with an acting prefix: "Plt. Kepala", "Wakil Menteri", "Kalapas".
        var head: Element { Element.lexicon("positions").repeated(1...3).as("head") }

        private var officeWord: Element { let v = v; return .check("office word (<name-words>, <places>, <positions>, acronym)") { v.isOfficeWord($0) } }
        private var afterComma: Element { let v = v; return .check("office word, not a rank") { v.continuesAfterComma($0) } }
        private var classMark: Element {
            let v = v
            return .group(.word("kelas", "komisi", "wilayah", "eselon", "golongan", "tingkat", "regional", "sektor", "angkatan"),
                          .check("class mark") { v.isClassMark($0) })
        }
        private var parenthesized: Element {
            .group(.word("("), .check("abbreviation") { $0.kind == .word || ["." , "-", "/"].contains($0.norm) }.repeated(1...5), .word(")"))
        }
        private var connectors: Element { .word("dan", "serta", "&", "untuk", "bidang", "di", "pada", "of", "for", "and", "the", "on") }

        /// What continues a position when a name follows it directly: office words only.
        var strictBody: Element {
            Element.either(
                classMark, parenthesized,
                .group(connectors, officeWord),
                .group(.word(","), .word("dan", "serta").optional, afterComma),
                .group(.word("/", "-").attachedToPrevious, officeWord.attachedToPrevious),
                officeWord
            )
        }

        /// What continues a position that a comma, an honorific or the sentence ends: any capitalized word too.
        var looseBody: Element {
            let capitalized = Element.check("capitalized word") { $0.kind == .word && $0.shape.contains(.initialUpper) }
            return Element.either(
                classMark, parenthesized,
                .group(connectors, capitalized),
                .group(.word(","), .word("dan", "serta").optional, afterComma),
                .group(.word("/", "-").attachedToPrevious, capitalized.attachedToPrevious),
                capitalized
            )
        }

        /// A second position joined by "sekaligus" ("Wakil Ketua Komisi X DPR RI sekaligus Pimpinan Panja ...").
        var alsoPosition: Element {
            .group(.word("sekaligus", "merangkap"), Element.lexicon("positions").repeated(1...3), looseBody.repeated(0...12)).as("also")
        }

        /// A speech verb after a quotation, in lowercase, not one of the -nya forms that name no one.
        var lowerVerb: Element {
            .check("lowercase verb") { $0.kind == .word && !$0.shape.contains(.initialUpper) && !$0.norm.hasSuffix("nya") && $0.norm.count > 2 }
        }

        /// Checks and builds one rule's person. `positionBeforeName`: the position head and body come before the
        /// name, so an open head with no office words takes the first name word as its office ("Rektor Unpatti").
        /// `openStart`: nothing before the name marks it, so it must not continue a capitalized run or follow a
        /// facility word. `closedEnd`: the name must not be followed by another capitalized word.
        func person(_ m: Match, positionBeforeName: Bool = false, openStart: Bool = false, closedEnd: Bool = false) -> PersonValue? {
            let tokens = m.document.tokens
            guard var name = m["name"]?.range else { return nil }
            let honorifics = m["honorifics"]?.range
            // A rank part ("TNI", "(Purn.)") cannot open a run of honorifics: "prajurit TNI Budi" names no rank.
            if let h = honorifics, PersonRules.honorificItems(h, tokens, m.lexicons) == nil { return nil }
            var position: Range<Int>? = nil
            if let head = m["head"] {
                guard tokens[head.range.lowerBound].shape.contains(.initialUpper) else { return nil }
                let body = m["body"]?.range
                position = head.range.lowerBound..<(body?.upperBound ?? head.range.upperBound)
                if positionBeforeName, body == nil, honorifics == nil, opensOffice(head.range, m) {
                    // "Rektor Unpatti Fredy ...": an open head names its office first.
                    let words = significant(name, tokens)
                    guard words.count >= 2, !v.givenNames.contains(tokens[words[0]].norm) else {
                        if words.count == 1 { return nil }
                        return finish(m, name: name, honorifics: honorifics, positions: position.map { [$0] } ?? [], positionBeforeName: positionBeforeName, openStart: openStart, closedEnd: closedEnd)
                    }
                    position = head.range.lowerBound..<(words[0] + 1)
                    name = words[1]..<name.upperBound
                }
            }
            var positions = position.map { [$0] } ?? []
            if let also = m["also"] {
                let words = significant(also.range, tokens)
                if words.count > 1 { positions.append(words[1]..<also.range.upperBound) }
            }
            return finish(m, name: name, honorifics: honorifics, positions: positions, positionBeforeName: positionBeforeName, openStart: openStart, closedEnd: closedEnd)
        }

        private func finish(_ m: Match, name: Range<Int>, honorifics: Range<Int>?, positions: [Range<Int>],
                            positionBeforeName: Bool, openStart: Bool, closedEnd: Bool) -> PersonValue? {
            let tokens = m.document.tokens
            guard let name = PersonRules.cleanName(name, tokens, v) else { return nil }
            let first = honorifics?.lowerBound ?? name.lowerBound
            if let before = PersonRules.previousWord(first, tokens) {
                if v.facilities.contains(before.norm) { return nil }
                if openStart, honorifics == nil, before.kind == .word, before.shape.contains(.initialUpper), !v.common.contains(before.norm) {
                    return nil
                }
            }
            var degrees = m["degrees"]?.range
            if let d = degrees, d.lowerBound < name.upperBound { degrees = nil }
            let end = degrees?.upperBound ?? name.upperBound
            if positions.isEmpty || positions.allSatisfy({ $0.lowerBound < name.lowerBound }),
               let next = PersonRules.nextWord(end, tokens), next.kind == .word, next.shape.contains(.initialUpper),
               !next.shape.contains(.sentenceStart), tokens[end - 1].norm != "." {
                // The name must end its run of capitals: "Kepala Badan Pendapatan Daerah" has no name "Pendapatan".
                if closedEnd || v.isNameWord(next) { return nil }
            }
            if positionBeforeName, !m.has("comma"), !m.has("namely"), PersonRules.commaThenName(end, tokens, v, m.lexicons) {
                // "Kepala Lapas Kelas III Labuha, Sahrul Umasugi": an unknown place ends the office, the name follows.
                return nil
            }
            var value = PersonValue(name: name, honorifics: honorifics, degrees: degrees, positions: positions)
            value.summary = PersonRules.summary(value, m.document, m.lexicons)
            return value
        }

        private func opensOffice(_ head: Range<Int>, _ m: Match) -> Bool {
            let tokens = m.document.tokens
            var i = head.lowerBound
            var kind = ""
            while i < head.upperBound, let found = m.lexicons["positions"].longestMatch(in: tokens, at: i) {
                kind = found.entry.fields.first ?? ""
                i = found.end
                while i < head.upperBound, tokens[i].isSpace { i += 1 }
            }
            return kind == "open"
        }
    }

    // MARK: helpers shared with the extractor

    /// Indices of the significant tokens in `range`.
    static func significant(_ range: Range<Int>, _ tokens: [Token]) -> [Int] { range.filter { !tokens[$0].isSpace } }

    /// The name without leading particles and without trailing initials and particles ("Budi S." at a sentence
    /// end is "Budi"); nil when no name word is left (initials only, "AR").
    static func cleanName(_ range: Range<Int>, _ tokens: [Token], _ v: PersonVocabulary) -> Range<Int>? {
        var words = significant(range, tokens)
        func isParticle(_ i: Int) -> Bool { !tokens[i].shape.contains(.initialUpper) && tokens[i].kind == .word }
        while let last = words.last, isParticle(last) || tokens[last].norm == "." && words.count >= 2 && v.isInitial(tokens[words[words.count - 2]]) {
            words.removeLast(tokens[last].norm == "." ? 2 : 1)
        }
        guard let first = words.first, let last = words.last, !isParticle(first) else { return nil }
        guard words.contains(where: { v.isNameWord(tokens[$0]) }) else { return nil }
        return first..<(last + 1)
    }

    /// The significant word before token `i`, looking through the dot of an abbreviation ("Jl." before "Mayjen").
    static func previousWord(_ i: Int, _ tokens: [Token]) -> Token? {
        var j = i - 1
        while j >= 0, tokens[j].isSpace { j -= 1 }
        if j >= 1, tokens[j].norm == "." { j -= 1 }
        return j >= 0 ? tokens[j] : nil
    }

    /// Whether a comma and then a name (with or without honorifics) follow token `i`: the "Position, Name" reading.
    static func commaThenName(_ i: Int, _ tokens: [Token], _ v: PersonVocabulary, _ lexicons: Lexicons) -> Bool {
        guard let comma = nextIndex(i, tokens), tokens[comma].norm == ",", var j = nextIndex(comma + 1, tokens) else { return false }
        while let found = lexicons["honorifics"].longestMatch(in: tokens, at: j), let next = nextIndex(found.end, tokens) { j = next }
        return v.isNameWord(tokens[j]) || v.isCapsInitials(tokens[j])
    }

    static func nextIndex(_ i: Int, _ tokens: [Token]) -> Int? {
        var j = i
        while j < tokens.count, tokens[j].isSpace {
            if tokens[j].kind == .newline { return nil }
            j += 1
        }
        return j < tokens.count ? j : nil
    }

    /// The significant token at or after `i` on the same line.
    static func nextWord(_ i: Int, _ tokens: [Token]) -> Token? { nextIndex(i, tokens).map { tokens[$0] } }

    /// The separate honorifics in a run, a rank taking its corps, service and retired marks with it
    /// ("Mayjen TNI (Purn.) Dr." -> "Mayjen TNI (Purn.)", "Dr."); nil when a rank part opens the run.
    static func honorificItems(_ range: Range<Int>, _ tokens: [Token], _ lexicons: Lexicons) -> [Range<Int>]? {
        var items: [Range<Int>] = []
        var lastKind = ""
        var i = range.lowerBound
        while i < range.upperBound {
            if tokens[i].isSpace { i += 1; continue }
            guard let found = lexicons["honorifics"].longestMatch(in: tokens, at: i), found.end <= range.upperBound else { return nil }
            let kind = found.entry.fields.first ?? ""
            if ["corps", "service", "retired"].contains(kind) {
                guard let last = items.last, ["rank", "corps", "service", "retired"].contains(lastKind) else { return nil }
                items[items.count - 1] = last.lowerBound..<found.end
            } else {
                items.append(i..<found.end)
            }
            lastKind = kind
            i = found.end
        }
        return items
    }

    /// The separate degrees in a run ("S.H., M.H." -> "S.H.", "M.H."; "SH MH" -> "SH", "MH"). A space does not
    /// split "Sp.JP (K)" nor a degree whose next word is not a capital abbreviation ("AMd Ip", "ASEAN Eng.").
    static func degreeItems(_ range: Range<Int>, _ tokens: [Token]) -> [Range<Int>] {
        var items: [Range<Int>] = []
        var start: Int? = nil
        var end = range.lowerBound
        for i in range where !tokens[i].isSpace {
            let t = tokens[i]
            if t.norm == "," {
                if let s = start { items.append(s..<end) }
                start = nil
                continue
            }
            let spaced = i > range.lowerBound && tokens[i - 1].isSpace
            let continues = t.norm == "(" || t.kind == .word && !t.shape.contains(.allUpper) && !t.text.contains(".")
            if let s = start, spaced, !continues {
                items.append(s..<end)
                start = nil
            }
            if start == nil { start = i }
            end = i + 1
        }
        if let s = start { items.append(s..<end) }
        return items
    }

    static func summary(_ value: PersonValue, _ document: TokenizedText, _ lexicons: Lexicons) -> String {
        let tokens = document.tokens
        var parts = [Casing.joined(tokens[value.name])]
        if let h = value.honorifics, let items = honorificItems(h, tokens, lexicons) {
            parts.append("hon " + items.map { Casing.joined(tokens[$0]) }.joined(separator: ", "))
        }
        if let d = value.degrees {
            parts.append("deg " + degreeItems(d, tokens).map { Casing.joined(tokens[$0]) }.joined(separator: ", "))
        }
        if !value.positions.isEmpty {
            parts.append("pos " + value.positions.map { Casing.joined(tokens[$0]) }.joined(separator: "; "))
        }
        return parts.joined(separator: " | ")
    }
}
