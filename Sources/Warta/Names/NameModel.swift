/// The weights of the name tagger, read from `Models/name-model.txt` (written by `scripts/train-names`).
///
/// The file is plain text: a `labels` line, one `transition` line per label (the weights of moving from it to
/// each label), then one line per feature: its written form (see `NameFeatures`) and its non-zero weights as
/// `label:weight` pairs, weights in thousandths. Features are kept only as 64-bit keys in an open-addressing
/// table, so a lookup hashes nothing.
final class NameModel: Sendable {
    /// The labels, in file order ("O", "B-PER", "I-PER", "B-ORG", "I-ORG").
    let labels: [String]
    /// `transitions[from * labels.count + to]`.
    let transitions: [Float]
    /// Open addressing over slots of `stride` floats: a slot's first two floats hold its key's bits (0 = empty),
    /// the rest its weights, so that a lookup reads one cache line.
    private let slots: [Float]
    private let stride: Int
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
                // A feature's line starts with its prefix ("w=", "p3[-1]="), never with these words.
                let isLabels = head.count == 6 && head.elementsEqual("labels".utf8)
                let isTransition = head.count == 10 && head.elementsEqual("transition".utf8)
                if isLabels {
                    labels = String(decoding: rest, as: UTF8.self).split(separator: "\t").map(String.init)
                    continue
                }
                guard !labels.isEmpty else { fail("the labels line must come first"); return }
                if isTransition {
                    var row = [Float](repeating: 0, count: labels.count)
                    let fields = String(decoding: rest, as: UTF8.self).split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                    guard fields.count == 2, let from = labels.firstIndex(of: String(fields[0])) else {
                        fail("expected: transition, a label, and its weights"); return
                    }
                    guard Array(fields[1].utf8).withUnsafeBufferPointer({ b in row.withUnsafeMutableBufferPointer { NameModel.parseWeights(b, into: $0) } }) else {
                        fail("malformed weights"); return
                    }
                    if transitions.isEmpty { transitions = [Float](repeating: 0, count: labels.count * labels.count) }
                    for to in labels.indices { transitions[from * labels.count + to] = row[to] }
                    continue
                }
                // The feature's weights go straight into `weights` (no row array per line).
                let n = labels.count
                if weights.isEmpty { weights.reserveCapacity(bytes.count / 40 * n) }
                weights.append(contentsOf: repeatElement(0, count: n))
                let parsed = weights.withUnsafeMutableBufferPointer {
                    NameModel.parseWeights(rest, into: UnsafeMutableBufferPointer(rebasing: $0[($0.count - n)...]))
                }
                guard parsed else { fail("malformed weights (label:thousandths ...)"); return }
                featureKeys.append(NameFeatures.key(written: head))
            }
        }
        if let failure { throw failure }
        guard !labels.isEmpty, transitions.count == labels.count * labels.count else {
            throw ModelError(file: location, line: nil, message: "the model needs a labels line and a transition line per label")
        }
        var capacity = 16
        while capacity < featureKeys.count * 2 { capacity <<= 1 }
        let n = labels.count
        let stride = 2 + n
        var slots = [Float](repeating: 0, count: capacity * stride)
        for (row, key) in featureKeys.enumerated() {
            var slot = Int(truncatingIfNeeded: key) & (capacity - 1)
            while NameModel.key(slots, slot * stride) != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot * stride] = Float(bitPattern: UInt32(truncatingIfNeeded: key))
            slots[slot * stride + 1] = Float(bitPattern: UInt32(truncatingIfNeeded: key >> 32))
            for l in 0..<n { slots[slot * stride + 2 + l] = weights[row * n + l] }
        }
        self.labels = labels
        self.transitions = transitions
        self.slots = slots
        self.stride = stride
        mask = capacity - 1
        featureCount = featureKeys.count
    }

    /// "2:-1250 4:300" into `row` (label index: weight in thousandths).
    private static func parseWeights(_ bytes: UnsafeBufferPointer<UInt8>, into row: UnsafeMutableBufferPointer<Float>) -> Bool {
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

    @inline(__always)
    private static func key(_ slots: UnsafeBufferPointer<Float>, _ base: Int) -> UInt64 {
        UInt64(slots[base].bitPattern) | UInt64(slots[base + 1].bitPattern) << 32
    }

    private static func key(_ slots: [Float], _ base: Int) -> UInt64 {
        slots.withUnsafeBufferPointer { key($0, base) }
    }

    /// Adds the weights of feature `key` to `scores` (nothing when the model does not know it).
    @inline(__always)
    func add(_ key: UInt64, to scores: UnsafeMutablePointer<Float>, in slots: UnsafeBufferPointer<Float>) {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let base = slot * stride
            let k = NameModel.key(slots, base)
            if k == key {
                for l in 0..<(stride - 2) { scores[l] += slots[base + 2 + l] }
                return
            }
            if k == 0 { return }
            slot = (slot + 1) & mask
        }
    }

    /// Runs `body` with the table borrowed in place (for `add`).
    func withSlots<R>(_ body: (UnsafeBufferPointer<Float>) -> R) -> R { slots.withUnsafeBufferPointer(body) }

    /// The weights of feature `key`, or nil (for explanations).
    func weights(of key: UInt64) -> [Float]? {
        slots.withUnsafeBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: key) & mask
            while NameModel.key(slots, slot * stride) != 0 {
                if NameModel.key(slots, slot * stride) == key { return Array(slots[(slot * stride + 2)..<(slot * stride + stride)]) }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }
}
