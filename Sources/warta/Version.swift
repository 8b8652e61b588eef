import Warta

enum Version {
    static let warta = "0.1.0"
    static var text: String {
        "warta \(warta) (models \(Models.builtIn.version), ICU \(Extractor.icuVersion))"
    }
}
