#if canImport(Glibc)
import Glibc
#endif

/// One input file of a batch.
struct InputFile: Sendable {
    /// The path as given or found ("Corpus/a.txt"); it is the document's `source`.
    let path: String
    /// Where its output goes under `--output DIR`: the path below the folder given, or the file name.
    let relative: String
}

/// Expands the paths given on the command line into files, in path order. Folders are searched
/// recursively for `*.txt`; a path that cannot be used is reported, never silently dropped.
struct InputWalker {
    private(set) var files: [InputFile] = []
    private(set) var problems: [(path: String, reason: String)] = []
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
                walk(path, relativeTo: path.hasSuffix("/") ? path : path + "/")
            } else {
                files.append(InputFile(path: path, relative: InputWalker.basename(path)))
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
                files.append(InputFile(path: path, relative: String(path.dropFirst(root.count))))
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
        default: return String(cString: strerror(code))
        }
    }
}

/// Reads a whole file or stdin as bytes.
enum FileReader {
    static func read(path: String) -> Result<[UInt8], ReadFailure> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return .failure(ReadFailure(Errno.describe(errno))) }
        defer { close(fd) }
        return readAll(fd)
    }

    static func readAll(_ fd: Int32) -> Result<[UInt8], ReadFailure> {
        var bytes: [UInt8] = []
        var st = stat()
        if fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR { return .failure(ReadFailure("is a directory")) }
        if fstat(fd, &st) == 0, st.st_size > 0 { bytes.reserveCapacity(Int(st.st_size) + 1) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(ReadFailure(Errno.describe(errno)))
            }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }
}

struct ReadFailure: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}
