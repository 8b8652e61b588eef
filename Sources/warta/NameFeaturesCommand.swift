import ArgumentParser
import Warta

/// For `scripts/train-names`: the name tagger's features for each line of stdin, as JSON Lines. Hidden from help.
struct NameFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "name-features",
        abstract: "Print the name tagger's features for each line of stdin (one sentence a line), for training.",
        shouldDisplay: false)

    @Option(help: ArgumentHelp("Use the lexicons in DIR.", valueName: "DIR"))
    var models: String?

    func run() throws {
        let extractor = try CommandSupport.extractor(models: models)
        var reader = LineReader(fd: 0)
        while let line = reader.next() {
            guard case .text(let bytes) = line else { continue }
            var w = JSONWriter()
            w.open("[")
            for segment in extractor.nameFeatures(String(decoding: bytes, as: UTF8.self)) {
                w.item(); w.open("[")
                for token in segment {
                    w.item(); w.open("[")
                    w.item(); w.int(token.start)
                    w.item(); w.int(token.end)
                    w.item(); w.strings(token.features)
                    w.close("]")
                }
                w.close("]")
            }
            w.close("]")
            Console.out(w.bytes + [0x0A])
        }
        Console.flush()
    }
}
