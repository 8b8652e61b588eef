import Synchronization

/// The register of a `Models`, built on first use: start-up does not pay for it, and a batch builds it once.
final class RegionStore: Sendable {
    /// The lexicon files the register is built from.
    static let files = ["regions.txt", "provinces.txt", "region-forms.txt"]
    /// The store of the built-in files, shared by every extractor that uses them (one per worker thread).
    static let builtIn = RegionStore(models: .builtIn, register: nil)

    private let models: Models
    private let built: Mutex<Register?>

    private init(models: Models, register: Register?) {
        self.models = models
        built = Mutex(register)
    }

    /// The store for `models`. Files edited with `--models` are built at once, so that a broken line is
    /// reported before any input is read; the built-in ones are checked by the tests and built when first needed.
    static func of(_ models: Models) throws(ModelError) -> RegionStore {
        if files.allSatisfy({ models.files[$0] == Models.builtIn.files[$0] }) { return builtIn }
        return RegionStore(models: models, register: try Register(models: models))
    }

    /// Builds the register now if it was not yet (start-up does, on a core that would wait otherwise).
    func prepare() { _ = register }

    /// The register (built now if it was not yet).
    var register: Register {
        built.withLock { register in
            if let register { return register }
            do {
                let made = try Register(models: models)
                register = made
                return made
            } catch {
                fatalError("the built-in register of regions does not load (run the tests): \(error)")
            }
        }
    }
}

/// Which of the units sharing a name a place means when the text does not say. One rule, used everywhere:
/// a town by default.
enum RegionPreference: Sendable {
    /// A town: of a regency and a city with the same name, the city ("Malang" is Kota Malang); of a
    /// province and its capital, the city ("Bengkulu" is Kota Bengkulu). Datelines and field offices.
    case town
    /// The regency of a name shared with a city: for bodies that sit at regency level (a Pemkab, a Polres,
    /// a Bupati). Otherwise as `town`.
    case regency
    /// The province of a name shared with its capital: regional offices ("Kanwil Kemenkumham Bengkulu").
    case province
}

/// Picks the unit of the register that a written place names, for one document. The text around the place
/// is read only when a name is ambiguous, once per document.
struct RegionResolver {
    let register: Register
    let tokens: [Token]
    private var context: Context? = nil
    /// The units named in the last sentence asked about (places of one sentence share it).
    private var sentenceNamed: (range: Range<Int>, named: Set<Int32>)? = nil

    /// The register names of provinces, regencies and cities written in the document (capitalized), and
    /// where its sentences start: what can tell apart units that share a name.
    private struct Context {
        var mentions: [(tokens: Range<Int>, units: [Int32])] = []
        var sentenceStarts: [Int] = []
        /// Every unit named anywhere in the document.
        var named = Set<Int32>()
    }

    init(register: Register, tokens: [Token]) {
        self.register = register
        self.tokens = tokens
    }

    /// The region named by the place written at tokens `place`, or nil when the register does not know it
    /// or cannot tell which unit it is.
    ///
    /// The place must open with a register name. A district of that unit written after it is the place
    /// ("Jakarta Tebet", "Surabaya Rungkut"); the province or regency holding it, written after it, only
    /// settles a shared name ("Banjar Kalimantan Selatan"); the name of another province, regency or city
    /// makes the place unknown ("Tanjung Balai Karimun" is in Karimun, not in Kota Tanjungbalai). Words the
    /// register does not know leave a province, regency or city as the region ("Bandung Cicadas": a part of
    /// Kota Bandung), but not a district, whose names are often those of common words or of places abroad
    /// ("Kuala Lumpur").
    mutating func region(ofPlace place: Range<Int>, prefer: RegionPreference) -> Region? {
        guard let lead = register.longestName(in: tokens, at: place.lowerBound, before: place.upperBound) else { return nil }
        var chosen = resolve(lead, prefer: prefer)
        var outer = lead.units
        var end = lead.tokens.upperBound
        var districtOnly = lead.units.allSatisfy { register.level($0) == .district }
        while let next = nextWord(from: end, before: place.upperBound) {
            guard let following = register.longestName(in: tokens, at: next, before: place.upperBound) else {
                if districtOnly { return nil }
                break
            }
            let inside = following.units.filter { u in outer.contains { register.isInside(u, $0) } }
            if !inside.isEmpty {
                chosen = resolve(RegisterName(tokens: following.tokens, units: inside), prefer: prefer)
                outer = inside
                end = following.tokens.upperBound
                districtOnly = false
                continue
            }
            let above = following.units.filter { register.level($0) != .district }
            if above.isEmpty {
                if districtOnly { return nil }
                break
            }
            // The province or regency that holds the place, written after it: it may settle a shared name.
            let within = outer.filter { o in above.contains { register.isInside(o, $0) } }
            guard !within.isEmpty else { return nil }
            if chosen.map({ !within.contains($0) }) ?? true {
                chosen = within.count == 1 ? within[0] : resolve(RegisterName(tokens: lead.tokens, units: within), prefer: prefer)
            }
            break
        }
        return chosen.map(register.region)
    }

    /// The one unit that `name` names here, or nil when the text cannot tell. In order:
    /// 1. a district only when no province, regency or city has the name;
    /// 2. a province and its capital (Bengkulu, Jambi, Gorontalo, Yogyakarta): the city, or the province
    ///    for `.province`;
    /// 3. units in different provinces (Kabupaten Banjar in Kalimantan Selatan, Kota Banjar in Jawa Barat;
    ///    districts of the same name): those inside a province (or, for districts, a regency) named in
    ///    the same sentence, else in the document; nil unless that leaves one province;
    /// 4. a regency and a city of the same name in one province (Malang, Bekasi, Bogor): the city, or the
    ///    regency for `.regency`; several districts of one province: the one inside a regency named nearby.
    mutating func resolve(_ name: RegisterName, prefer: RegionPreference) -> Int32? {
        var units = name.units
        let above = units.filter { register.level($0) != .district }
        if !above.isEmpty { units = above }
        if units.count == 1 { return units[0] }

        let provinces = units.filter { register.level($0) == .province }
        if !provinces.isEmpty, provinces.count < units.count {
            units = prefer == .province ? provinces : units.filter { register.level($0) != .province }
            if units.count == 1 { return units[0] }
        }

        if Set(units.map { register.units[Int($0)].province }).count > 1 {
            units = narrow(units, around: name.tokens)
            guard !units.isEmpty, Set(units.map { register.units[Int($0)].province }).count == 1 else { return nil }
            if units.count == 1 { return units[0] }
        }

        if units.count == 2, units.allSatisfy({ register.level($0) == .regencyOrCity }) {
            let cities = units.filter { register.units[Int($0)].isCity }
            if cities.count == 1 {
                return prefer == .regency ? units.first { !register.units[Int($0)].isCity } : cities[0]
            }
        }
        if units.allSatisfy({ register.level($0) == .district }) {
            let narrowed = narrow(units, around: name.tokens)
            if narrowed.count == 1 { return narrowed[0] }
        }
        return nil
    }

    /// The units among `units` that lie inside a unit named in the sentence holding `place`, else in the
    /// whole document; of those, the ones inside the most specific named unit (a regency over a province).
    private mutating func narrow(_ units: [Int32], around place: Range<Int>) -> [Int32] {
        if context == nil { context = makeContext() }
        let sentence = self.sentence(holding: place.lowerBound)
        if sentenceNamed?.range != sentence {
            // Mentions are in text order: the sentence's are one run of them.
            let mentions = context!.mentions
            var low = mentions.partitioningIndex { $0.tokens.lowerBound >= sentence.lowerBound }
            var named = Set<Int32>()
            while low < mentions.count, mentions[low].tokens.lowerBound < sentence.upperBound {
                named.formUnion(mentions[low].units)
                low += 1
            }
            sentenceNamed = (sentence, named)
        }
        let inSentence = supported(units, by: sentenceNamed!.named)
        return inSentence.isEmpty ? supported(units, by: context!.named) : inSentence
    }

    /// The units inside one of `named` (other than themselves), keeping those inside the most specific.
    private func supported(_ units: [Int32], by named: Set<Int32>) -> [Int32] {
        var best: [Int32] = [], bestDepth = -1
        for unit in units {
            var depth = -1
            var u = register.units[Int(unit)].parent
            while u >= 0 {
                if named.contains(u), !units.contains(u) { depth = max(depth, register.level(u) == .province ? 0 : 1) }
                u = register.units[Int(u)].parent
            }
            if depth > bestDepth {
                best = [unit]
                bestDepth = depth
            } else if depth == bestDepth, depth >= 0 {
                best.append(unit)
            }
        }
        return best
    }

    /// The tokens of the sentence that holds token `index`.
    private func sentence(holding index: Int) -> Range<Int> {
        let starts = context!.sentenceStarts
        let low = starts.partitioningIndex { $0 > index }
        return (low > 0 ? starts[low - 1] : 0)..<(low < starts.count ? starts[low] : tokens.count)
    }

    private func makeContext() -> Context {
        var context = Context()
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token.shape.contains(.sentenceStart) { context.sentenceStarts.append(i) }
            if token.kind == .word, token.shape.contains(.initialUpper),
               let name = register.longestName(in: tokens, at: i, where: { register.level($0) != .district }) {
                context.mentions.append((name.tokens, name.units))
                context.named.formUnion(name.units)
                // A name ends before a sentence start, so none is skipped.
                i = name.tokens.upperBound
                continue
            }
            i += 1
        }
        return context
    }

    /// The next word or number at or after `index`, before `limit`, past spaces only.
    private func nextWord(from index: Int, before limit: Int) -> Int? {
        var i = index
        while i < limit, tokens[i].kind == .space { i += 1 }
        return i < limit && (tokens[i].kind == .word || tokens[i].kind == .number) ? i : nil
    }
}
