import ArgumentParser

/// The output format of the batch views (`warta decrees`, `warta regions`).
enum TableFormat: String, ExpressibleByArgument, CaseIterable {
    case jsonl, csv
}

/// Writes the rows of a batch view: one JSON object a line, or RFC 4180 CSV (a header line, CRLF line ends, a
/// field quoted when it holds a comma, quote or line break).
enum TableOutput {
    static func write<Row>(_ rows: [Row], as format: TableFormat, columns: [String], json: (Row) -> [UInt8],
                           fields: (Row) -> [String]) {
        switch format {
        case .jsonl:
            for row in rows { Console.out(json(row) + [0x0A]) }
        case .csv:
            Console.out(Array((columns.joined(separator: ",") + "\r\n").utf8))
            for row in rows { Console.out(Array(csv(fields(row)).utf8)) }
        }
        Console.flush()
    }

    /// One CSV record.
    static func csv(_ fields: [String]) -> String { fields.map(csvField).joined(separator: ",") + "\r\n" }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var quoted = "\""
        for ch in text { quoted += ch == "\"" ? "\"\"" : String(ch) }
        return quoted + "\""
    }
}
