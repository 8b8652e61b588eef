// The cost of each stage of Warta on the same documents: read, decode (UTF-8 and BOM), tokenize (ICU word
// and sentence break), each extractor, and the JSON writer. Documents come from WARTA_BENCH_TEXTS (a
// folder of .txt; scripts/bench points it at its generated corpus) or ../shared/dev/texts.
import Benchmark
import Foundation
import Warta

let folder = ProcessInfo.processInfo.environment["WARTA_BENCH_TEXTS"]
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../../shared/dev/texts").path
let paths: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder))?
    .filter { $0.hasSuffix(".txt") }.sorted().prefix(400).map { folder + "/" + $0 } ?? []
let files: [[UInt8]] = paths.compactMap { FileManager.default.contents(atPath: $0).map { Array($0) } }
let bytes = files.reduce(0) { $0 + $1.count }
let texts: [String] = files.map { (try? Decoding.text(fromUTF8: $0)) ?? "" }
let extractor = try! Extractor()

/// Analyses after every stage before `stage`, so a stage's benchmark measures that stage alone.
func prepared(through stage: Int) -> [Analysis] {
    texts.map { text in
        var analysis = extractor.prepare(text)
        for s in 0..<stage { extractor.run(stage: s, on: &analysis) }
        return analysis
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .instructions],
        scalingFactor: .one,
        maxDuration: .seconds(3),
        maxIterations: 30
    )
    let note = "\(files.count) documents, \(bytes) bytes"

    Benchmark("read (\(note))") { benchmark in
        for path in paths { blackHole(FileManager.default.contents(atPath: path)) }
    }
    Benchmark("decode") { benchmark in
        for file in files { blackHole(try? Decoding.text(fromUTF8: file)) }
    }
    Benchmark("tokenize") { benchmark in
        for text in texts { blackHole(extractor.tokenize(text)) }
    }
    for (stage, name) in extractor.stageNames.enumerated() {
        Benchmark("stage \(stage + 1): \(name)") { benchmark in
            var inputs = prepared(through: stage)
            benchmark.startMeasurement()
            for i in inputs.indices { extractor.run(stage: stage, on: &inputs[i]) }
            benchmark.stopMeasurement()
            blackHole(inputs)
        }
    }
    let documents = texts.map { extractor.extract($0) }
    Benchmark("json write") { benchmark in
        for document in documents { blackHole(JSONWriter.encode(document)) }
    }
}
