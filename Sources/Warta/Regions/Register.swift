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

    /// One unit of the register.
    struct Unit: Sendable {
        let code: String
        let name: String
        let level: Level
        /// Index of the unit that holds it (the regency of a district, the province of a regency), or -1.
        let parent: Int32
        /// Index of its province (itself for a province).
        let province: Int32
        /// A city ("Kota ..."), as opposed to a regency.
        let isCity: Bool
    }

    let units: [Unit]
    /// The hash of every written form, ascending; `owners[k]` is the unit that `keys[k]` names. A form
    /// naming several units ("Malang": the regency and the city) has one entry per unit, side by side.
    private let keys: [UInt64]
    private let owners: [Int32]
    /// The most letters and digits of any written form: a lookup reads no further.
    private let longestKey: Int

    /// The register from the `regions`, `provinces` and `region-forms` lexicons of `models`.
    init(models: Models) throws(ModelError) {
        func text(_ name: String) throws(ModelError) -> (entries: [Lexicon.Entry], location: String) {
            guard let spec = Catalog.spec(forFile: name + ".txt") else { preconditionFailure("no lexicon named \(name) in Catalog") }
            let location = models.origin == "built-in" ? "Models/\(spec.file)" : "\(models.origin)/\(spec.file)"
            guard let text = models.files[spec.file] else {
                throw ModelError(file: location, line: nil, message: "missing lexicon file")
            }
            return (try Lexicons.parse(text, spec: spec, location: location), location)
        }
        let regions = try text("regions")
        var units: [Unit] = []
        units.reserveCapacity(regions.entries.count)
        var pairs: [(key: UInt64, unit: Int32)] = []
        pairs.reserveCapacity(regions.entries.count * 2)
        // The last unit seen at each level: codes come parent first, so a unit's parent is the last one
        // seen a level up.
        var lastAt: [Int32] = [-1, -1, -1]
        var namesAbove: [String: Int32] = [:]
        var longest = 0
        for entry in regions.entries {
            func fail(_ message: String) -> ModelError { ModelError(file: regions.location, line: entry.line, message: message) }
            let code = entry.text
            let depth = code.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: ".") ? 1 : 0) }
            let level: Level = depth == 0 ? .province : depth == 1 ? .regencyOrCity : .district
            let index = Int32(units.count)
            if let previous = units.last, !(previous.code < code) {
                throw fail("code \(code) is not after \(previous.code): the register must be in code order")
            }
            var parent: Int32 = -1
            if depth > 0 {
                parent = lastAt[depth - 1]
                guard parent >= 0, code.hasPrefix(units[Int(parent)].code + ".") else { throw fail("code \(code) comes before its parent") }
            }
            lastAt[depth] = index
            let province = depth == 0 ? index : units[Int(parent)].province
            let name = entry.fields[0]
            units.append(Unit(code: code, name: name, level: level, parent: parent, province: province,
                              isCity: level == .regencyOrCity && name.hasPrefix("Kota ")))
            // Names of provinces, regencies and cities are unique; -1 marks one that is not.
            if level != .district { namesAbove[name] = namesAbove[name] == nil ? index : -1 }
            for form in [name] + (entry.fields.count > 1 ? entry.fields[1].split(separator: "|").map(String.init) : []) {
                guard let key = Register.key(form) else { throw fail("written form '\(form)' has no letter or digit") }
                pairs.append((key.hash, index))
                longest = max(longest, key.length)
            }
        }

        // Written forms of the press: "Jatim" (a province, by its name) and "Jaksel" (by name or by code).
        for file in ["provinces", "region-forms"] {
            let forms = try text(file)
            for entry in forms.entries {
                let target = entry.fields[0]
                var found: Int32? = nil
                if target.first?.isNumber ?? false {
                    found = Register.index(ofCode: target, in: units).map(Int32.init)
                } else if let i = namesAbove[target], i >= 0, file == "region-forms" || units[Int(i)].level == .province {
                    found = i
                }
                guard let unit = found, let key = Register.key(entry.text) else {
                    throw ModelError(file: forms.location, line: entry.line,
                                     message: file == "provinces"
                                         ? "'\(target)' is not a province of the register (regions.txt)"
                                         : "'\(target)' is neither a code of the register nor the name of one of its provinces, regencies or cities")
                }
                pairs.append((key.hash, unit))
                longest = max(longest, key.length)
            }
        }
        pairs.sort { $0.key != $1.key ? $0.key < $1.key : $0.unit < $1.unit }
        var keys: [UInt64] = [], owners: [Int32] = []
        keys.reserveCapacity(pairs.count)
        owners.reserveCapacity(pairs.count)
        for (k, pair) in pairs.enumerated() where k == 0 || pairs[k - 1] != pair {
            keys.append(pair.key)
            owners.append(pair.unit)
        }
        self.units = units
        self.keys = keys
        self.owners = owners
        longestKey = longest
    }

    private static func index(ofCode code: String, in units: [Unit]) -> Int? {
        var low = 0, high = units.count
        while low < high {
            let mid = (low + high) / 2
            if units[mid].code < code { low = mid + 1 } else { high = mid }
        }
        return low < units.count && units[low].code == code ? low : nil
    }

    /// The region value of unit `index`, as the contract writes it.
    func region(_ index: Int32) -> Region {
        let unit = units[Int(index)]
        return Region(code: unit.code, name: unit.name, level: unit.level.rawValue, province: units[Int(unit.province)].name)
    }

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
    /// it has none.
    static func key(_ form: String) -> (hash: UInt64, length: Int)? {
        var hash = offsetBasis, length = 0
        for byte in Token.fold(form).utf8 where counts(byte) {
            feed(&hash, byte)
            length += 1
        }
        return length > 0 ? (hash, length) : nil
    }

    /// The entries of `keys` equal to `key`.
    private func owners(of key: UInt64) -> Range<Int>? {
        var low = 0, high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid] < key { low = mid + 1 } else { high = mid }
        }
        guard low < keys.count, keys[low] == key else { return nil }
        var end = low + 1
        while end < keys.count, keys[end] == key { end += 1 }
        return low..<end
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
            if let range = owners(of: hash) {
                let units = owners[range].filter(accept)
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
