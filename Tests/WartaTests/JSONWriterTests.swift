import Testing
@testable import Warta

struct JSONWriterTests {
    @Test func emptyDocumentHasEveryKeyInContractOrder() {
        let json = String(decoding: JSONWriter.encode(Document(source: "-")), as: UTF8.self)
        #expect(json == #"{"source":"-","dateline":null,"headline":null,"dates":[],"persons":[],"titles":[],"offices":[],"decrees":[],"organizations":[],"times":[]}"#)
    }

    @Test func escapingAndNulls() {
        var doc = Document(source: "a/b \"c\"\\\n\t\u{01}é")
        doc.offices = [Office(span: Span(text: "Lapas Salemba", start: 0, end: 13), type: "Lembaga Pemasyarakatan",
                              officeClass: nil, location: "Salemba", tpi: false)]
        doc.decrees = [Decree(span: Span(text: "UU 6/2011", start: 20, end: 29), type: "Undang-Undang", issuer: nil,
                              number: "6", year: 2011, subject: nil)]
        let json = String(decoding: JSONWriter.encode(doc), as: UTF8.self)
        #expect(json.hasPrefix(#"{"source":"a/b \"c\"\\\n\t\u0001é","#))
        #expect(json.contains(#""offices":[{"text":"Lapas Salemba","start":0,"end":13,"type":"Lembaga Pemasyarakatan","class":null,"location":"Salemba","tpi":false,"region":null}]"#))
        #expect(json.contains(#""decrees":[{"text":"UU 6/2011","start":20,"end":29,"type":"Undang-Undang","issuer":null,"number":"6","year":2011,"subject":null,"articles":[]}]"#))
    }

    @Test func prettyIndentsTwoSpaces() {
        var doc = Document(source: "-")
        doc.persons = [Person(name: "Nurkholis", degrees: ["S.H."], mentions: [Span(text: "Nurkholis", start: 6, end: 15)])]
        let json = String(decoding: JSONWriter.encode(doc, pretty: true), as: UTF8.self)
        #expect(json == """
            {
              "source": "-",
              "dateline": null,
              "headline": null,
              "dates": [],
              "persons": [
                {
                  "name": "Nurkholis",
                  "honorifics": [],
                  "degrees": [
                    "S.H."
                  ],
                  "positions": [],
                  "mentions": [
                    {
                      "text": "Nurkholis",
                      "start": 6,
                      "end": 15
                    }
                  ]
                }
              ],
              "titles": [],
              "offices": [],
              "decrees": [],
              "organizations": [],
              "times": []
            }
            """)
    }

    @Test func versionTwoItems() {
        var doc = Document(source: "-")
        doc.dateline = Dateline(span: Span(text: "Malang", start: 0, end: 6), place: "Malang", date: nil,
                                region: Region(code: "35.73", name: "Kota Malang", level: "kabupaten-kota", province: "Jawa Timur"))
        doc.decrees = [Decree(span: Span(text: "UU 35/2009", start: 8, end: 18), type: "Undang-Undang", issuer: nil, number: "35",
                              year: 2009, subject: nil, articles: [Article(article: "114", paragraph: "1"), Article(article: "76D", letter: "b")])]
        doc.organizations = [Organization(span: Span(text: "Ditjenim", start: 20, end: 28), name: "Direktorat Jenderal Imigrasi",
                                          short: "Ditjenim", kind: .agency, parent: nil)]
        doc.times = [TimeMention(span: Span(text: "pukul 08.30 WIB", start: 30, end: 45), value: "08:30", zone: "WIB", date: nil)]
        let json = String(decoding: JSONWriter.encode(doc), as: UTF8.self)
        #expect(json == #"{"source":"-","dateline":{"text":"Malang","start":0,"end":6,"place":"Malang","date":null,"region":{"code":"35.73","name":"Kota Malang","level":"kabupaten-kota","province":"Jawa Timur"}},"headline":null,"dates":[],"persons":[],"titles":[],"offices":[],"decrees":[{"text":"UU 35/2009","start":8,"end":18,"type":"Undang-Undang","issuer":null,"number":"35","year":2009,"subject":null,"articles":[{"article":"114","paragraph":"1","letter":null},{"article":"76D","paragraph":null,"letter":"b"}]}],"organizations":[{"text":"Ditjenim","start":20,"end":28,"name":"Direktorat Jenderal Imigrasi","short":"Ditjenim","kind":"agency","parent":null}],"times":[{"text":"pukul 08.30 WIB","start":30,"end":45,"value":"08:30","zone":"WIB","date":null}]}"#)
    }

    @Test func sameInputSameBytes() {
        let text = readText(repositoryRoot + "/Corpus/seed-000.txt") ?? "Medan, 19 September 2024 – Rapat."
        #expect(JSONWriter.encode(warta.extract(text)) == JSONWriter.encode(warta.extract(text)))
    }
}
