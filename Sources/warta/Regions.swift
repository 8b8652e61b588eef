import ArgumentParser
import Warta

/// `warta regions`: the regions that a batch places its offices and datelines in, one line each.
struct Regions: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regions",  // named here: deriving it from the type name costs ~0.4M instructions a run
        abstract: "List the regions a batch's offices and datelines are in, with counts and the documents naming them.",
        discussion: """
            Reads its inputs as `warta extract` does (paths and folders, one document on stdin, or --jsonl \
            records) and prints one line per region of the register of regions (Kepmendagri codes) that an \
            office or a dateline names:
              {"code", "name", "level", "province", "offices", "datelines", "sources"}

            --by province adds up the regions of each province instead ("which provinces do these releases \
            come from"). Regions are listed in the order of their first mention: documents in path order \
            (input order with --jsonl), the dateline first, then offices in text order. "offices" and \
            "datelines" count every mention; "sources" lists each document once, in the same order. Places \
            without a region (unknown to the register, or a name it cannot tell apart) are not counted.

            --format csv prints RFC 4180 CSV: a header line, then one row per region with the same columns \
            and CRLF line ends; a field holding a comma, a double quote or a line break is quoted (quotes \
            doubled); sources are separated by "|".

            Exit status: 0 all inputs processed; 1 some input failed (named on stderr; the list covers the \
            others); 2 usage error.

            Examples:
              warta regions Corpus/
              warta regions --by province --format csv releases/ > provinces.csv
              warta regions --jsonl < records.jsonl
            """)

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: jsonl (one JSON object a line) or csv.")
    var format: TableFormat = .jsonl

    @Option(help: "One row per region as resolved, or per province.")
    var by: RegionCounts.Grouping = .region

    func run() throws {
        var counts = RegionCounts(by: by)
        var batch = try input.batch()
        batch.collect = { counts.add($0) }
        input.run(&batch)
        TableOutput.write(counts.rows, as: format, columns: Regions.csvColumns, json: Regions.json, fields: Regions.fields)
        if batch.failed > 0 { throw ExitCode(1) }
    }

    static func json(_ row: RegionCounts.Row) -> [UInt8] {
        var w = JSONWriter()
        w.open("{")
        w.key("code"); w.string(row.code)
        w.key("name"); w.string(row.name)
        w.key("level"); w.string(row.level)
        w.key("province"); w.string(row.province)
        w.key("offices"); w.int(row.offices)
        w.key("datelines"); w.int(row.datelines)
        w.key("sources"); w.strings(row.sources)
        w.close("}")
        return w.bytes
    }

    static let csvColumns = ["code", "name", "level", "province", "offices", "datelines", "sources"]

    /// One CSV record's fields.
    static func fields(_ row: RegionCounts.Row) -> [String] {
        [row.code, row.name, row.level, row.province, String(row.offices), String(row.datelines), row.sources.joined(separator: "|")]
    }
}

extension RegionCounts.Grouping: ExpressibleByArgument {}
