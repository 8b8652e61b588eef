#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Scoring extraction against gold annotations (`shared/dev/GUIDELINES.md`), with the same sets, matching
/// and rounding as `shared/dev/score.py`, so both print the same figures for the same output.
public enum Evaluation {
    /// The scored fields, in report order.
    public static let fields = ["dateline", "dates", "persons", "honorifics", "degrees", "positions", "offices", "decrees", "headline"]
    /// Contract version 2 fields, scored only when named (`--fields organizations,times`), as score.py scores them:
    /// an organization is its mention's text, a time its value and zone.
    public static let extraFields = ["organizations", "times"]
    static var allFields: [String] { fields + extraFields }

    /// One annotated document: what must be found, what may be found, and (for case lists) its text.
    public struct Gold: Sendable {
        /// The document id (file name without ".txt", or the case id).
        public let id: String
        /// The document text, when the gold file carries it (case lists).
        public let text: String?
        let expect: Sets
        let optional: Sets
    }

    /// A comparable item: normalized parts (nil where the annotation has null).
    typealias Item = [String?]
    typealias Sets = [String: Set<Item>]

    /// One field's counts and figures.
    public struct FieldScore: Sendable, Equatable {
        /// True positives, false positives and false negatives.
        public var tp = 0, fp = 0, fn = 0
        /// tp / (tp + fp), rounded as score.py rounds.
        public var precision: Double { rounded(tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)) }
        /// tp / (tp + fn), rounded as score.py rounds.
        public var recall: Double { rounded(tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)) }
        /// The harmonic mean of precision and recall, rounded as score.py rounds.
        public var f1: Double {
            let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            return rounded(p + r == 0 ? 0 : 2 * p * r / (p + r))
        }
    }

    /// A false positive or false negative, for `--detail`.
    public struct Miss: Sendable, Equatable {
        /// The document id.
        public let document: String
        /// The scored field ("dates", "offices"...).
        public let field: String
        /// true for a false positive, false for a false negative.
        public let falsePositive: Bool
        /// The item as compared, its parts joined by " | ".
        public let item: String
    }

    /// The result of scoring a batch.
    public struct Report: Sendable {
        /// Fields with at least one item on either side, in `fields` order (then `extraFields`).
        public let scores: [(field: String, score: FieldScore)]
        /// The mean of the fields' F1, rounded as score.py rounds.
        public let meanF1: Double
        /// Gold documents with no prediction.
        public let missing: [String]
        /// Every false positive and false negative, for --detail.
        public let misses: [Miss]
    }

    // MARK: reading gold

    /// Reads a folder of `ID.json` files or one JSON list of cases (each with "id", "expect" and maybe "text").
    public static func loadGold(_ files: [(name: String, bytes: [UInt8])]) throws -> [Gold] {
        var gold: [Gold] = []
        for file in files {
            let value: JSONValue
            do { value = try JSONDecoder().decode(JSONValue.self, from: Data(file.bytes)) } catch {
                throw EvaluationError(message: "\(file.name): not valid JSON")
            }
            if let list = value.array {
                for item in list { gold.append(try parseGold(item, fallbackID: nil, file: file.name)) }
            } else {
                let base = file.name.split(separator: "/").last.map(String.init) ?? file.name
                gold.append(try parseGold(value, fallbackID: base.hasSuffix(".json") ? String(base.dropLast(5)) : base, file: file.name))
            }
        }
        return gold
    }

    private static func parseGold(_ value: JSONValue, fallbackID: String?, file: String) throws -> Gold {
        guard value.object != nil, let id = value["id"]?.string ?? fallbackID else {
            throw EvaluationError(message: "\(file): a gold item must be an object with an \"id\"")
        }
        return Gold(id: id, text: value["text"]?.string, expect: sets(annotation: value["expect"]), optional: sets(annotation: value["optional"]))
    }

    // MARK: comparable sets (score.py's gold_sets and pred_sets)

    static func norm(_ s: String?) -> String? {
        guard let s else { return nil }
        var out = ""
        var space = false
        // NFC first, as score.py normalizes before comparing.
        for scalar in (NFC.normalized(s) ?? s).lowercased().unicodeScalars {
            let separator = ".,’'`\"".unicodeScalars.contains(scalar) || scalar.properties.isWhitespace
            if separator { space = true; continue }
            if space, !out.isEmpty { out += " " }
            space = false
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    static func normClass(_ c: String?) -> String? {
        guard let c else { return nil }
        return c.filter { !$0.isWhitespace }.uppercased().replacing("KHUSUS", with: " KHUSUS")
    }

    private static func sets(annotation: JSONValue?) -> Sets {
        var s: Sets = Dictionary(uniqueKeysWithValues: allFields.map { ($0, Set<Item>()) })
        guard let e = annotation, e.object != nil else { return s }
        if let dl = e["dateline"], dl.object != nil {
            s["dateline"]!.insert([norm(dl["place"]?.pythonString), dl["date"]?.pythonString])
        }
        for d in e["dates"]?.array ?? [] { s["dates"]!.insert([d.pythonString ?? "None"]) }
        for p in e["persons"]?.array ?? [] { s["persons"]!.insert([norm(p.pythonString)]) }
        for field in ["honorifics", "degrees"] {
            for (name, items) in e[field]?.object ?? [:] {
                for item in items.array ?? [] { s[field]!.insert([norm(name), norm(item.pythonString)]) }
            }
        }
        for p in e["positions"]?.array ?? [] {
            let a = p.array ?? []
            let holder = a.count > 1 ? a[1].pythonString : nil
            s["positions"]!.insert([a.first?.pythonString, holder.flatMap { $0.isEmpty ? nil : norm($0) }])
        }
        for o in e["offices"]?.array ?? [] {
            let a = o.array ?? []
            func at(_ i: Int) -> JSONValue? { i < a.count ? a[i] : nil }
            s["offices"]!.insert([norm(at(0)?.pythonString), normClass(at(1)?.pythonString), norm(at(2)?.pythonString), at(3)?.pythonString])
        }
        for d in e["decrees"]?.array ?? [] {
            let a = d.array ?? []
            func at(_ i: Int) -> JSONValue? { i < a.count ? a[i] : nil }
            let number = (at(1)?.pythonString ?? "None").filter { !$0.isWhitespace }.uppercased()
            s["decrees"]!.insert([norm(at(0)?.pythonString), number, at(2)?.pythonString])
        }
        if let h = e["headline"]?.pythonString, !h.isEmpty { s["headline"]!.insert([norm(h)]) }
        for o in e["organizations"]?.array ?? [] {
            if let text = o.pythonString, !text.isEmpty { s["organizations"]!.insert([norm(text)]) }
        }
        for t in e["times"]?.array ?? [] {
            let a = t.array ?? []
            s["times"]!.insert([a.first?.pythonString, a.count > 1 ? a[1].pythonString : nil])
        }
        return s
    }

    /// The sets of a prediction, built the way score.py's `pred_sets` reads Warta's JSON.
    static func sets(document d: Document) -> Sets {
        var s: Sets = Dictionary(uniqueKeysWithValues: allFields.map { ($0, Set<Item>()) })
        if let dl = d.dateline { s["dateline"]!.insert([norm(dl.place), dl.date]) }
        for date in d.dates where !date.value.isEmpty { s["dates"]!.insert([date.value]) }
        for p in d.persons where !p.name.isEmpty {
            s["persons"]!.insert([norm(p.name)])
            for h in p.honorifics { s["honorifics"]!.insert([norm(p.name), norm(h)]) }
            for g in p.degrees { s["degrees"]!.insert([norm(p.name), norm(g)]) }
        }
        for t in d.titles where t.kind == .position {
            s["positions"]!.insert([t.span.text, t.holder.flatMap { $0.isEmpty ? nil : norm($0) }])
        }
        for o in d.offices {
            s["offices"]!.insert([norm(o.type), normClass(o.officeClass), norm(o.location), o.tpi.map { $0 ? "True" : "False" }])
        }
        for x in d.decrees {
            s["decrees"]!.insert([norm(x.type), x.number.filter { !$0.isWhitespace }.uppercased(), x.year.map(String.init)])
        }
        if let h = d.headline, !h.span.text.isEmpty { s["headline"]!.insert([norm(h.span.text)]) }
        for o in d.organizations where !o.span.text.isEmpty { s["organizations"]!.insert([norm(o.span.text)]) }
        for t in d.times { s["times"]!.insert([t.value, t.zone]) }
        return s
    }

    // MARK: scoring

    /// Scores `predictions` (by document id) against `gold` over `fields`.
    public static func score(gold: [Gold], predictions: [String: Document], fields selected: [String] = fields) -> Report {
        var totals: [String: FieldScore] = [:]
        var misses: [Miss] = []
        for g in gold.sorted(by: { $0.id < $1.id }) {
            let predicted = predictions[g.id].map(sets(document:)) ?? sets(annotation: nil)
            for field in allFields where selected.contains(field) {
                let pred = predicted[field]!, expect = g.expect[field]!, optional = g.optional[field]!
                var t = totals[field] ?? FieldScore()
                func miss(_ item: Item, _ fp: Bool) {
                    misses.append(Miss(document: g.id, field: field, falsePositive: fp, item: describe(item)))
                }
                if field == "positions" {
                    var matched: Set<Item> = []
                    for p in pred.sorted(by: order) {
                        if let hit = expect.sorted(by: order).first(where: { !matched.contains($0) && positionMatch(p, $0) }) {
                            matched.insert(hit); t.tp += 1
                        } else if !optional.contains(where: { positionMatch(p, $0) }) {
                            t.fp += 1; miss(p, true)
                        }
                    }
                    for e in expect.subtracting(matched).sorted(by: order) { t.fn += 1; miss(e, false) }
                } else {
                    for p in pred.sorted(by: order) {
                        if expect.contains(p) { t.tp += 1 } else if !optional.contains(p) { t.fp += 1; miss(p, true) }
                    }
                    for e in expect.subtracting(pred).sorted(by: order) { t.fn += 1; miss(e, false) }
                }
                totals[field] = t
            }
        }
        let scores = allFields.compactMap { f -> (String, FieldScore)? in
            guard let t = totals[f], t.tp + t.fp + t.fn > 0 else { return nil }
            return (f, t)
        }
        let mean = rounded(scores.map(\.1.f1).reduce(0, +) / Double(max(scores.count, 1)))
        let missing = gold.map(\.id).filter { predictions[$0] == nil }
        return Report(scores: scores, meanF1: mean, missing: missing, misses: misses)
    }

    private static func order(_ a: Item, _ b: Item) -> Bool {
        a.map { $0 ?? "\u{0}" }.lexicographicallyPrecedes(b.map { $0 ?? "\u{0}" })
    }

    private static func tokens(_ s: String?) -> Set<Substring> {
        guard let n = norm(s), !n.isEmpty else { return [] }
        return Set(n.split(separator: " "))
    }

    /// score.py's loose position match: same holder, and token overlap >= 0.6 of the smaller title and
    /// >= 0.4 of the larger.
    static func positionMatch(_ p: Item, _ g: Item) -> Bool {
        guard p[1] == g[1] else { return false }
        let a = tokens(p[0]), b = tokens(g[0])
        guard !a.isEmpty, !b.isEmpty else { return false }
        let common = Double(a.intersection(b).count)
        return common / Double(min(a.count, b.count)) >= 0.6 && common / Double(max(a.count, b.count)) >= 0.4
    }

    private static func describe(_ item: Item) -> String { item.map { $0 ?? "null" }.joined(separator: " | ") }

    /// Python's `round(x, 3)`: the exact binary value rounded half-to-even at the third decimal.
    static func rounded(_ x: Double) -> Double {
        guard x.isFinite, x > 0, x < 1e6 else { return x }
        let significand = UInt128(x.significandBitPattern | (x.isNormal ? 1 << 52 : 0))
        let shift = 52 - Int(x.exponent)  // x == significand / 2^shift
        guard shift > 0, shift < 120 else { return x }
        let scaled = significand * 1000
        var q = scaled >> shift
        let rem = scaled & ((UInt128(1) << shift) - 1)
        let half = UInt128(1) << (shift - 1)
        if rem > half || (rem == half && q & 1 == 1) { q += 1 }
        return Double(q) / 1000
    }
}

/// Gold annotations that cannot be read.
public struct EvaluationError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, naming the file.
    public let message: String
    /// The message.
    public var description: String { message }
}
