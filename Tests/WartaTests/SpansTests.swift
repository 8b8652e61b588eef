import Testing
@testable import Warta

/// `SpanIndex` and `Marks` answer "does a range overlap one of these?" (and `SpanIndex` "does one of these hold it?")
/// as a walk over every range does.
struct SpansTests {
    private struct Random {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func range(below limit: Int) -> Range<Int> {
            let start = next(limit)
            // Some empty, some longer than a word of bits.
            return start..<min(limit, start + [0, 1, 2, 5, 70][next(5)])
        }
    }

    @Test func aSpanIndexAnswersAsAWalkOverItsRanges() {
        var random = Random(state: 7)
        for _ in 0..<200 {
            let ranges = (0..<random.next(12)).map { _ in random.range(below: 300) }
            let index = SpanIndex(ranges)
            for _ in 0..<50 {
                let asked = random.range(below: 300)
                #expect(index.overlaps(asked) == ranges.contains { $0.overlaps(asked) }, "\(asked) against \(ranges)")
                #expect(index.contains(asked) == ranges.contains { !$0.isEmpty && $0.lowerBound <= asked.lowerBound && asked.upperBound <= $0.upperBound },
                        "\(asked) held by one of \(ranges)")
            }
        }
        #expect(SpanIndex([3..<5]).overlaps(4..<9) && !SpanIndex([3..<5]).overlaps(5..<9) && !SpanIndex([3..<5]).overlaps(4..<4))
    }

    @Test func marksAnswerAsAWalkOverTheRangesInserted() {
        var random = Random(state: 11)
        for _ in 0..<200 {
            var marks = Marks(count: 300)
            var inserted: [Range<Int>] = []
            for _ in 0..<30 {
                let asked = random.range(below: 300)
                #expect(marks.overlaps(asked) == inserted.contains { $0.overlaps(asked) }, "\(asked) against \(inserted)")
                if random.next(3) == 0 {
                    marks.insert(asked)
                    inserted.append(asked)
                }
            }
        }
    }
}
