import FoundationEssentials
import Warta

/// Decodes the contract's JSON back into a `Document` with Foundation's decoder.
func decodeDocument(_ bytes: [UInt8]) throws -> Document {
    try JSONDecoder().decode(Document.self, from: Data(bytes))
}

extension Document {
    /// The document as its JSON carries it: rule ids are not part of the contract.
    var withoutRules: Document {
        var d = self
        d.dateline?.rule = ""
        d.headline?.rule = ""
        for i in d.dates.indices { d.dates[i].rule = "" }
        for i in d.titles.indices { d.titles[i].rule = "" }
        for i in d.offices.indices { d.offices[i].rule = "" }
        for i in d.decrees.indices { d.decrees[i].rule = "" }
        return d
    }
}
