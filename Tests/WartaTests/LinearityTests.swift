import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Matching must stay linear in the input: a long line without breaks and a text of nothing but a rule's
/// first word ("Nomor Nomor ...") must cost about what a normal text of the same size costs.
@Suite(.serialized)
struct LinearityTests {
    /// The release binary when it is built and up to date (CI builds it first), else the debug one on
    /// smaller inputs (debug code is ~50 times slower).
    static let setup: (binary: String, bytes: Int, nomors: Int) = {
        let release = wartaBinary.replacing("/debug/warta", with: "/release/warta")
        var r = stat(), d = stat()
        if stat(release, &r) == 0, stat(wartaBinary, &d) == 0, r.st_mtim.tv_sec >= d.st_mtim.tv_sec {
            return (release, 10_000_000, 100_000)
        }
        return (wartaBinary, 200_000, 10_000)
    }()

    /// CPU seconds (user + system) of one `warta extract` run on `file`.
    func cpuSeconds(_ file: String) -> Double {
        var pid: pid_t = 0
        let argv: [String] = [Self.setup.binary, "extract", "--max-size", "64M", file]
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { for p in cargs { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        defer { posix_spawn_file_actions_destroy(&actions) }
        guard posix_spawn(&pid, Self.setup.binary, &actions, nil, &cargs, environ) == 0 else { return -1 }
        var status: Int32 = 0
        var usage = rusage()
        wait4(pid, &status, 0, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }

    @Test func aLongLineAndRepeatedRuleWordsCostAboutAsMuchAsNormalText() throws {
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
}
