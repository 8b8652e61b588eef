/// Self-contained HTML pages for reviewing what Warta found: the text with every extracted span highlighted
/// by field, the structured result beside it, and each span's rule and values on hover or click.
/// No external scripts, styles or fonts, so a page opens offline.
public enum ReviewPage {
    /// One highlighted item.
    struct Item {
        let field: String
        let rule: String
        let span: Span
        let values: [(String, String)]
    }

    /// The items of an analysis, in the order of the contract's fields.
    static func items(_ analysis: Analysis) -> [Item] {
        let d = analysis.document
        var items: [Item] = []
        func ruleOf(_ field: String, covering span: Span) -> String {
            analysis.traces.first { $0.field == field && $0.span.start <= span.start && span.end <= $0.span.end }?.rule ?? "-"
        }
        func region(_ r: Region?) -> String { r.map { "\($0.code) \($0.name) (\($0.level), \($0.province))" } ?? "null" }
        if let x = d.dateline {
            items.append(Item(field: "dateline", rule: x.rule, span: x.span,
                              values: [("place", x.place ?? "null"), ("date", x.date ?? "null"), ("region", region(x.region))]))
        }
        if let x = d.headline { items.append(Item(field: "headline", rule: x.rule, span: x.span, values: [])) }
        for x in d.dates { items.append(Item(field: "dates", rule: x.rule, span: x.span, values: [("value", x.value), ("grain", x.grain.rawValue)])) }
        for p in d.persons {
            for m in p.mentions {
                items.append(Item(field: "persons", rule: ruleOf("persons", covering: m), span: m, values: [
                    ("name", p.name), ("honorifics", p.honorifics.joined(separator: ", ")),
                    ("degrees", p.degrees.joined(separator: ", ")), ("positions", p.positions.joined(separator: "; ")),
                ]))
            }
        }
        for x in d.titles { items.append(Item(field: "titles", rule: x.rule, span: x.span, values: [("kind", x.kind.rawValue), ("holder", x.holder ?? "null")])) }
        for x in d.offices {
            items.append(Item(field: "offices", rule: x.rule, span: x.span, values: [
                ("type", x.type), ("class", x.officeClass ?? "null"), ("location", x.location ?? "null"),
                ("tpi", x.tpi.map { $0 ? "true" : "false" } ?? "null"), ("region", region(x.region)),
            ]))
        }
        for x in d.decrees {
            items.append(Item(field: "decrees", rule: x.rule, span: x.span, values: [
                ("type", x.type), ("issuer", x.issuer ?? "null"), ("number", x.number),
                ("year", x.year.map(String.init) ?? "null"), ("subject", x.subject ?? "null"),
                ("articles", x.articles.isEmpty ? "[]" : ArticleRun(articles: x.articles).summary),
            ]))
        }
        for x in d.organizations {
            items.append(Item(field: "organizations", rule: x.rule, span: x.span, values: [
                ("name", x.name), ("short", x.short ?? "null"), ("kind", x.kind.rawValue), ("parent", x.parent ?? "null"),
            ]))
        }
        for x in d.times {
            items.append(Item(field: "times", rule: x.rule, span: x.span, values: [
                ("value", x.value), ("zone", x.zone ?? "null"), ("date", x.date ?? "null"),
            ]))
        }
        return items
    }

    /// The review page of one document.
    public static func page(_ analysis: Analysis, title: String? = nil, indexLink: String? = nil) -> String {
        let items = items(analysis)
        let text = Array(analysis.text.text.unicodeScalars)
        var boundaries = Set([0, text.count])
        for item in items { boundaries.insert(item.span.start); boundaries.insert(item.span.end) }
        let cuts = boundaries.sorted()

        var body = ""
        for (a, b) in zip(cuts, cuts.dropFirst()) where a < b {
            var segment = String.UnicodeScalarView()
            segment.append(contentsOf: text[a..<b])
            let covering = items.indices.filter { items[$0].span.start <= a && b <= items[$0].span.end }
            guard let innermost = covering.min(by: { items[$0].span.end - items[$0].span.start < items[$1].span.end - items[$1].span.start }) else {
                body += escape(String(segment))
                continue
            }
            let fields = Array(Set(covering.map { items[$0].field })).sorted()
            let tip = covering.map { "\(items[$0].field): \(items[$0].rule)" }.joined(separator: "\n")
            body += "<mark class=\"m f-\(items[innermost].field)\(fields.count > 1 ? " multi" : "")\" data-items=\"\(covering.map(String.init).joined(separator: ","))\" data-start=\"\(a)\" data-end=\"\(b)\" title=\"\(escape(tip))\">\(escape(String(segment)))</mark>"
        }

        var data = "["
        for (i, item) in items.enumerated() {
            if i > 0 { data += "," }
            var w = JSONWriter()
            w.open("{")
            w.key("field"); w.string(item.field)
            w.key("rule"); w.string(item.rule)
            w.key("text"); w.string(item.span.text)
            w.key("start"); w.int(item.span.start)
            w.key("end"); w.int(item.span.end)
            w.key("values"); w.open("{")
            for (k, v) in item.values { w.key(k); w.string(v) }
            w.close("}")
            w.close("}")
            data += String(decoding: w.bytes, as: UTF8.self)
        }
        data += "]"

        var result = ""
        for field in ["dateline", "headline", "dates", "persons", "titles", "offices", "decrees", "organizations", "times"] {
            let ofField = items.indices.filter { items[$0].field == field }
            result += "<section><h2 class=\"f-\(field)\">\(field) <small>\(ofField.count)</small></h2><ol>"
            for i in ofField {
                let item = items[i]
                let values = item.values.filter { !$0.1.isEmpty }.map { "<span class=\"k\">\(escape($0.0))</span> \(escape($0.1))" }.joined(separator: " · ")
                result += "<li data-item=\"\(i)\"><q>\(escape(item.span.text))</q> <span class=\"rule\">\(escape(item.rule))</span><br>\(values)</li>"
            }
            result += "</ol></section>"
        }

        let heading = escape(title ?? analysis.document.source)
        let back = indexLink.map { "<a href=\"\(escape($0))\">all documents</a> · " } ?? ""
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>\(heading) · Warta review</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>\(style)</style></head>
            <body>
            <header><h1>\(heading)</h1><p>\(back)\(items.count) items · click a highlight or an item for its rule and values</p></header>
            <main><article id="text">\(body)</article><aside><div id="details">Click a highlighted span.</div>\(result)</aside></main>
            <script id="items" type="application/json">\(data.replacing("</", with: "<\\/"))</script>
            <script>\(script)</script>
            </body></html>

            """
    }

    /// The index page of a batch: one row per document with its counts and a link to its page.
    public static func index(_ rows: [(link: String, source: String, document: Document)]) -> String {
        var table = ""
        for row in rows {
            let d = row.document
            let cells = [d.dateline == nil ? 0 : 1, d.dates.count, d.persons.count, d.titles.count, d.offices.count, d.decrees.count]
            table += "<tr><td><a href=\"\(escape(row.link))\">\(escape(row.source))</a></td>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="id"><head><meta charset="utf-8"><title>Warta review</title><style>\(style)</style></head>
            <body><header><h1>Warta review</h1><p>\(rows.count) documents</p></header>
            <table class="index"><thead><tr><th>document</th><th>dateline</th><th>dates</th><th>persons</th><th>titles</th><th>offices</th><th>decrees</th></tr></thead>
            <tbody>\(table)</tbody></table>
            <script>document.body.dataset.check = "ok:index";</script>
            </body></html>

            """
    }

    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static let style = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
        header{padding:12px 24px;background:#fff;border-bottom:1px solid #ddd}h1{font-size:18px;margin:0}
        header p{margin:4px 0 0;color:#666;font-size:13px}
        main{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px;padding:24px}
        #text{white-space:pre-wrap;background:#fff;padding:20px;border:1px solid #ddd;border-radius:6px;font-size:16px;line-height:1.8}
        aside{font-size:13px}aside section{background:#fff;border:1px solid #ddd;border-radius:6px;margin-bottom:12px;padding:8px 12px}
        aside h2{font-size:14px;margin:0 0 4px;padding:2px 6px;border-radius:4px;display:inline-block}
        aside ol{margin:4px 0;padding-left:20px}aside li{cursor:pointer;margin:2px 0}aside li:hover{background:#f0f0f0}
        .rule{font-family:ui-monospace,monospace;color:#555;font-size:12px}.k{color:#888}
        #details{background:#fff;border:2px solid #444;border-radius:6px;padding:8px 12px;margin-bottom:12px;white-space:pre-wrap;font-family:ui-monospace,monospace;font-size:12px}
        mark{border-radius:3px;padding:1px 0;cursor:pointer;color:inherit}
        mark.multi{box-shadow:inset 0 -3px 0 rgba(0,0,0,.35)}
        mark.flash{outline:3px solid #d00}
        .f-dateline{background:#cfd8e3}.f-headline{background:#e8e2d0}.f-dates{background:#ffe08a}.f-persons{background:#a9dcff}
        .f-titles{background:#dccfff}.f-offices{background:#aef0b8}.f-decrees{background:#ffc1b0}.f-organizations{background:#f5c6e8}.f-times{background:#b9ece6}
        table.index{margin:24px;border-collapse:collapse;background:#fff}table.index td,table.index th{border:1px solid #ddd;padding:4px 10px;text-align:left}
        """

    /// Shows details on click, and checks on load that every item's span is highlighted with exactly its text
    /// (the result is written to `body[data-check]`; script errors to `body[data-errors]`, for tests).
    static let script = #"""
        (function () {
          var errors = [];
          window.addEventListener("error", function (e) { errors.push(String(e.message)); document.body.dataset.errors = errors.join(" | "); });
          var items = JSON.parse(document.getElementById("items").textContent);
          var marks = Array.prototype.slice.call(document.querySelectorAll("mark.m"));
          function itemsOf(mark) { return mark.dataset.items.split(",").map(Number); }
          function show(indices) {
            document.getElementById("details").textContent = indices.map(function (i) {
              var it = items[i], lines = [it.field + "  " + it.rule, "\u201c" + it.text + "\u201d  [" + it.start + ".." + it.end + ")"];
              Object.keys(it.values).forEach(function (k) { lines.push("  " + k + ": " + it.values[k]); });
              return lines.join("\n");
            }).join("\n\n");
          }
          function flash(i) {
            marks.forEach(function (m) { m.classList.toggle("flash", itemsOf(m).indexOf(i) >= 0); });
            var first = marks.filter(function (m) { return itemsOf(m).indexOf(i) >= 0; })[0];
            if (first) first.scrollIntoView({block: "center"});
          }
          marks.forEach(function (m) { m.addEventListener("click", function () { show(itemsOf(m)); }); });
          Array.prototype.forEach.call(document.querySelectorAll("li[data-item]"), function (li) {
            li.addEventListener("click", function () { var i = Number(li.dataset.item); show([i]); flash(i); });
          });
          var bad = [];
          items.forEach(function (it, i) {
            var own = marks.filter(function (m) { return itemsOf(m).indexOf(i) >= 0; });
            var text = own.map(function (m) { return m.textContent; }).join("");
            var start = own.length ? Number(own[0].dataset.start) : -1, end = own.length ? Number(own[own.length - 1].dataset.end) : -1;
            if (text !== it.text || start !== it.start || end !== it.end) bad.push(i);
          });
          document.body.dataset.check = bad.length ? "fail:" + bad.join(",") : "ok:" + items.length;
        })();
        """#
}
