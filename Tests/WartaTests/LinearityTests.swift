import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Matching must stay linear in the input: a long line without breaks and a text of nothing but a rule's
/// first word ("Nomor Nomor ...") must cost about what a normal text of the same size costs, and a document
/// dense with people, offices and dates must cost the same per megabyte at every size.
@Suite(.serialized)
struct LinearityTests {
    /// The release binary when it is current (built after the last change to a source, a model or the manifest:
    /// CI builds it before the tests), on 10 MB inputs; else the debug one on smaller inputs (debug code is ~50
    /// times slower). With `WARTA_REQUIRE_RELEASE=1` (CI) a release binary that is missing or stale is a failure.
    static let setup: (binary: String, release: Bool, bytes: Int, nomors: Int) = {
        let release = wartaBinary.replacing("/debug/warta", with: "/release/warta")
        if let built = modified(release), built >= newestSource() {
            return (release, true, 10_000_000, 100_000)
        }
        return (wartaBinary, false, 200_000, 10_000)
    }()

    static var releaseRequired: Bool { getenv("WARTA_REQUIRE_RELEASE").map { String(cString: $0) == "1" } ?? false }

    /// When `path` was last modified (seconds), or nil when it does not exist.
    static func modified(_ path: String) -> Int? {
        var s = stat()
        return stat(path, &s) == 0 ? s.st_mtim.tv_sec : nil
    }

    /// The last change to what the binary is built from.
    static func newestSource() -> Int {
        var newest = modified(repositoryRoot + "/Package.swift") ?? 0
        func walk(_ dir: String) {
            for name in listDirectory(dir) {
                let path = dir + "/" + name
                var s = stat()
                guard stat(path, &s) == 0 else { continue }
                if s.st_mode & S_IFMT == S_IFDIR { walk(path) } else { newest = max(newest, s.st_mtim.tv_sec) }
            }
        }
        for dir in ["Sources", "Models", "Plugins"] { walk(repositoryRoot + "/" + dir) }
        return newest
    }

    /// CPU seconds (user + system) of one `warta extract` run on `file`, its output written to `output`.
    func cpuSeconds(_ file: String, output: String = "/dev/null") -> Double {
        var pid: pid_t = 0
        let argv: [String] = [Self.setup.binary, "extract", "--max-size", "64M", file]
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawn(&pid, Self.setup.binary, &actions, nil, &cargs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    /// Fails when CI asks for the release binary and it is missing or stale.
    func requireRelease() throws {
        try #require(!Self.releaseRequired || Self.setup.release,
                     "WARTA_REQUIRE_RELEASE=1, but the release binary is missing or older than the sources: build it first (swift build -c release --product warta)")
    }

    @Test func aLongLineAndRepeatedRuleWordsCostAboutAsMuchAsNormalText() throws {
        try requireRelease()
        let corpus = listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".txt") }
            .compactMap { readText(repositoryRoot + "/Corpus/" + $0) }.joined(separator: "\n\n")
        try #require(corpus.utf8.count > 100_000)
        let size = Self.setup.bytes
        var normal = ""
        while normal.utf8.count < size { normal += corpus + "\n\n" }
        let oneLine = String(normal.map { $0.isNewline ? " " : $0 })
        let nomors = String(repeating: "Nomor ", count: Self.setup.nomors)
        var sameSize = ""
        while sameSize.utf8.count < nomors.utf8.count { sameSize += corpus + "\n\n" }

        let dir = "/tmp/warta-linear-\(getpid())"
        mkdir(dir, 0o755)
        defer { runShell("rm -rf '\(dir)'") }
        #expect(writeFile(dir + "/normal.txt", normal) && writeFile(dir + "/oneline.txt", oneLine))
        #expect(writeFile(dir + "/nomor.txt", nomors) && writeFile(dir + "/same.txt", sameSize))

        // The best of two runs each, against noise from other processes.
        func best(_ name: String) -> Double { min(cpuSeconds(dir + "/" + name), cpuSeconds(dir + "/" + name)) }
        let normalCost = best("normal.txt"), oneLineCost = best("oneline.txt")
        let sameCost = best("same.txt"), nomorCost = best("nomor.txt")
        #expect(normalCost > 0 && sameCost > 0)
        #expect(oneLineCost < 2.5 * normalCost, "one line: \(oneLineCost) s, normal text of the same size: \(normalCost) s")
        #expect(nomorCost < 4 * sameCost, "\(Self.setup.nomors) × Nomor: \(nomorCost) s, normal text of the same size: \(sameCost) s")
    }

    /// Times are dated by walking their sentences and schedule rows: one sentence of nothing but times, and a
    /// form of nothing but rows, must cost about what normal text of the same size does.
    @Test func manyTimesInOneSentenceOrInRowsCostAboutAsMuchAsNormalText() throws {
        try requireRelease()
        let corpus = listDirectory(repositoryRoot + "/Corpus").filter { $0.hasSuffix(".txt") }
            .compactMap { readText(repositoryRoot + "/Corpus/" + $0) }.joined(separator: "\n\n")
        let count = Self.setup.nomors / 2
        let sentence = "Jakarta, 3 Maret 2025 – Senin (10/3) " + String(repeating: "pukul 08.00 WIB hingga 09.30 WITA, kemarin ", count: count)
        let rows = "Jakarta, 3 Maret 2025\n\n" + String(repeating: "Hari/Tanggal : Senin, 10 Maret 2025\nWaktu : 09.00 WIB - selesai\n", count: count / 2)
        var sameSize = ""
        while sameSize.utf8.count < max(sentence.utf8.count, rows.utf8.count) { sameSize += corpus + "\n\n" }

        let dir = "/tmp/warta-linear-times-\(getpid())"
        mkdir(dir, 0o755)
        defer { runShell("rm -rf '\(dir)'") }
        #expect(writeFile(dir + "/sentence.txt", sentence) && writeFile(dir + "/rows.txt", rows) && writeFile(dir + "/same.txt", sameSize))
        func best(_ name: String) -> Double { min(cpuSeconds(dir + "/" + name), cpuSeconds(dir + "/" + name)) }
        let sameCost = best("same.txt"), sentenceCost = best("sentence.txt"), rowsCost = best("rows.txt")
        #expect(sameCost > 0)
        #expect(sentenceCost < 4 * sameCost, "\(count) times in one sentence: \(sentenceCost) s, normal text of the same size: \(sameCost) s")
        #expect(rowsCost < 4 * sameCost, "\(count / 2) schedule rows: \(rowsCost) s, normal text of the same size: \(sameCost) s")
    }

    /// A document that repeats one sentence on one line, `count` times at the smaller size and eight times as often
    /// at the larger, with what the larger output must hold (each string counted in the JSON).
    struct Dense: Sendable, CustomStringConvertible {
        let sentence: String
        let count: Int
        let expected: @Sendable (Int) -> [(String, Int)]
        var description: String { sentence }
    }

    static let dense: [Dense] = [
        // People, offices and dates: one person with a mention, a position and an office per sentence.
        Dense(sentence: "Jakarta, 19 September 2024 - Kepala Kantor Imigrasi Kelas I TPI Bengkulu, Imam Setiawan, hadir. ", count: 5_000) { n in
            [("\"honorifics\":", 1), ("{\"text\":\"Imam Setiawan\",", n), ("\"holder\":\"Imam Setiawan\"", n), ("\"tpi\":true", n),
             ("\"grain\":\"day\"", n), ("\"place\":\"Jakarta\"", 1)]
        },
        // People only.
        Dense(sentence: "Bapak Imam Setiawan hadir. ", count: 20_000) { n in
            [("\"honorifics\":[\"Bapak\"]", 1), ("{\"text\":\"Imam Setiawan\",", n), ("\"kind\":\"honorific\"", n)]
        },
        // Offices only.
        Dense(sentence: "Kantor Imigrasi Kelas I TPI Bengkulu hadir. ", count: 10_000) { n in
            [("\"tpi\":true", n), ("\"honorifics\":", 0)]
        },
    ]

    @Test(arguments: dense)
    func aDocumentDenseWithItemsCostsTheSamePerMegabyteAtEverySize(_ dense: Dense) throws {
        try requireRelease()
        let dir = "/tmp/warta-dense-\(getpid())"
        mkdir(dir, 0o755)
        defer { runShell("rm -rf '\(dir)'") }
        // Debug code is far slower: a twentieth of the release sizes.
        let small = Self.setup.release ? dense.count : dense.count / 20, large = 8 * small
        #expect(writeFile(dir + "/small.txt", String(repeating: dense.sentence, count: small)))
        #expect(writeFile(dir + "/large.txt", String(repeating: dense.sentence, count: large)))
        func best(_ name: String) -> Double {
            min(cpuSeconds(dir + "/" + name, output: dir + "/out.json"), cpuSeconds(dir + "/" + name, output: dir + "/out.json"))
        }
        let smallCost = best("small.txt"), largeCost = best("large.txt")
        #expect(smallCost > 0)
        // The same number of sentences per megabyte at both sizes: the cost per sentence is compared.
        #expect(largeCost / Double(large) <= 2.5 * smallCost / Double(small),
                "\(large) sentences: \(largeCost) s, \(small) sentences: \(smallCost) s")
        let output = try #require(readFile(dir + "/out.json"))
        for (needle, count) in dense.expected(large) {
            #expect(occurrences(of: needle, in: output) == count, "\(needle) in the output of \(large) sentences")
        }
    }

    /// Linking a name asks only the people it can belong to: a document naming many different people, all sharing
    /// a common first name, costs the same per person at every size (it grew with the square of their number).
    @Test func aDocumentNamingManyDifferentPeopleCostsTheSamePerPerson() throws {
        try requireRelease()
        let syllables = ["zo", "qe", "xu", "vy", "zi", "qu", "xo", "vu", "ze", "qa", "xi", "vo", "za", "qi", "xe", "va"]
        func word(_ n: Int) -> String {
            let w = syllables[n % 16] + syllables[(n / 16) % 16] + syllables[(n / 256) % 16] + syllables[(n / 4096) % 16]
            return w.prefix(1).uppercased() + w.dropFirst()
        }
        // Distinct names up to 65,536 people.
        func document(_ people: Int) -> String {
            (0..<people).map { "Kepala Seksi Muhammad \(word($0)) \(word($0 * 7 + 3)) hadir dalam rapat. " }.joined()
        }
        let dir = "/tmp/warta-people-\(getpid())"
        mkdir(dir, 0o755)
        defer { runShell("rm -rf '\(dir)'") }
        // Sixteen times as many people: a cost that grew with their square would be sixteen times as high per person.
        let small = Self.setup.release ? 1_000 : 100, large = 16 * small
        #expect(writeFile(dir + "/small.txt", document(small)) && writeFile(dir + "/large.txt", document(large)))
        func best(_ name: String) -> Double {
            min(cpuSeconds(dir + "/" + name, output: dir + "/out.json"), cpuSeconds(dir + "/" + name, output: dir + "/out.json"))
        }
        let smallCost = best("small.txt"), largeCost = best("large.txt")
        #expect(smallCost > 0)
        #expect(largeCost / Double(large) <= 2.5 * smallCost / Double(small), "\(large) people: \(largeCost) s, \(small) people: \(smallCost) s")
        let output = try #require(readFile(dir + "/out.json"))
        #expect(occurrences(of: "\"positions\":[\"Kepala Seksi\"]", in: output) == large)
    }

    /// How often `needle` occurs in `bytes`, without overlaps.
    private func occurrences(of needle: String, in bytes: [UInt8]) -> Int {
        let n = Array(needle.utf8)
        var count = 0, i = 0
        while i + n.count <= bytes.count {
            if bytes[i] == n[0], bytes[i..<(i + n.count)].elementsEqual(n) {
                count += 1
                i += n.count
            } else {
                i += 1
            }
        }
        return count
    }
}
