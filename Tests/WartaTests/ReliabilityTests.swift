import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Bad input and faults: every input is either in the output or named on stderr with a reason.
@Suite(.serialized)
struct ReliabilityTests {
    @Test func binaryFilesAreSkippedWithAReasonAndTheRestProcessed() {
        let s = Scratch(["a.txt": release, "z.txt": "Jakarta – Rapat."])
        defer { s.remove() }
        runShell("printf 'PK\\003\\004\\000\\000binary' > '\(s.path)/m.txt'")
        let run = runWarta(["extract", s.path])
        #expect(run.status == 0)
        #expect(run.lines.count == 2)
        #expect(run.stderr == "warta: \(s.path)/m.txt: skipped: binary file (NUL byte at offset 4), not text\nwarta: 2 processed, 0 failed, 1 skipped\n")
    }

    @Test func anEmptyFileIsAValidEmptyDocument() {
        let s = Scratch(["empty.txt": ""])
        defer { s.remove() }
        let run = runWarta(["extract", s.path + "/empty.txt"])
        #expect(run.status == 0)
        #expect(run.stdout == "{\"source\":\"\(s.path)/empty.txt\",\"dateline\":null,\"headline\":null,\"dates\":[],\"persons\":[],\"titles\":[],\"offices\":[],\"decrees\":[],\"organizations\":[],\"times\":[]}\n")
        #expect(runWarta(["extract"], stdin: "").status == 0)
    }

    @Test func documentsOverTheSizeLimitFailWithAClearMessage() {
        let s = Scratch(["ok.txt": release])
        defer { s.remove() }
        runShell("head -c 104857600 /dev/zero | tr '\\000' 'a' > '\(s.path)/huge.txt'")
        let run = runWarta(["extract", s.path])
        #expect(run.status == 1)
        #expect(run.lines.count == 1)
        #expect(run.stderr == "warta: \(s.path)/huge.txt: document is 100M, over the --max-size limit of 64M (raise it, e.g. --max-size 101M)\nwarta: 1 processed, 1 failed, 0 skipped\n")
        let small = runWarta(["extract", "--max-size", "1K", s.path + "/ok.txt"])
        #expect(small.status == 0)
        let tiny = runWarta(["extract", "--max-size", "10"], stdin: release)
        #expect(tiny.status == 1)
        #expect(tiny.stderr == "warta: -: document is 110 bytes, over the --max-size limit of 10 bytes (raise it, e.g. --max-size 1M)\n")
        #expect(runWarta(["extract", "--max-size", "big"]).status == 2)
    }

    @Test func jsonlLinesOverTheLimitAreReportedAndTheStreamGoesOn() {
        let long = "{\"id\": \"long\", \"text\": \"" + String(repeating: "a", count: 5000) + "\"}"
        let input = long + "\n{\"id\": \"short\", \"text\": \"Rapat.\"}\n" + long
        let run = runWarta(["extract", "--jsonl", "--max-size", "1K"], stdin: input)
        #expect(run.status == 1)
        #expect(run.lines.map { $0.split(separator: ",")[0] } == [#"{"source":"short""#])
        #expect(run.stderr == """
            warta: stdin line 1: record over the --max-size limit of 1K (raise it with --max-size)
            warta: stdin line 3: record over the --max-size limit of 1K (raise it with --max-size)
            warta: 1 processed, 2 failed, 0 skipped

            """)
    }

    @Test func loneCarriageReturnsAndBOMKeepOffsets() {
        let s = Scratch([:])
        defer { s.remove() }
        runShell("printf '\\357\\273\\277Judul\\r\\rMedan, 19 September 2024 \\342\\200\\223 Rapat.\\rPada 26 Januari 2022.' > '\(s.path)/cr.txt'")
        let run = runWarta(["extract", s.path + "/cr.txt"])
        #expect(run.status == 0)
        #expect(run.stdout.contains(#""headline":{"text":"Judul","start":0,"end":5}"#))
        #expect(run.stdout.contains(#""dateline":{"text":"Medan, 19 September 2024","start":7,"end":31"#))
        #expect(run.stdout.contains(#"{"text":"26 Januari 2022","start":46,"end":61,"value":"2022-01-26","grain":"day"}"#))
    }

    @Test func symlinkLoopsAreSkippedNotFollowedForever() {
        let s = Scratch(["docs/a.txt": release])
        defer { s.remove() }
        runShell("ln -s .. '\(s.path)/docs/up' && ln -s self.txt '\(s.path)/docs/self.txt'")
        let run = runWarta(["extract", s.path])
        #expect(run.status == 1)
        #expect(run.lines.count == 1)
        #expect(run.stderr.contains("warta: \(s.path)/docs/self.txt: too many levels of symbolic links\n"))
        #expect(run.stderr.contains("warta: \(s.path)/docs/up: skipped: symbolic link loop\n"))
        #expect(run.stderr.hasSuffix("warta: 1 processed, 1 failed, 1 skipped\n"))
    }

    /// Permissions do not stop root, so the unreadable cases run as `nobody` when the tests run as root.
    @Test func unreadableFilesAndFoldersAreNamed() throws {
        let s = Scratch(["ok.txt": release, "secret.txt": release, "closed/x.txt": release])
        defer { runShell("chmod -R u+rwx '\(s.path)'"); s.remove() }
        runShell("chmod 755 '\(s.path)' && chmod 644 '\(s.path)/ok.txt' && chmod 000 '\(s.path)/secret.txt' && chmod 000 '\(s.path)/closed'")
        let asUser = getuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups " : ""
        let out = "/tmp/warta-unreadable-\(getpid())"
        defer { unlink(out + ".out"); unlink(out + ".err") }
        let status = runShell("\(asUser)'\(wartaBinary)' extract '\(s.path)' > \(out).out 2> \(out).err")
        #expect(status == 1)
        #expect((readText(out + ".out") ?? "").split(separator: "\n").count == 1)
        let err = readText(out + ".err") ?? ""
        #expect(err.contains("warta: \(s.path)/closed: permission denied\n"))
        #expect(err.contains("warta: \(s.path)/secret.txt: permission denied\n"))
        #expect(err.hasSuffix("warta: 1 processed, 2 failed, 0 skipped\n"))
    }

    @Test func filesThatVanishDuringABatchAreNamed() {
        var files: [String: String] = [:]
        for i in 0..<400 { files["f\(1000 + i).txt"] = release }
        let s = Scratch(files)
        defer { s.remove() }
        let out = "/tmp/warta-vanish-\(getpid())"
        defer { unlink(out + ".out"); unlink(out + ".err") }
        // Once the first result is out (the folder has been listed), delete the second half while the batch
        // runs; each file is then either printed or reported.
        runShell("""
            '\(wartaBinary)' extract --jobs 1 '\(s.path)' > \(out).out 2> \(out).err & pid=$!
            while [ ! -s \(out).out ] && kill -0 $pid 2>/dev/null; do sleep 0.005; done
            rm -f '\(s.path)'/f13*.txt '\(s.path)'/f12*.txt; wait $pid
            """)
        let printed = (readText(out + ".out") ?? "").split(separator: "\n").count
        let err = readText(out + ".err") ?? ""
        let reported = err.split(separator: "\n").filter { $0.hasSuffix(": no such file or directory") }.count
        #expect(printed + reported == 400, "printed \(printed), reported \(reported)")
        #expect(err.hasSuffix("warta: \(printed) processed, \(reported) failed, 0 skipped\n"))
    }

    @Test func anOutputFolderThatCannotBeWrittenIsAClearError() {
        let s = Scratch(["a.txt": release, "file": "x"])
        defer { s.remove() }
        let run = runWarta(["extract", "--output", s.path + "/file/sub", s.path + "/a.txt"])
        #expect(run.status == 1)
        #expect(run.stderr == "warta: --output \(s.path)/file/sub: not a directory\n")
    }

    @Test func aClosedPipeEndsQuietly() {
        var files: [String: String] = [:]
        for i in 0..<300 { files["f\(i).txt"] = release }
        let s = Scratch(files)
        defer { s.remove() }
        let out = "/tmp/warta-pipe-\(getpid())"
        defer { unlink(out + ".out"); unlink(out + ".err") }
        runShell("'\(wartaBinary)' extract '\(s.path)' 2> \(out).err | head -1 > \(out).out")
        #expect((readText(out + ".out") ?? "").hasPrefix("{\"source\":"))
        #expect(readText(out + ".err") == "")
    }
}
