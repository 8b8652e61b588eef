extension RandomAccessCollection {
    /// The index of the first element for which `isAfter` holds, in a collection where it holds of a suffix (a
    /// binary search; `endIndex` when it holds of none). Every sorted lookup in Warta goes through it.
    @inlinable
    func partitioningIndex(where isAfter: (Element) throws -> Bool) rethrows -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2, mid = index(low, offsetBy: half)
            if try isAfter(self[mid]) {
                count = half
            } else {
                low = index(after: mid)
                count -= half + 1
            }
        }
        return low
    }
}

/// A fixed set of ranges, asked whether any of them overlaps a range. Sorted by start, with the furthest end
/// reached so far at each, so that a question costs a binary search instead of a walk over every range: an
/// extractor asks it once per candidate, and a document dense with items must not make that quadratic.
struct SpanIndex {
    private let lowers: [Int]
    /// `reach[k]`: the largest end among the first `k + 1` ranges by start.
    private let reach: [Int]

    init<Ranges: Sequence<Range<Int>>>(_ ranges: Ranges) {
        // An empty range overlaps nothing (`Range.overlaps`).
        let sorted = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        lowers = sorted.map(\.lowerBound)
        var reach: [Int] = []
        reach.reserveCapacity(sorted.count)
        for range in sorted { reach.append(max(reach.last ?? Int.min, range.upperBound)) }
        self.reach = reach
    }

    /// Whether some range of the set shares an element with `range` (what `Range.overlaps` tells of two).
    func overlaps(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return false }
        // The ranges that start before `range` ends are a prefix; one of them overlaps if it ends after `range` starts.
        let low = lowers.partitioningIndex { $0 >= range.upperBound }
        return low > 0 && reach[low - 1] > range.lowerBound
    }

    /// Whether some range of the set holds all of `range`: one that starts at or before it reaches its end.
    func contains(_ range: Range<Int>) -> Bool {
        let low = lowers.partitioningIndex { $0 > range.lowerBound }
        return low > 0 && reach[low - 1] >= range.upperBound
    }
}

/// Ranges of positions (tokens, or scalar offsets) taken so far, asked whether any of them overlaps a range: one
/// bit per position, so that taking a range and asking about one cost their lengths, not the number of ranges
/// taken.
struct Marks {
    private var bits: [UInt64]

    /// Nothing marked, for positions `0..<count`.
    init(count: Int) { bits = [UInt64](repeating: 0, count: (count + 63) / 64) }

    mutating func insert(_ range: Range<Int>) {
        var i = range.lowerBound
        while i < range.upperBound {
            if i & 63 == 0, range.upperBound - i >= 64 {
                bits[i >> 6] = ~0
                i += 64
            } else {
                bits[i >> 6] |= 1 << UInt64(i & 63)
                i += 1
            }
        }
    }

    /// Whether a range inserted before shares a position with `range` (what `Range.overlaps` tells of two).
    func overlaps(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound
        while i < range.upperBound {
            if i & 63 == 0, range.upperBound - i >= 64 {
                if bits[i >> 6] != 0 { return true }
                i += 64
            } else {
                if bits[i >> 6] & (1 << UInt64(i & 63)) != 0 { return true }
                i += 1
            }
        }
        return false
    }
}
