// Using Warta from Swift: the example the README shows and the tests build and run.
import Dispatch
import Synchronization
import Warta

// Create the extractor once: it compiles the lexicons (here the built-in ones; `Models(directory:)` loads
// an edited copy). It is Sendable and thread-safe, so one instance serves every thread.
let warta = try Extractor()

let text = """
    Medan, 19 September 2024 – Plt Kepala Kantor Imigrasi Kelas I TPI Bengkulu, Imam Setiawan, \
    menghadiri rapat sesuai Permenkumham Nomor 6 Tahun 2019.
    """
let document: Document = warta.extract(text, source: "example")

print("dateline:", document.dateline?.place ?? "-", document.dateline?.date ?? "-")
for office in document.offices {
    print("office:", office.type, "|", office.officeClass ?? "-", "|", office.location ?? "-", "|", office.span.start, office.span.end)
}
for decree in document.decrees {
    print("decree:", decree.type, "|", decree.number, "|", decree.year.map(String.init) ?? "-")
}

// The contract's JSON, with its key order and exact bytes (Document is also Codable for your own encoders).
let json = String(decoding: JSONWriter.encode(document), as: UTF8.self)
print("json:", json.prefix(19))

// Many documents at once: share the extractor across threads.
let texts = (1...8).map { "Jakarta – Rapat ke-\($0) digelar pada 2\($0) Januari 2025." }
let results = Mutex<[String]>(Array(repeating: "", count: texts.count))
DispatchQueue.concurrentPerform(iterations: texts.count) { i in
    let value = warta.extract(texts[i]).dates.first?.value ?? "-"
    results.withLock { $0[i] = value }
}
print("dates:", results.withLock { $0 }.joined(separator: " "))
