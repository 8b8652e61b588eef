import Warta

enum Version {
    static var text: String {
        "warta \(Extractor.version) (models \(Models.builtIn.version), ICU \(Extractor.icuVersion))"
    }

    /// The `--meta` header line: versions of Warta, its lexicons and ICU, for provenance.
    static func metaLine(models: Models) -> [UInt8] {
        var w = JSONWriter()
        w.open("{")
        w.key("warta"); w.open("{")
        w.key("version"); w.string(Extractor.version)
        w.key("models"); w.string(models.version)
        w.key("models_origin"); w.string(models.origin)
        w.key("icu"); w.string(Extractor.icuVersion)
        w.key("contract"); w.int(Extractor.contractVersion)
        w.close("}")
        w.close("}")
        return w.bytes + [0x0A]
    }
}
