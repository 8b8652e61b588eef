/// A map from 64-bit keys to 32-bit values, for the edges of the phrase tries: open addressing with a multiplicative
/// hash. Matching asks it at every word of every phrase tried, where hashing each key with SipHash (a `Dictionary`)
/// cost more than the walk itself.
struct EdgeTable: Sendable {
    /// Per slot: a key + 1 (0: empty) and its value.
    private var keys: [UInt64] = [0, 0]
    private var values: [Int32] = [0, 0]
    private var count = 0

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask }

    /// The value of `key`, if any.
    @inline(__always)
    func value(_ key: UInt64) -> Int32? {
        let stored = key &+ 1, mask = keys.count - 1
        var slot = EdgeTable.slot(key, mask)
        while keys[slot] != 0 {
            if keys[slot] == stored { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Sets the value of a key that is not in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = EdgeTable.slot(key, mask)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key &+ 1
        values[slot] = value
        count += 1
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: 0, count: keys.count)
        count = 0
        for (stored, value) in old { insert(stored &- 1, value) }
    }
}
