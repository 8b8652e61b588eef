import CICU

/// The only file that calls ICU. Everything else sees Swift types. (Foundation must not be imported here:
/// its private ICU copy declares the same C type names.)
enum ICU {
    struct Failure: Error, CustomStringConvertible {
        let call: String
        let code: UErrorCode
        var description: String { "ICU \(call) failed: \(String(cString: warta_u_errorName(code)))" }
    }

    static func check(_ status: UErrorCode, _ call: String) throws {
        // Warnings (negative codes such as U_USING_DEFAULT_WARNING for locale "id") are fine.
        if status.rawValue > U_ZERO_ERROR.rawValue { throw Failure(call: call, code: status) }
    }

    /// ICU's version, for `warta --version`.
    static var version: String {
        var info: UVersionInfo = (0, 0, 0, 0)
        warta_u_getVersion(&info)
        return "\(info.0).\(info.1)"
    }
}

/// One ICU break iterator, opened once and reused for every document through `setText`.
/// Not thread-safe: each worker owns its own (see `Extractor`).
final class BreakIterator {
    enum Kind { case word, sentence }
    private let handle: OpaquePointer

    /// ICU's rule status ranges for word boundaries (`UBRK_WORD_NUMBER` and friends).
    enum WordStatus {
        static let number: Range<Int32> = 100..<200
        static let letter: Range<Int32> = 200..<500
    }

    /// Whether a segment's rule status says it is a number or a word (not spaces or punctuation).
    @inline(__always)
    static func isWord(_ status: Int32) -> Bool { status >= WordStatus.number.lowerBound
    }

    init(_ kind: Kind) throws {
        var status = U_ZERO_ERROR
        let type = kind == .word ? UBRK_WORD : UBRK_SENTENCE
        guard let opened = warta_ubrk_open(type, "id", &status) else {
            throw ICU.Failure(call: "ubrk_open", code: status)
        }
        try ICU.check(status, "ubrk_open")
        handle = opened
    }

    deinit { warta_ubrk_close(handle) }

    /// Points the iterator at `text`, which must stay alive and unchanged while the iterator is used.
    func setText(_ text: UnsafeBufferPointer<UInt16>) throws {
        var status = U_ZERO_ERROR
        warta_ubrk_setText(handle, text.baseAddress, Int32(text.count), &status)
        try ICU.check(status, "ubrk_setText")
    }

    /// The first boundary (0) after `setText`.
    func first() -> Int { Int(warta_ubrk_first(handle)) }

    /// The next boundary, or nil at the end of the text.
    @inline(__always)
    func next() -> Int? {
        let end = warta_ubrk_next(handle)
        return end == warta_ubrk_done() ? nil : Int(end)
    }

    /// The rule status of the segment that ends at the current boundary.
    @inline(__always)
    var ruleStatus: Int32 { warta_ubrk_getRuleStatus(handle) }

}

/// NFC through ICU, for the normalized view of a token. Never applied to the input itself.
enum NFC {
    nonisolated(unsafe) private static let normalizer: OpaquePointer? = {
        var status = U_ZERO_ERROR
        let n = warta_nfc(&status)
        return status.rawValue > U_ZERO_ERROR.rawValue ? nil : n
    }()

    /// `text` in NFC; nil when it already is.
    static func normalized(_ text: String) -> String? {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return nil }
        return Array(text.utf16).withUnsafeBufferPointer { normalized($0) }
    }

    /// `units` in NFC; returns nil when they already are (the common case, with no allocation).
    static func normalized(_ units: UnsafeBufferPointer<UInt16>) -> String? {
        guard let normalizer else { return nil }
        var status = U_ZERO_ERROR
        if warta_unorm2_isNormalized(normalizer, units.baseAddress, Int32(units.count), &status) != 0
            || status.rawValue > U_ZERO_ERROR.rawValue
        {
            return nil
        }
        let capacity = units.count * 3 + 8
        return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: capacity) { out -> String? in
            var status = U_ZERO_ERROR
            let n = warta_unorm2_normalize(normalizer, units.baseAddress, Int32(units.count),
                                           out.baseAddress, Int32(capacity), &status)
            guard status.rawValue <= U_ZERO_ERROR.rawValue else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<Int(n)]), as: UTF16.self)
        }
    }
}

/// UTF-8 to UTF-16 for the break iterators, through ICU's converter (much faster than iterating
/// `String.utf16`, which builds breadcrumbs for random access we do not need). Reuses `units`' storage.
enum UTF16Buffer {
    /// Fills `units` and returns how many units the text has.
    static func fill(_ units: inout [UInt16], from utf8: UnsafeBufferPointer<UInt8>) -> Int {
        guard let source = utf8.baseAddress, utf8.count > 0 else { return 0 }
        // UTF-16 never needs more units than UTF-8 has bytes.
        if units.count < utf8.count + 1 { units = [UInt16](repeating: 0, count: utf8.count + 1) }
        var length: Int32 = 0
        var status = U_ZERO_ERROR
        units.withUnsafeMutableBufferPointer { buffer in
            source.withMemoryRebound(to: CChar.self, capacity: utf8.count) { chars in
                _ = warta_u_strFromUTF8(buffer.baseAddress, Int32(buffer.count), &length, chars, Int32(utf8.count), &status)
            }
        }
        return status.rawValue > U_ZERO_ERROR.rawValue ? 0 : Int(length)
    }
}
