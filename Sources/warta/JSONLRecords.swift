#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

/// Reads `--jsonl` input: one `{"id": "...", "text": "..."}` record a line, streamed from a file
/// descriptor in constant memory (one line at a time).
struct LineReader {
    private let fd: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var scanned = 0
    private var eof = false
    /// Set while skipping the rest of a line that went over the limit.
    private var discarding = false
    private(set) var lineNumber = 0

    /// A line, or the fact that a line was longer than the limit (its bytes are dropped, not kept).
    enum Line { case text([UInt8]), tooLong }

    init(fd: Int32, limit: Int = .max) {
        self.fd = fd
        self.limit = limit
    }

    /// The next line without its "\n" (and "\r"), or nil at the end. Memory stays within the limit
    /// however long a line is.
    mutating func next() -> Line? {
        while true {
            if let nl = buffer[(start + scanned)...].firstIndex(of: 0x0A) {
                var line = Array(buffer[start..<nl])
                if line.last == 0x0D { line.removeLast() }
                start = nl + 1
                scanned = 0
                lineNumber += 1
                if discarding || line.count > limit { discarding = false; return .tooLong }
                return .text(line)
            }
            scanned = buffer.count - start
            if eof {
                guard start < buffer.count || discarding else { return nil }
                let line = Array(buffer[start...])
                start = buffer.count
                scanned = 0
                lineNumber += 1
                if discarding || line.count > limit { discarding = false; return .tooLong }
                return .text(line)
            }
            if buffer.count - start > limit {
                // Keep counting the line but stop holding it.
                discarding = true
                start = buffer.count
                scanned = 0
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { eof = true } else { buffer.append(contentsOf: chunk[0..<n]) }
        }
    }
}

/// One `--jsonl` record.
struct Record: Decodable, Sendable {
    let id: String?
    let text: String

    enum CodingKeys: String, CodingKey { case id, text }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        text = try c.decode(String.self, forKey: .text)
        if let s = try? c.decodeIfPresent(String.self, forKey: .id) {
            id = s
        } else if let n = try? c.decodeIfPresent(Int.self, forKey: .id) {
            id = String(n)
        } else if c.contains(.id), try !c.decodeNil(forKey: .id) {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: [CodingKeys.id], debugDescription: "\"id\" must be a string or an integer"))
        } else {
            id = nil
        }
    }

    /// Parses one line, or says in a few words what is wrong with it.
    static func parse(_ line: [UInt8]) -> Result<Record, ReadFailure> {
        do {
            return .success(try JSONDecoder().decode(Record.self, from: Data(line)))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(ReadFailure("record has no \"\(key.stringValue)\""))
        } catch DecodingError.typeMismatch(_, let context) {
            let key = context.codingPath.last?.stringValue ?? "record"
            return .failure(ReadFailure(key == "text" ? "\"text\" must be a string" : key == "id" ? context.debugDescription : "a record must be a JSON object"))
        } catch DecodingError.valueNotFound(_, let context) {
            return .failure(ReadFailure("\"\(context.codingPath.last?.stringValue ?? "text")\" is null"))
        } catch {
            return .failure(ReadFailure("not valid JSON"))
        }
    }
}
