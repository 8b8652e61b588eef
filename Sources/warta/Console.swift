#if canImport(Glibc)
import Glibc
#endif

/// Buffered writes to stdout and stderr through the system calls, so output bytes are exactly ours and
/// a closed pipe ends the process quietly.
enum Console {
    nonisolated(unsafe) private static var buffer: [UInt8] = {
        var b: [UInt8] = []
        b.reserveCapacity(1 << 16)
        return b
    }()

    static func out(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    static func flush() {
        writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    static func error(_ text: String) {
        writeAll(2, Array(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) != 0 }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    // The reader went away (`warta extract big/ | head -1`): stop quietly, as `cat` would.
                    if errno == EPIPE { _exit(141) }
                    return
                }
                offset += n
            }
        }
    }
}
