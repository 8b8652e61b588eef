#if canImport(Glibc)
import Glibc
#endif

/// Turning input bytes into the text Warta reads. Offsets in the output count Unicode scalars of the text
/// returned here, so a leading BOM is dropped first (as the contract says) and nothing else is changed.
public enum Decoding {
    /// Why some bytes could not be read as a document.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The bytes are not UTF-8; `byteOffset` is the first byte that breaks it.
        case invalidUTF8(byteOffset: Int)
        /// A NUL byte: the input is binary, not text.
        case binary(byteOffset: Int)

        /// The reason, with what to do about it.
        public var description: String {
            switch self {
            case .invalidUTF8(let offset):
                return "not valid UTF-8 at byte \(offset) (convert it to UTF-8, or pass --lossy to replace bad bytes)"
            case .binary(let offset):
                return "binary file (NUL byte at offset \(offset)), not text"
            }
        }
    }

    /// Decodes UTF-8 bytes, dropping a leading BOM. With `lossy`, invalid sequences become U+FFFD
    /// (and offsets count the replacement characters); otherwise they are an error naming the byte offset.
    public static func text<Bytes: Collection>(fromUTF8 bytes: Bytes, lossy: Bool = false) throws(Failure) -> String
    where Bytes.Element == UInt8 {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let bomLength = bytes.count - body.count
        if let nul = firstNUL(body) { throw .binary(byteOffset: bomLength + nul) }
        if let text = String(validating: body, as: UTF8.self) { return text }
        if lossy { return String(decoding: body, as: UTF8.self) }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var offset = bomLength
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: throw .invalidUTF8(byteOffset: offset)
            case .emptyInput: throw .invalidUTF8(byteOffset: offset)
            }
        }
    }

    /// The offset of the first NUL byte. memchr is many times faster than a generic search, and this
    /// looks at every input byte.
    private static func firstNUL<Bytes: Collection>(_ bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        let found: Int?? = bytes.withContiguousStorageIfAvailable { raw -> Int? in
            guard let base = raw.baseAddress, let hit = memchr(base, 0, raw.count) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        if let found { return found }
        return bytes.firstIndex(of: 0).map { bytes.distance(from: bytes.startIndex, to: $0) }
    }

    /// Drops a leading BOM from text that is already decoded (stdin JSON records, library callers).
    public static func droppingBOM(_ text: String) -> String {
        text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
    }
}
