/// The official register of regions (Kepmendagri codes): every province, regency, city and district with
/// the forms the press writes for it, and the lookup of the longest register name written at a token.
///
/// Built from three lexicons: `regions.txt` (generated from the register by `scripts/generate-regions`:
/// code, register name, derived forms such as "Kab. Malang" and "Malang"), `provinces.txt` (the press's
/// province forms: "Jatim", "DIY") and `region-forms.txt` (other short forms and older spellings: "Jaksel",
/// "Jogja"). A written form is compared by its letters and digits only, lowercased, so a name matches
/// however its words are joined or split: "Tanjung Pandan" and "Tanjungpandan", "Bau-Bau" and "Baubau",
/// "Kab. Malang" and "KAB MALANG".
///
/// The tables are compact and sorted (a hash per written form, binary-searched), built on first use by
/// `RegionStore`, so start-up does not pay for the register.
struct Register: Sendable {
    /// A level of the register, as the contract writes it.
    enum Level: String, Sendable {
        case province = "provinsi"
        case regencyOrCity = "kabupaten-kota"
        case district = "kecamatan"
    }

    /// One unit of the register. Its code and name stay bytes of the register file until a region is
    /// written out (`region(_:)`): building the register makes no string per unit.
    struct Unit: Sendable {
        /// Byte ranges of the code and the name in `Register.bytes`.
        let code: Range<Int32>
        let name: Range<Int32>
        let level: Level
        /// Index of the unit that holds it (the regency of a district, the province of a regency), or -1.
        let parent: Int32
        /// Index of its province (itself for a province).
        let province: Int32
        /// A city ("Kota ..."), as opposed to a regency.
        let isCity: Bool
    }

    let units: [Unit]
    /// The text of `regions.txt`, which the units point into.
    private let bytes: [UInt8]
    /// Every written form as one number, ascending: its key's top 44 bits, then the index of the unit it
    /// names (20 bits). A form naming several units ("Malang": the regency and the city) has one entry per
    /// unit, side by side. One sorted array of integers is what makes building the register cheap.
    private let entries: [UInt64]
    private static let unitBits = 20
    /// The most letters and digits of any written form: a lookup reads no further.
    private let longestKey: Int

    /// The register from the `regions`, `provinces` and `region-forms` lexicons of `models`.
    init(models: Models) throws(ModelError) {
        func file(_ name: String) throws(ModelError) -> (spec: LexiconSpec, text: String, location: String) {
            guard let spec = Catalog.spec(forFile: name + ".txt") else { preconditionFailure("no lexicon named \(name) in Catalog") }
            let location = models.origin == "built-in" ? "Models/\(spec.file)" : "\(models.origin)/\(spec.file)"
            guard let text = models.files[spec.file] else {
                throw ModelError(file: location, line: nil, message: "missing lexicon file")
            }
            return (spec, text, location)
        }
        let regions = try file("regions")
        let bytes = Array(regions.text.utf8)
        var units: [Unit] = []
        var entries: [UInt64] = []
        var longest = 0
        try Register.parseRegions(bytes, location: regions.location, units: &units, entries: &entries, longest: &longest)
        guard units.count < 1 << Register.unitBits else {
            throw ModelError(file: regions.location, line: nil, message: "more than \((1 << Register.unitBits) - 1) units")
        }
        self.bytes = bytes
        self.units = units

        // Written forms of the press: "Jatim" (a province, by its name) and "Jaksel" (by name or by code).
        var namesAbove: [String: Int32] = [:]
        for (i, unit) in units.enumerated() where unit.level != .district {
            let name = String(decoding: bytes[Int(unit.name.lowerBound)..<Int(unit.name.upperBound)], as: UTF8.self)
            // Names of provinces, regencies and cities are unique; -1 marks one that is not.
            namesAbove[name] = namesAbove[name] == nil ? Int32(i) : -1
        }
        for name in ["provinces", "region-forms"] {
            let forms = try file(name)
            for entry in try Lexicons.parse(forms.text, spec: forms.spec, location: forms.location) {
                let target = entry.fields[0]
                var found: Int32? = nil
                if Catalog.isRegionCode(target) {
                    found = Register.index(ofCode: Array(target.utf8), in: units, bytes).map(Int32.init)
                } else if let i = namesAbove[target], i >= 0, name == "region-forms" || units[Int(i)].level == .province {
                    found = i
                }
                guard let unit = found, let key = Register.key(entry.text) else {
                    throw ModelError(file: forms.location, line: entry.line,
                                     message: name == "provinces"
                                         ? "'\(target)' is not a province of the register (regions.txt)"
                                         : "'\(target)' is neither a code of the register nor the name of one of its provinces, regencies or cities")
                }
                entries.append(Register.entry(key.hash, unit))
                longest = max(longest, key.length)
            }
        }
        entries.sort()
        var unique: [UInt64] = []
        unique.reserveCapacity(entries.count)
        for (k, entry) in entries.enumerated() where k == 0 || entries[k - 1] != entry { unique.append(entry) }
        self.entries = unique
        longestKey = longest
    }

    /// Reads `regions.txt` (the conventions of every lexicon: TAB-separated fields, "#" comments, LF or
    /// CRLF) straight from its bytes: a unit a line, each written form's key. No allocation per line: this
    /// is most of the cost of building the register.
    private static func parseRegions(_ text: [UInt8], location: String, units: inout [Unit],
                                     entries: inout [UInt64], longest: inout Int) throws(ModelError) {
        units.reserveCapacity(text.count / 24)
        entries.reserveCapacity(text.count / 12)
        let failure: ModelError? = text.withUnsafeBufferPointer { bytes -> ModelError? in
            func string(_ r: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[r]), as: UTF8.self) }
            func same(_ a: Range<Int>, _ b: Range<Int>) -> Bool { a.count == b.count && zip(a, b).allSatisfy { bytes[$0] == bytes[$1] } }
            func before(_ a: Range<Int>, _ b: Range<Int>) -> Bool {
                UnsafeBufferPointer(rebasing: bytes[a]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: bytes[b]))
            }
            // The last unit seen at each level: codes come parent first, so a unit's parent is the last one
            // seen a level up.
            var lastAt: (Int32, Int32) = (-1, -1)
            var previousCode = 0..<0
            var lineNumber = 0, start = 0
            while start < bytes.count {
                // One pass over the line: its end, its first two TABs, and where a comment starts (a '#' at
                // the start or after a space or tab).
                var end = start, stop = -1, tabs = 0, firstTab = 0, secondTab = 0
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D {
                    let byte = bytes[end]
                    if byte == 0x09, stop < 0 {
                        if tabs == 0 { firstTab = end } else if tabs == 1 { secondTab = end }
                        tabs += 1
                    } else if byte == 0x23, stop < 0, end == start || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 {
                        stop = end
                    }
                    end += 1
                }
                let next = end < bytes.count && bytes[end] == 0x0D && end + 1 < bytes.count && bytes[end + 1] == 0x0A ? end + 2 : end + 1
                lineNumber += 1
                defer { start = next }
                func fail(_ message: String) -> ModelError { ModelError(file: location, line: lineNumber, message: message) }
                if stop < 0 { stop = end }
                while stop > start, bytes[stop - 1] == 0x20 || bytes[stop - 1] == 0x09 { stop -= 1 }
                if stop == start { continue }
                // code TAB name [TAB forms] (TABs trimmed from the end are not separators)
                while tabs > 0, (tabs == 1 ? firstTab : secondTab) >= stop { tabs -= 1 }
                guard tabs == 1 || tabs == 2 else {
                    return fail("expected 2 to 3 TAB-separated field(s) (code, the register's name, other written forms), found \(tabs + 1)")
                }
                if tabs == 1 { secondTab = stop }
                let code = start..<firstTab, name = (firstTab + 1)..<secondTab
                let forms = tabs == 2 ? (secondTab + 1)..<stop : stop..<stop
                func badField(_ field: Range<Int>) -> Bool {
                    field.isEmpty || bytes[field.lowerBound] == 0x20 || bytes[field.upperBound - 1] == 0x20
                }
                if badField(code) || badField(name) || (tabs == 2 && badField(forms)) {
                    return fail("a field is empty or has spaces around it")
                }
                guard let depth = depth(ofCode: UnsafeBufferPointer(rebasing: bytes[code])) else {
                    return fail("code must be 2 digits, then up to two groups of '.' and 2 digits (\"35\", \"35.73\", \"35.73.01\"), found '\(string(code))'")
                }
                if !previousCode.isEmpty, !before(previousCode, code) {
                    return fail("code \(string(code)) is not after \(string(previousCode)): the register must be in code order")
                }
                previousCode = code
                let index = Int32(units.count)
                var parent: Int32 = -1
                if depth > 0 {
                    parent = depth == 1 ? lastAt.0 : lastAt.1
                    let parentCode = parent >= 0 ? Int(units[Int(parent)].code.lowerBound)..<Int(units[Int(parent)].code.upperBound) : 0..<0
                    guard parent >= 0, same(parentCode, code.lowerBound..<(code.lowerBound + parentCode.count)) else {
                        return fail("code \(string(code)) comes before its parent")
                    }
                }
                if depth == 0 { lastAt = (index, -1) } else if depth == 1 { lastAt.1 = index }
                let level: Level = depth == 0 ? .province : depth == 1 ? .regencyOrCity : .district
                let isCity = level == .regencyOrCity && UnsafeBufferPointer(rebasing: bytes[name]).starts(with: "Kota ".utf8)
                units.append(Unit(code: Int32(code.lowerBound)..<Int32(code.upperBound),
                                  name: Int32(name.lowerBound)..<Int32(name.upperBound), level: level, parent: parent,
                                  province: depth == 0 ? index : units[Int(parent)].province, isCity: isCity))
                // The name, then each written form of the third field, hashed in the same pass that finds
                // where each ends (ASCII; a form with other bytes is folded as a string).
                for part in 0..<2 {
                    let field = part == 0 ? name : forms
                    if field.isEmpty { continue }
                    var formStart = field.lowerBound
                    var hash = offsetBasis, length = 0, ascii = true
                    for i in field.lowerBound...field.upperBound {
                        if i < field.upperBound, bytes[i] != UInt8(ascii: "|") || part == 0 {
                            var byte = bytes[i]
                            if byte >= 0x80 { ascii = false }
                            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                            if counts(byte) {
                                feed(&hash, byte)
                                length += 1
                            }
                            continue
                        }
                        if !ascii, let folded = key(string(formStart..<i)) { (hash, length) = folded }
                        guard length > 0 else { return fail("written form '\(string(formStart..<i))' has no letter or digit") }
                        entries.append(entry(hash, index))
                        longest = max(longest, length)
                        formStart = i + 1
                        (hash, length, ascii) = (offsetBasis, 0, true)
                    }
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// 0, 1 or 2 for a well-formed code ("35", "35.73", "35.73.01"), else nil.
    static func depth(ofCode code: some Collection<UInt8>) -> Int? {
        guard (code.count + 1) % 3 == 0, code.count <= 8 else { return nil }
        for (k, byte) in code.enumerated() {
            let isDot = k % 3 == 2
            guard isDot ? byte == UInt8(ascii: ".") : (byte >= 0x30 && byte <= 0x39) else { return nil }
        }
        return code.count / 3
    }

    /// The unit with `code`, by binary search (units are in code order).
    private static func index(ofCode code: [UInt8], in units: [Unit], _ bytes: [UInt8]) -> Int? {
        func codeBytes(_ unit: Unit) -> ArraySlice<UInt8> { bytes[Int(unit.code.lowerBound)..<Int(unit.code.upperBound)] }
        let low = units.partitioningIndex { !codeBytes($0).lexicographicallyPrecedes(code) }
        return low < units.count && codeBytes(units[low]).elementsEqual(code) ? low : nil
    }

    private func range(_ r: Range<Int32>) -> Range<Int> { Int(r.lowerBound)..<Int(r.upperBound) }

    /// The register's code of unit `index` ("35.73").
    func code(_ index: Int32) -> String { String(decoding: bytes[range(units[Int(index)].code)], as: UTF8.self) }

    /// The register's name of unit `index` ("Kota Malang").
    func name(_ index: Int32) -> String { String(decoding: bytes[range(units[Int(index)].name)], as: UTF8.self) }

    /// The region value of unit `index`, as the contract writes it.
    func region(_ index: Int32) -> Region {
        let unit = units[Int(index)]
        return Region(code: code(index), name: name(index), level: unit.level.rawValue, province: name(unit.province))
    }

    /// The level of unit `index`.
    func level(_ index: Int32) -> Level { units[Int(index)].level }

    /// Whether unit `inner` lies inside unit `outer` (a district inside its regency or province).
    func isInside(_ inner: Int32, _ outer: Int32) -> Bool {
        var u = units[Int(inner)].parent
        while u >= 0 {
            if u == outer { return true }
            u = units[Int(u)].parent
        }
        return false
    }

    // MARK: Keys

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// Letters and digits count; everything else (spaces, dots, hyphens, apostrophes) is left out. Bytes
    /// of non-ASCII letters count as they come (token norms and forms are both lowercase NFC).
    @inline(__always)
    private static func counts(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A)
    }

    @inline(__always)
    private static func feed(_ hash: inout UInt64, _ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    /// The key of a written form (FNV-1a over its folded letters and digits) and how many it has; nil when
    /// it has none. (`parseRegions` computes the same for ASCII forms without making a string.)
    static func key(_ form: String) -> (hash: UInt64, length: Int)? {
        var hash = offsetBasis, length = 0
        for byte in Token.fold(form).utf8 where counts(byte) {
            feed(&hash, byte)
            length += 1
        }
        return length > 0 ? (hash, length) : nil
    }

    @inline(__always)
    private static func entry(_ hash: UInt64, _ unit: Int32) -> UInt64 {
        (hash >> unitBits) << unitBits | UInt64(unit)
    }

    /// The units that the form with key `hash` names, or nil.
    private func units(named hash: UInt64) -> ArraySlice<UInt64>? {
        let top = hash >> Register.unitBits
        let low = entries.partitioningIndex { $0 >> Register.unitBits >= top }
        var end = low
        while end < entries.count, entries[end] >> Register.unitBits == top { end += 1 }
        return end > low ? entries[low..<end] : nil
    }

    // MARK: Lookup

    /// The longest register name written from token `start` (a word or number), ending before `limit`,
    /// with every unit it may name, or nil. The name's words may be separated by spaces, or joined by a
    /// dot, hyphen or apostrophe ("Kab. Malang", "Bau-Bau"); a line break, other punctuation or a new
    /// sentence ends it. Reads at most as many letters as the longest form has, so a lookup costs a few
    /// tokens whatever follows. `accept` keeps only some units (by index; a name counts only if one of its
    /// units passes).
    func longestName(in tokens: [Token], at start: Int, before limit: Int = .max,
                     where accept: (Int32) -> Bool = { _ in true }) -> RegisterName? {
        let stop = min(limit, tokens.count)
        guard start < stop, tokens[start].kind == .word || tokens[start].kind == .number else { return nil }
        var hash = Register.offsetBasis, length = 0
        var best: RegisterName? = nil
        var i = start
        scan: while i < stop {
            let token = tokens[i]
            if i > start {
                switch token.kind {
                case .space:
                    i += 1
                    continue
                case .newline:
                    break scan
                case .punct:
                    guard token.norm == "." || token.norm == "-" || token.norm == "'" else { break scan }
                    i += 1
                    continue
                case .word, .number:
                    if token.shape.contains(.sentenceStart) { break scan }
                }
            }
            for byte in token.norm.utf8 where Register.counts(byte) {
                Register.feed(&hash, byte)
                length += 1
            }
            if length > longestKey { break }
            i += 1
            if let found = units(named: hash) {
                let units = found.map { Int32(truncatingIfNeeded: $0 & ((1 << Register.unitBits) - 1)) }.filter(accept)
                if !units.isEmpty { best = RegisterName(tokens: start..<i, units: units) }
            }
        }
        return best
    }
}

/// A register name written in a text: where it is, and every unit it may name (one for "Kabupaten Malang",
/// two for "Malang").
struct RegisterName: Sendable, Equatable {
    /// Token indices of the name.
    let tokens: Range<Int>
    /// Indices into `Register.units`, ascending.
    let units: [Int32]
}
