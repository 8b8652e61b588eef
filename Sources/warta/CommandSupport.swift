import ArgumentParser
import Synchronization
import Warta
#if canImport(Glibc)
import Glibc
#endif

/// Small pieces shared by the subcommands.
enum CommandSupport {
    static var processors: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The extractor with the built-in or `--models` lexicons; a broken lexicon is a usage error (exit 2).
    static func extractor(models: String?, options: Extractor.Options = Extractor.Options()) throws -> Extractor {
        if let models {
            var st = stat()
            let problem = stat(models, &st) != 0
                ? (errno == ENOENT ? "no such directory" : Errno.describe(errno))
                : (st.st_mode & S_IFMT) != S_IFDIR ? "not a directory" : nil
            if let problem {
                Console.error("warta: --models \(models): \(problem)\n")
                throw ExitCode(2)
            }
        }
        do {
            let extractor = try Extractor(models: models.map { try Models(directory: $0) } ?? .builtIn, options: options)
            return keep(extractor)
        } catch {
            Console.error("warta: \(error)\n")
            throw ExitCode(2)
        }
    }

    /// Every extractor this process made, never released: the process exits with them. Tearing down the
    /// compiled lexicons and rules object by object took some 11 million instructions at the end of each run.
    private static let kept = Mutex<[Extractor]>([])

    /// `extractor`, kept until the process exits.
    static func keep(_ extractor: Extractor) -> Extractor {
        kept.withLock { $0.append(extractor) }
        return extractor
    }

    /// A document's id as score.py derives it: the file name without ".txt".
    static func documentID(_ path: String) -> String {
        let base = InputWalker.basename(path)
        return base.hasSuffix(".txt") ? String(base.dropLast(4)) : base
    }

    /// The `*.json` files of a folder (sorted), or the one file given.
    static func jsonFiles(at path: String) -> [(name: String, bytes: [UInt8])] {
        var st = stat()
        guard stat(path, &st) == 0 else { return [] }
        if (st.st_mode & S_IFMT) != S_IFDIR {
            return (try? FileReader.read(path: path).get()).map { [(path, $0)] } ?? []
        }
        let walker = InputWalker(directory: path, suffix: ".json")
        return walker.files.compactMap { f in (try? FileReader.read(path: f.path).get()).map { (f.path, $0) } }
    }
}
