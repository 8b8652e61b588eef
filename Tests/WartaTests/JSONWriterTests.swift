import Testing
@testable import Warta

struct JSONWriterTests {
    @Test func emptyDocumentHasEveryKeyInContractOrder() {
        let json = String(decoding: JSONWriter.encode(Document(source: "-")), as: UTF8.self)
        #expect(json == #"{"source":"-","dateline":null,"headline":null,"dates":[],"persons":[],"titles":[],"offices":[],"decrees":[]}"#)
    }

    @Test func escapingAndNulls() {
        var doc = Document(source: "a/b \"c\"\\\n\t\u{01}é")
        doc.offices = [Office(span: Span(text: "Lapas Salemba", start: 0, end: 13), type: "Lembaga Pemasyarakatan",
                              officeClass: nil, location: "Salemba", tpi: false)]
        doc.decrees = [Decree(span: Span(text: "UU 6/2011", start: 20, end: 29), type: "Undang-Undang", issuer: nil,
                              number: "6", year: 2011, subject: nil)]
        let json = String(decoding: JSONWriter.encode(doc), as: UTF8.self)
        #expect(json.hasPrefix(#"{"source":"a/b \"c\"\\\n\t\u0001é","#))
        #expect(json.contains(#""offices":[{"text":"Lapas Salemba","start":0,"end":13,"type":"Lembaga Pemasyarakatan","class":null,"location":"Salemba","tpi":false}]"#))
        #expect(json.contains(#""decrees":[{"text":"UU 6/2011","start":20,"end":29,"type":"Undang-Undang","issuer":null,"number":"6","year":2011,"subject":null}]"#))
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
              "decrees": []
            }
            """)
    }

    @Test func sameInputSameBytes() {
        let text = readText(repositoryRoot + "/Corpus/seed-000.txt") ?? "Medan, 19 September 2024 – Rapat."
        #expect(JSONWriter.encode(warta.extract(text)) == JSONWriter.encode(warta.extract(text)))
    }
}
