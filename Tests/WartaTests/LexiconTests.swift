import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

struct LexiconTests {
    /// Start-up splits lines of ASCII words itself instead of asking ICU (`Tokenizer.norms(ofLines:)`): the words
    /// must be ICU's, for every form of every built-in lexicon that rules match.
    @Test func phrasesWithoutICUAreICUs() throws {
        let splitter = try Tokenizer(abbreviations: Abbreviations())
        var shortcut = 0
        for spec in Catalog.all where spec.matched && spec.atStartUp && !spec.raw {
            let read = try Lexicons.prepare(spec, models: .builtIn, location: spec.file, splitter: splitter)
            let lines = read.entries.map(\.text)
            #expect(read.phrases == splitter.icuNorms(ofLines: lines), "\(spec.file)")
            shortcut += lines.filter { Tokenizer.asciiWords($0) != nil }.count
        }
        #expect(shortcut > 1000)
        #expect(Tokenizer.asciiWords("Kantor  Imigrasi") == nil && Tokenizer.asciiWords("Dr. X") == nil)
        #expect(Tokenizer.asciiWords("Kantor Imigrasi") == ["kantor", "imigrasi"])
    }

    @Test func everyCatalogFileIsInModelsAndBuiltIn() {
        let files = Set(listDirectory(repositoryRoot + "/Models").filter { $0.hasSuffix(".txt") })
        #expect(files == Set(Catalog.all.map(\.file)), "Models/ and Catalog.all must list the same files")
        #expect(Set(Models.builtIn.files.keys) == files)
    }

    /// Lint: NFC, no stray whitespace, no duplicates after case folding, no stray punctuation. (The name tagger's
    /// weights are no word list: `NameTaggerTests` reads them.)
    @Test(arguments: Catalog.all.filter { !$0.raw }.map(\.name))
    func lint(_ name: String) throws {
        let spec = try #require(Catalog.all.first { $0.name == name })
        // The register's files are parsed by RegionStore, not at start-up: parse them here.
        let entries = spec.atStartUp
            ? try Lexicons(models: .builtIn)[name].entries
            : try Lexicons.parse(Models.builtIn.files[spec.file] ?? "", spec: spec, location: spec.file)
        #expect(!entries.isEmpty, "\(name) is empty")
        var seen: [String: Int] = [:]
        for entry in entries {
            let folded = Token.fold(entry.text)
            #expect(entry.text.unicodeScalars.elementsEqual((entry.text as String).precomposedForLint.unicodeScalars),
                    "\(name).txt:\(entry.line): not NFC")
            if let first = seen[folded] { Issue.record("\(name).txt:\(entry.line) repeats line \(first): \(entry.text)") }
            seen[folded] = entry.line
            #expect(!entry.text.contains("  "), "\(name).txt:\(entry.line): double space")
            #expect(!entry.text.hasPrefix(",") && !entry.text.hasSuffix(","), "\(name).txt:\(entry.line): stray comma")
        }
    }

    /// Every lexicon matters: emptied, it changes what Warta finds (the items or the rules that made them) in
    /// the corpus or the rules' examples, or the loader refuses it empty. No lexicon is exempt, whether a rule
    /// pattern, the tokenizer or an extractor's own checks read it.
    @Test(arguments: Catalog.all.map(\.file))
    func emptyingTheLexiconChangesWhatIsFound(_ file: String) throws {
        var files = Models.builtIn.files
        files[file] = "# emptied by LexiconTests\n"
        let emptied: Extractor
        do {
            emptied = try Extractor(models: Models(files: files, origin: "test", version: "emptied-\(file)"),
                                    options: wartaAllOptions.options)
        } catch let error as ModelError {
            // A file the loader cannot do without (a model with a required layout) is read by construction.
            // The register of regions reads its files together: emptying one is an error about the set.
            let together = RegionStore.files.contains(file) ? RegionStore.files : [file]
            #expect(together.contains { error.file.hasSuffix("/" + $0) }, "emptying \(file) broke another file: \(error)")
            return
        }
        let texts = LexiconUse.texts
        #expect(texts.count >= 400)
        let changed = texts.first { text in
            let analysis = emptied.analyze(text)
            return analysis.traces != LexiconUse.traces[text] || JSONWriter.encode(analysis.document) != LexiconUse.documents[text]
        }
        #expect(changed != nil, "emptying \(file) changes nothing Warta finds in the corpus or the rule examples: is it used?")
    }

    @Test func malformedLinesNameFileAndLine() {
        func error(_ file: String, _ text: String) -> String? {
            var files = Models.builtIn.files
            files[file] = text
            do {
                _ = try Lexicons(models: Models(files: files, origin: "models", version: "x"))
                return nil
            } catch {
                return error.description
            }
        }
        #expect(error("months.txt", "# months\nJanuari\t1\nFebruari\t13\n") == "models/months.txt:3: month number must be a number from 1 to 12, found '13'")
        #expect(error("months.txt", "Januari 1\n") == "models/months.txt:1: expected 2 to 3 TAB-separated field(s) (written form, month number 1-12, 'abbr' for an abbreviation (optional)), found 1")
        #expect(error("office-classes.txt", "II A\tII-A\n") == "models/office-classes.txt:1: canonical class must be one of I Khusus, I, II, IIA, IIB, III, IA Khusus, IA, IB, Pratama, Madya")
        #expect(error("degrees.txt", "S.H.\n\tM.H.\n") == "models/degrees.txt:2: expected 1 TAB-separated field(s) (degree as written), found 2")
        #expect(error("abbreviations.txt", "No.\tbefore\n") != nil)
        #expect(error("months.txt", "Januari\t1 # first month\n\n  # only a comment\nMei\t5\r\n") == nil)
    }

    @Test func aModelsDirectoryReplacesBuiltInFiles() throws {
        let dir = "/tmp/warta-models-test-\(getpid())"
        mkdir(dir, 0o755)
        defer { unlink(dir + "/office-types.txt"); unlink(dir + "/months.txt"); rmdir(dir) }
        let types = (Models.builtIn.files["office-types.txt"] ?? "") + "Kantor Pelayanan Bea Cukai\tKantor Pengawasan dan Pelayanan Bea dan Cukai\n"
        #expect(writeFile(dir + "/office-types.txt", types))
        let models = try Models(directory: dir)
        #expect(models.version.hasSuffix("-custom"))
        let custom = try Extractor(models: models)
        let doc = custom.extract("Kepala Kantor Pelayanan Bea Cukai Bogor hadir.")
        #expect(doc.offices.map(\.type) == ["Kantor Pengawasan dan Pelayanan Bea dan Cukai"])
        #expect(warta.extract("Kepala Kantor Pelayanan Bea Cukai Bogor hadir.").offices.isEmpty)

        #expect(writeFile(dir + "/months.txt", "Januari\tsatu\n"))
        #expect(throws: ModelError.self) { try Extractor(models: Models(directory: dir)) }
        #expect(writeFile(dir + "/typo.txt", "x\n"))
        defer { unlink(dir + "/typo.txt") }
        #expect(throws: ModelError.self) { try Models(directory: dir) }
    }
}

/// The texts that every lexicon must make a difference on, and what the built-in lexicons find in each.
enum LexiconUse {
    static let texts: [String] = corpusTextNames().compactMap { readText(repositoryRoot + "/Corpus/" + $0) }
        + wartaAllOptions.rules.flatMap { $0.examples.map(\.text) }
    /// With every option on, so that a lexicon only an option reads (named-acts.txt) is used too.
    static let traces: [String: [Trace]] = Dictionary(texts.map { ($0, wartaAllOptions.analyze($0).traces) }, uniquingKeysWith: { a, _ in a })
    /// The same documents as JSON (a lexicon may change a value, a region's code, and no rule's match).
    static let documents: [String: [UInt8]] = Dictionary(texts.map { ($0, JSONWriter.encode(wartaAllOptions.extract($0))) }, uniquingKeysWith: { a, _ in a })
}

func writeFile(_ path: String, _ text: String) -> Bool {
    guard let f = fopen(path, "wb") else { return false }
    defer { fclose(f) }
    let bytes = Array(text.utf8)
    return fwrite(bytes, 1, bytes.count, f) == bytes.count
}

extension String {
    /// NFC through the tokenizer's normalizer (the same ICU code Warta uses for token norms).
    var precomposedForLint: String {
        var out = ""
        for token in warta.tokenize(self).tokens {
            out += token.isSpace ? token.text : (Array(token.text.utf16).withUnsafeBufferPointer { NFC.normalized($0) } ?? token.text)
        }
        return out
    }
}
