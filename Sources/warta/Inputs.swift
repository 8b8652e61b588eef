#if canImport(Glibc)
import Glibc
#endif

/// One input file of a batch.
struct InputFile: Sendable {
    /// The path as given or found ("Corpus/a.txt"); it is the document's `source`.
    let path: String
    /// Where its output goes under `--output DIR`: the path below the folder given, or the file name.
    let relative: String
    /// Named on the command line rather than found in a folder: such an input must give output or fail.
    var named = false
    /// Its size when it was listed, for the progress line.
    var size = 0
}

/// Expands the paths given on the command line into files, in path order. Folders are searched
/// recursively for `*.txt`; a path that cannot be used is reported, never silently dropped.
struct InputWalker {
    private(set) var files: [InputFile] = []
    private(set) var problems: [(path: String, reason: String)] = []
    /// Folders given on the command line in which no input file was found.
    private(set) var emptyDirectories: [String] = []
    private var visited: Set<[UInt64]> = []
    private let suffix: String

    /// Files named on the command line, and the `suffix` files found in folders.
    init(paths: [String], suffix: String = ".txt") {
        self.suffix = suffix
        for path in paths {
            var st = stat()
            guard stat(path, &st) == 0 else {
                problems.append((path, Errno.describe(errno)))
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let (before, problemsBefore) = (files.count, problems.count)
                walk(path, relativeTo: path.hasSuffix("/") ? path : path + "/")
                // A folder whose walk already named a problem is not reported twice.
                if files.count == before, problems.count == problemsBefore { emptyDirectories.append(path) }
            } else {
                files.append(InputFile(path: path, relative: InputWalker.basename(path), named: true, size: Int(st.st_size)))
            }
        }
        // The contract orders batch output by the path string's bytes.
        files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }

    private mutating func walk(_ directory: String, relativeTo root: String) {
        var st = stat()
        guard stat(directory, &st) == 0 else { problems.append((directory, Errno.describe(errno))); return }
        // A symlink loop would bring us back to a directory already seen.
        guard visited.insert([UInt64(st.st_dev), UInt64(st.st_ino)]).inserted else {
            problems.append((directory, "skipped: symbolic link loop"))
            return
        }
        guard let dir = opendir(directory) else { problems.append((directory, Errno.describe(errno))); return }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            let path = base + name
            var child = stat()
            guard stat(path, &child) == 0 else {
                // A dangling link or a file gone while listing: say so if it looked like an input.
                if name.hasSuffix(suffix) { problems.append((path, Errno.describe(errno))) }
                continue
            }
            if (child.st_mode & S_IFMT) == S_IFDIR {
                walk(path, relativeTo: root)
            } else if name.hasSuffix(suffix), (child.st_mode & S_IFMT) == S_IFREG {
                files.append(InputFile(path: path, relative: String(path.dropFirst(root.count)), size: Int(child.st_size)))
            }
        }
    }

    init(directory: String, suffix: String) { self.init(paths: [directory], suffix: suffix) }

    static func basename(_ path: String) -> String {
        String(path.split(separator: "/", omittingEmptySubsequences: true).last ?? Substring(path))
    }
}

enum Errno {
    static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or directory"
        case EACCES: return "permission denied"
        case ELOOP: return "too many levels of symbolic links"
        case EISDIR: return "is a directory"
        case ENOTDIR: return "not a directory"
        default: return String(cString: strerror(code))
        }
    }
}

/// Reads a whole file or stdin as bytes.
enum FileReader {
    static func read(path: String, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadFailure(Errno.describe(errno))) }
        defer { close(fd) }
        return readAll(fd, limit: limit)
    }

    /// Reads to the end, failing (without reading on) once more than `limit` bytes arrive. A file of known
    /// size is read straight into an array of that size; pipes are read in chunks.
    static func readAll(_ fd: Int32, limit: Int = .max) -> Result<[UInt8], ReadFailure> {
        var st = stat()
        var size = 0
        if fstat(fd, &st) == 0 {
            if (st.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure("is a directory")) }
            if st.st_size > limit { return .failure(tooLarge(Int(st.st_size), limit: limit)) }
            size = Int(st.st_size)
        }
        var failure: ReadFailure? = nil
        // One byte more than the size says, to notice a file that grew.
        let first = max(size + 1, 1 << 16)
        var bytes = [UInt8](unsafeUninitializedCapacity: first) { buffer, count in
            count = 0
            while count < buffer.count {
                let n = Glibc.read(fd, buffer.baseAddress! + count, buffer.count - count)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = ReadFailure(Errno.describe(errno)) }
                if n <= 0 { break }
                count += n
            }
        }
        if let failure { return .failure(failure) }
        guard bytes.count == first else {
            return bytes.count > limit ? .failure(tooLarge(nil, limit: limit)) : .success(bytes)
        }
        // A pipe or a growing file: read on in chunks.
        let chunkSize = 1 << 16
        while true {
            if bytes.count > limit { return .failure(tooLarge(nil, limit: limit)) }
            let old = bytes.count
            bytes.reserveCapacity(old + chunkSize)
            var got = 0
            bytes.append(contentsOf: repeatElement(0, count: chunkSize))
            bytes.withUnsafeMutableBufferPointer { buffer in
                while true {
                    let n = Glibc.read(fd, buffer.baseAddress! + old, chunkSize)
                    if n < 0, errno == EINTR { continue }
                    if n < 0 { failure = ReadFailure(Errno.describe(errno)) }
                    got = max(n, 0)
                    break
                }
            }
            bytes.removeLast(chunkSize - got)
            if let failure { return .failure(failure) }
            if got == 0 { break }
        }
        return bytes.count > limit ? .failure(tooLarge(nil, limit: limit)) : .success(bytes)
    }

    static func tooLarge(_ size: Int?, limit: Int) -> ReadFailure {
        let what = size.map { "is \(ByteSize.describe($0))" } ?? "is larger than the limit"
        return ReadFailure("document \(what), over the --max-size limit of \(ByteSize.describe(limit)) (raise it, e.g. --max-size \(max(limit, size ?? 0) / (1 << 20) + 1)M)")
    }
}

/// Byte sizes as users write them: "64M", "1G", "500K", "1000".
enum ByteSize {
    static func parse(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
        var digits = text.uppercased()
        if digits.hasSuffix("B") { digits.removeLast() }
        var factor = 1
        if let last = digits.last, let f = units[last] { factor = f; digits.removeLast() }
        guard let n = Int(digits), n > 0, n <= Int.max / factor else { return nil }
        return n * factor
    }

    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 30, bytes % (1 << 30) == 0 { return "\(bytes >> 30)G" }
        if bytes >= 1 << 20 { return bytes % (1 << 20) == 0 ? "\(bytes >> 20)M" : "\(bytes * 10 / (1 << 20) / 10).\(bytes * 10 / (1 << 20) % 10)M" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10)K" }
        return "\(bytes) bytes"
    }
}

struct ReadFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
