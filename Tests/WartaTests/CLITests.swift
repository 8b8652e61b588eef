import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The built `warta` binary, next to the test runner in the products folder.
let wartaBinary: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let exe = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    var parts = exe.split(separator: "/", omittingEmptySubsequences: false)
    while let last = parts.last, !last.hasSuffix("debug") && !last.hasSuffix("release") && parts.count > 1 { parts.removeLast() }
    return parts.joined(separator: "/") + "/warta"
}()

struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }
}

/// Runs `warta` with `arguments`, feeding `stdin`, and collects its exit status and output.
func runWarta(_ arguments: [String], stdin: String = "", cwd: String? = nil) -> Run {
    let dir = "/tmp/warta-cli-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    mkdir(dir, 0o755)
    defer { unlink(dir + "/in"); unlink(dir + "/out"); unlink(dir + "/err"); rmdir(dir) }
    _ = writeFile(dir + "/in", stdin)
    var command = "exec \"$0\""
    for i in arguments.indices { command += " \"${\(i + 1)}\"" }
    command += " <\(dir)/in >\(dir)/out 2>\(dir)/err"
    if let cwd { command = "cd \"\(cwd)\" && " + command }
    var pid: pid_t = 0
    let argv = ["/bin/sh", "-c", command, wartaBinary] + arguments
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ) == 0 else { return Run(status: -1, stdout: "", stderr: "spawn failed") }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    let code = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return Run(status: code, stdout: readText(dir + "/out") ?? "", stderr: readText(dir + "/err") ?? "")
}

/// A scratch folder with files, removed by the caller through `remove`.
struct Scratch {
    let path = "/tmp/warta-scratch-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    init(_ files: [String: String]) {
        mkdir(path, 0o755)
        for (name, text) in files {
            var dir = path
            for part in name.split(separator: "/").dropLast() { dir += "/" + part; mkdir(dir, 0o755) }
            _ = writeFile(path + "/" + name, text)
        }
    }
    func remove() { _ = runShell("rm -rf '\(path)'") }
}

@discardableResult
func runShell(_ command: String) -> Int32 {
    var pid: pid_t = 0
    let argv: [String] = ["/bin/sh", "-c", command]
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for p in cargs { free(p) } }
    guard posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ) == 0 else { return -1 }
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    return (status >> 8) & 0xff
}

let release = "Medan, 19 September 2024 – Kepala Kantor Imigrasi Kelas II TPI Sibolga, Bapak Akbar Drajat Bogitara, hadir.\n"

@Suite(.serialized)
struct CLITests {
    @Test func stdinIsOneDocument() {
        let run = runWarta(["extract"], stdin: release)
        #expect(run.status == 0)
        #expect(run.lines.count == 1)
        #expect(run.stdout.hasPrefix(#"{"source":"-","dateline":{"text":"Medan, 19 September 2024","start":0,"end":24,"place":"Medan","date":"2024-09-19","region":{"code":"12.71","name":"Kota Medan","level":"kabupaten-kota","province":"Sumatera Utara"}}"#))
        #expect(run.stderr == "")
        #expect(runWarta(["extract", "-"], stdin: release).stdout == run.stdout)
    }

    @Test func prettyIsIndentedAndTheSameData() {
        let compact = runWarta(["extract"], stdin: release).stdout
        let pretty = runWarta(["extract", "--pretty"], stdin: release).stdout
        #expect(pretty.hasPrefix("{\n  \"source\": \"-\",\n  \"dateline\": {\n    \"text\": \"Medan, 19 September 2024\","))
        #expect(pretty.filter { !$0.isWhitespace } == compact.filter { !$0.isWhitespace })
    }

    @Test func oneFileAndAFolderOrderedByPath() {
        let s = Scratch(["b.txt": release, "a/z.txt": release, "a/B.txt": "Jakarta – Rapat.", "skip.md": release, "c/d/e.txt": ""])
        defer { s.remove() }
        let one = runWarta(["extract", s.path + "/b.txt"])
        #expect(one.status == 0)
        #expect(one.stdout.hasPrefix("{\"source\":\"\(s.path)/b.txt\""))
        let folder = runWarta(["extract", s.path])
        #expect(folder.status == 0)
        let sources = folder.lines.map { $0.split(separator: ",")[0] }
        #expect(sources == ["a/B.txt", "a/z.txt", "b.txt", "c/d/e.txt"].map { "{\"source\":\"\(s.path)/\($0)\"" })
        #expect(folder.stderr == "warta: 4 processed, 0 failed, 0 skipped\n")
        // Several paths are ordered by path too, whatever order they are given in.
        let several = runWarta(["extract", s.path + "/b.txt", s.path + "/a/z.txt"])
        #expect(several.lines.map { $0.split(separator: ",")[0] } == ["{\"source\":\"\(s.path)/a/z.txt\"", "{\"source\":\"\(s.path)/b.txt\""])
    }

    @Test func jobsGiveIdenticalOutput() {
        var files: [String: String] = [:]
        for i in 0..<40 { files["d\(i % 3)/doc\(i).txt"] = release + String(repeating: "Rapat pada 26 Januari 2022. ", count: i) }
        let s = Scratch(files)
        defer { s.remove() }
        let one = runWarta(["extract", "--jobs", "1", s.path])
        #expect(one.lines.count == 40)
        for jobs in ["2", "3", "8"] {
            #expect(runWarta(["extract", "--jobs", jobs, s.path]).stdout == one.stdout, "--jobs \(jobs)")
        }
    }

    @Test func jsonlStreamsRecordsInOrder() {
        let input = """
            {"id": "r1", "text": "Medan, 19 September 2024 – Rapat."}
            {"id": 7, "text": "Jakarta – Rapat pada 26 Januari 2022."}

            {"text": "tanpa id pada tahun 2024"}
            """
        for jobs in ["1", "2"] {
            let run = runWarta(["extract", "--jsonl", "--jobs", jobs], stdin: input)
            #expect(run.status == 0)
            #expect(run.lines.map { $0.split(separator: ",")[0] } == [#"{"source":"r1""#, #"{"source":"7""#, #"{"source":"4""#])
            #expect(run.stderr == "warta: 3 processed, 0 failed, 0 skipped\n")
        }
    }

    @Test func jsonlBadLinesAreReportedAndTheStreamGoesOn() {
        let input = "{\"id\": \"a\", \"text\": \"Rapat.\"}\nnot json\n{\"id\": \"b\"}\n{\"id\": \"c\", \"text\": 5}\n[1]\n{\"id\": \"d\", \"text\": \"Rapat.\"}\n"
        let run = runWarta(["extract", "--jsonl"], stdin: input)
        #expect(run.status == 1)
        #expect(run.lines.map { $0.split(separator: ",")[0] } == [#"{"source":"a""#, #"{"source":"d""#])
        #expect(run.stderr == """
            warta: stdin line 2: not valid JSON
            warta: stdin line 3: record has no "text"
            warta: stdin line 4: "text" must be a string
            warta: stdin line 5: a record must be a JSON object
            warta: 2 processed, 4 failed, 0 skipped

            """)
    }

    @Test func aMissingInputIsReportedAndTheOthersProcessed() {
        let s = Scratch(["a.txt": release])
        defer { s.remove() }
        let run = runWarta(["extract", "/nonexistent/x.txt", s.path + "/a.txt"])
        #expect(run.status == 1)
        #expect(run.lines.count == 1)
        #expect(run.stderr == "warta: /nonexistent/x.txt: no such file or directory\nwarta: 1 processed, 1 failed, 0 skipped\n")
    }

    @Test func invalidUTF8FailsWithTheByteOffsetOrIsReplacedWithLossy() {
        let s = Scratch([:])
        defer { s.remove() }
        runShell("printf 'Medan \\303\\050 rapat' > \(s.path)/bad.txt")
        let run = runWarta(["extract", s.path + "/bad.txt"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        #expect(run.stderr == "warta: \(s.path)/bad.txt: not valid UTF-8 at byte 6 (convert it to UTF-8, or pass --lossy to replace bad bytes)\n")
        let lossy = runWarta(["extract", "--lossy", s.path + "/bad.txt"])
        #expect(lossy.status == 0)
        #expect(lossy.lines.count == 1)
    }

    @Test func outputDirectoryMirrorsTheTree() {
        let s = Scratch(["in/a.txt": release, "in/sub/b.txt": "Jakarta – Rapat."])
        defer { s.remove() }
        let run = runWarta(["extract", "--output", s.path + "/out", s.path + "/in"])
        #expect(run.status == 0)
        #expect(run.stdout == "")
        #expect(readText(s.path + "/out/a.json")?.hasPrefix("{\"source\":\"\(s.path)/in/a.txt\"") == true)
        #expect(readText(s.path + "/out/sub/b.json")?.hasPrefix("{\"source\":\"\(s.path)/in/sub/b.txt\"") == true)
    }

    @Test func usageErrorsExitTwo() {
        #expect(runWarta(["extract", "--no-such-flag"]).status == 2)
        #expect(runWarta(["extract", "--jobs", "0"]).status == 2)
        #expect(runWarta(["extract", "--jobs", "many"]).status == 2)
        #expect(runWarta(["extract", "--jsonl", "a.txt"]).status == 2)
        let run = runWarta(["frobnicate"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Usage: warta"))
    }

    @Test func brokenModelsDirectoryIsAClearError() {
        let s = Scratch(["months.txt": "Januari\t1\nFebruari\ttiga belas\n"])
        defer { s.remove() }
        let run = runWarta(["extract", "--models", s.path], stdin: release)
        #expect(run.status == 2)
        #expect(run.stderr == "warta: \(s.path)/months.txt:2: month number must be a number from 1 to 12, found 'tiga belas'\n")
    }

    @Test func versionAndHelp() {
        let version = runWarta(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("warta 0.1.0 (models "))
        let help = runWarta(["extract", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("--jsonl"))
        #expect(help.stdout.contains("Examples:"))
    }
}
