/// Writes documents as the contract's JSON: exactly its keys, in its order, with deterministic bytes.
/// Hand-written because `JSONEncoder` on Linux neither keeps key order nor leaves "/" unescaped.
public struct JSONWriter {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    /// Per open object or array: whether it has no member yet.
    private var empty: [Bool] = []

    /// A writer of compact JSON, or indented JSON when `pretty`.
    public init(pretty: Bool = false) { self.pretty = pretty }

    /// One document as one JSON value (on one line unless pretty), without a trailing newline.
    public static func encode(_ document: Document, pretty: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: pretty)
        writer.write(document)
        return writer.bytes
    }

    /// Appends one document.
    public mutating func write(_ d: Document) {
        open("{")
        key("source"); string(d.source)
        key("dateline")
        if let x = d.dateline {
            open("{"); span(x.span); key("place"); string(x.place); key("date"); string(x.date); key("region"); region(x.region); close("}")
        } else { null() }
        key("headline")
        if let x = d.headline { open("{"); span(x.span); close("}") } else { null() }
        key("dates"); open("[")
        for x in d.dates {
            item(); open("{"); span(x.span); key("value"); string(x.value); key("grain"); string(x.grain.rawValue); close("}")
        }
        close("]")
        key("persons"); open("[")
        for p in d.persons {
            item(); open("{")
            key("name"); string(p.name)
            key("honorifics"); strings(p.honorifics)
            key("degrees"); strings(p.degrees)
            key("positions"); strings(p.positions)
            key("mentions"); open("[")
            for m in p.mentions { item(); open("{"); span(m); close("}") }
            close("]")
            close("}")
        }
        close("]")
        key("titles"); open("[")
        for x in d.titles {
            item(); open("{"); span(x.span); key("kind"); string(x.kind.rawValue); key("holder"); string(x.holder); close("}")
        }
        close("]")
        key("offices"); open("[")
        for x in d.offices {
            item(); open("{"); span(x.span)
            key("type"); string(x.type)
            key("class"); string(x.officeClass)
            key("location"); string(x.location)
            key("tpi"); if let t = x.tpi { raw(t ? "true" : "false") } else { null() }
            key("region"); region(x.region)
            close("}")
        }
        close("]")
        key("decrees"); open("[")
        for x in d.decrees {
            item(); open("{"); span(x.span)
            key("type"); string(x.type)
            key("issuer"); string(x.issuer)
            key("number"); string(x.number)
            key("year"); if let y = x.year { raw(String(y)) } else { null() }
            key("subject"); string(x.subject)
            key("articles"); open("[")
            for a in x.articles {
                item(); open("{"); key("article"); string(a.article); key("paragraph"); string(a.paragraph); key("letter"); string(a.letter); close("}")
            }
            close("]")
            close("}")
        }
        close("]")
        key("organizations"); open("[")
        for x in d.organizations {
            item(); open("{"); span(x.span)
            key("name"); string(x.name); key("short"); string(x.short); key("kind"); string(x.kind.rawValue); key("parent"); string(x.parent)
            close("}")
        }
        close("]")
        key("times"); open("[")
        for x in d.times {
            item(); open("{"); span(x.span); key("value"); string(x.value); key("zone"); string(x.zone); key("date"); string(x.date); close("}")
        }
        close("]")
        close("}")
    }

    /// Writes a region object, or null.
    public mutating func region(_ r: Region?) {
        guard let r else { return null() }
        open("{"); key("code"); string(r.code); key("name"); string(r.name); key("level"); string(r.level); key("province"); string(r.province); close("}")
    }

    // MARK: building blocks, public so that other commands write the same bytes

    /// Opens an object ("{") or an array ("[").
    public mutating func open(_ bracket: Character) {
        bytes.append(bracket == "{" ? UInt8(ascii: "{") : UInt8(ascii: "["))
        empty.append(true)
    }

    /// Closes the innermost object ("}") or array ("]").
    public mutating func close(_ bracket: Character) {
        let wasEmpty = empty.removeLast()
        if !wasEmpty { newline() }
        bytes.append(bracket == "}" ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// Starts an object member; the value follows.
    public mutating func key(_ name: String) {
        item()
        string(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
    }

    /// Starts an array element (or object member): the separating comma and, when pretty, the indent.
    public mutating func item() {
        if empty.last == false { bytes.append(UInt8(ascii: ",")) }
        if !empty.isEmpty { empty[empty.count - 1] = false }
        newline()
    }

    /// Writes the "text", "start" and "end" members of a span.
    public mutating func span(_ s: Span) {
        key("text"); string(s.text)
        key("start"); raw(String(s.start))
        key("end"); raw(String(s.end))
    }

    /// Writes an array of strings.
    public mutating func strings(_ items: [String]) {
        open("[")
        for s in items { item(); string(s) }
        close("]")
    }

    /// Writes `text` as it is (a number or a literal).
    public mutating func raw(_ text: String) { bytes.append(contentsOf: text.utf8) }
    /// Writes null.
    public mutating func null() { raw("null") }
    /// Writes an integer.
    public mutating func int(_ n: Int) { raw(String(n)) }
    /// Writes true or false.
    public mutating func bool(_ b: Bool) { raw(b ? "true" : "false") }

    /// Writes a JSON string with the escapes JSON requires (or null for nil).
    public mutating func string(_ text: String?) {
        guard var text else { return null() }
        bytes.append(UInt8(ascii: "\""))
        // The runs between escapes are copied whole: appending byte by byte cost a uniqueness check per byte.
        text.withUTF8 { utf8 in
            var run = 0
            for i in 0..<utf8.count where utf8[i] < 0x20 || utf8[i] == UInt8(ascii: "\"") || utf8[i] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                switch utf8[i] {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [92, 34])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [92, 92])
                case 0x0A: bytes.append(contentsOf: [92, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [92, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [92, UInt8(ascii: "t")])
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(utf8[i] >> 4)], hex[Int(utf8[i] & 15)]])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func newline() {
        guard pretty else { return }
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: empty.count * 2))
    }
}
