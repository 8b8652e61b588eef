import ArgumentParser
import Warta
#if canImport(Glibc)
import Glibc
#endif

/// `warta decrees`: the acts cited across a whole batch, one line each, instead of one object per document.
struct Decrees: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decrees",  // named here: deriving it from the type name costs ~0.4M instructions a run
        abstract: "List the distinct acts cited across a batch, with counts and the documents citing them.",
        discussion: """
            Reads its inputs as `warta extract` does (paths and folders, one document on stdin, or --jsonl \
            records) and prints one line per distinct act, keyed by type, number (as written) and year:
              {"type", "number", "year", "issuer", "subject", "count", "sources"}

            Acts are listed in the order of their first citation: documents in path order (input order with \
            --jsonl), citations in text order. "count" counts every citation, repeats included; "sources" \
            lists each citing document once, in the same order; "issuer" and "subject" are the first ones \
            written in a citation of the act, or null.

            --format csv prints RFC 4180 CSV: a header line, then one row per act with the same columns and \
            CRLF line ends; a field holding a comma, a double quote or a line break is quoted (quotes \
            doubled); an empty field is null; sources are separated by "|".

            Exit status: 0 all inputs processed; 1 some input failed (named on stderr; the list covers the \
            others); 2 usage error.

            Examples:
              warta decrees Corpus/
              warta decrees --format csv releases/ > acts.csv
              warta decrees --jsonl < records.jsonl
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: jsonl (one JSON object a line) or csv.")
    var format: TableFormat = .jsonl

    func run() throws {
        var acts = CitedActs()
        var batch = try input.batch()
        batch.collect = { acts.add($0) }
        input.run(&batch)
        TableOutput.write(acts.acts, as: format, columns: Decrees.csvColumns, json: Decrees.json, fields: Decrees.fields)
        if batch.failed > 0 { throw ExitCode(1) }
    }

    static func json(_ act: CitedActs.Act) -> [UInt8] {
        var w = JSONWriter()
        w.open("{")
        w.key("type"); w.string(act.type)
        w.key("number"); w.string(act.number)
        w.key("year"); if let year = act.year { w.int(year) } else { w.null() }
        w.key("issuer"); w.string(act.issuer)
        w.key("subject"); w.string(act.subject)
        w.key("count"); w.int(act.count)
        w.key("sources"); w.strings(act.sources)
        w.close("}")
        return w.bytes
    }

    static let csvColumns = ["type", "number", "year", "issuer", "subject", "count", "sources"]

    /// One CSV record's fields.
    static func fields(_ act: CitedActs.Act) -> [String] {
        [act.type, act.number, act.year.map(String.init) ?? "", act.issuer ?? "", act.subject ?? "",
         String(act.count), act.sources.joined(separator: "|")]
    }
}
