/// The weights of the name tagger, read from `Models/name-model.txt` (written by `scripts/train-names`).
///
/// The file is plain text: a `labels` line, one `transition` line per label (the weights of moving from it to
/// each label), then one line per feature: its written form (see `NameFeatures`) and its non-zero weights as
/// `label:weight` pairs, weights in thousandths. Features are kept only as 64-bit keys in an open-addressing
/// table, so a lookup hashes nothing.
struct NameModel: Sendable {
    /// The labels, in file order ("O", "B-PER", "I-PER", "B-ORG", "I-ORG").
    let labels: [String]
    /// `transitions[from * labels.count + to]`.
    let transitions: [Float]
    /// Open addressing: `keys[slot]` (0 = empty) and the row of its weights in `weights`.
    private let keys: [UInt64]
    private let rows: [Int32]
    private let weights: [Float]
    private let mask: Int
    /// How many features the file holds.
    let featureCount: Int

    /// Parses the model text; `location` names the file in errors.
    init(text: String, location: String) throws(ModelError) {
        var labels: [String] = []
        var transitions: [Float] = []
        var featureKeys: [UInt64] = []
        var weights: [Float] = []
        var failure: ModelError? = nil
        var text = text
        text.withUTF8 { bytes in
            var lineNumber = 0
            var start = 0
            while start < bytes.count, failure == nil {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                defer { start = end + 1 }
                var line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if line.last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
                if line.isEmpty || line[0] == 0x23 { continue }
                func fail(_ message: String) { failure = ModelError(file: location, line: lineNumber, message: message) }
                guard let tab = line.firstIndex(of: 0x09) else { fail("expected a feature, a TAB and its weights"); return }
                let head = UnsafeBufferPointer(rebasing: line[..<tab])
                let rest = UnsafeBufferPointer(rebasing: line[(tab + 1)...])
                let name = String(decoding: head, as: UTF8.self)
                if name == "labels" {
                    labels = String(decoding: rest, as: UTF8.self).split(separator: "\t").map(String.init)
                    continue
                }
                guard !labels.isEmpty else { fail("the labels line must come first"); return }
                var row = [Float](repeating: 0, count: labels.count)
                if name == "transition" {
                    let fields = String(decoding: rest, as: UTF8.self).split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                    guard fields.count == 2, let from = labels.firstIndex(of: String(fields[0])) else {
                        fail("expected: transition, a label, and its weights"); return
                    }
                    guard NameModel.parseWeights(Array(fields[1].utf8), into: &row) else { fail("malformed weights"); return }
                    if transitions.isEmpty { transitions = [Float](repeating: 0, count: labels.count * labels.count) }
                    for to in labels.indices { transitions[from * labels.count + to] = row[to] }
                    continue
                }
                guard NameModel.parseWeights(Array(rest), into: &row) else { fail("malformed weights (label:thousandths ...)"); return }
                featureKeys.append(NameFeatures.key(written: name))
                weights.append(contentsOf: row)
            }
        }
        if let failure { throw failure }
        guard !labels.isEmpty, transitions.count == labels.count * labels.count else {
            throw ModelError(file: location, line: nil, message: "the model needs a labels line and a transition line per label")
        }
        var capacity = 16
        while capacity < featureKeys.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var rows = [Int32](repeating: -1, count: capacity)
        for (row, key) in featureKeys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while keys[slot] != 0, keys[slot] != key { slot = (slot + 1) & (capacity - 1) }
            keys[slot] = key
            rows[slot] = Int32(row)
        }
        self.labels = labels
        self.transitions = transitions
        self.keys = keys
        self.rows = rows
        self.weights = weights
        mask = capacity - 1
        featureCount = featureKeys.count
    }

    /// "2:-1250 4:300" into `row` (label index: weight in thousandths).
    private static func parseWeights(_ bytes: [UInt8], into row: inout [Float]) -> Bool {
        var i = 0
        while i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 { i += 1 }
            if i == bytes.count { break }
            var label = 0, digits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { label = label * 10 + Int(bytes[i] - 0x30); i += 1; digits += 1 }
            guard digits > 0, i < bytes.count, bytes[i] == 0x3A, label < row.count else { return false }
            i += 1
            var negative = false
            if i < bytes.count, bytes[i] == 0x2D { negative = true; i += 1 }
            var value = 0
            digits = 0
            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { value = value * 10 + Int(bytes[i] - 0x30); i += 1; digits += 1 }
            guard digits > 0 else { return false }
            row[label] = Float(negative ? -value : value) / 1000
        }
        return true
    }

    /// Adds the weights of feature `key` to `scores` (nothing when the model does not know it).
    @inline(__always)
    func add(_ key: UInt64, to scores: UnsafeMutablePointer<Float>) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let k = keys[slot]
            if k == key {
                let base = Int(rows[slot]) * labels.count
                for l in 0..<labels.count { scores[l] += weights[base + l] }
                return
            }
            if k == 0 { return }
            slot = (slot + 1) & mask
        }
    }

    /// The weights of feature `key`, or nil (for explanations).
    func weights(of key: UInt64) -> [Float]? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while keys[slot] != 0 {
            if keys[slot] == key {
                let base = Int(rows[slot]) * labels.count
                return Array(weights[base..<(base + labels.count)])
            }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
