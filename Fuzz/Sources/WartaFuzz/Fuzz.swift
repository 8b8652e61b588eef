import Warta

/// One extractor for the whole run, as a batch would use it.
let extractor: Extractor = {
    do { return try Extractor() } catch { fatalError("built-in models must load: \(error)") }
}()

/// libFuzzer's entry point: any bytes, decoded leniently, must extract without crashing, and every span of
/// the result must lie inside the text and equal its slice (the contract's offset invariant).
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text: String
    do { text = try Decoding.text(fromUTF8: bytes, lossy: true) } catch { return 0 }  // binary input is skipped
    let document = extractor.extract(text, source: "fuzz")
    let scalars = Array(text.unicodeScalars)
    func check(_ span: Span) {
        precondition(0 <= span.start && span.start < span.end && span.end <= scalars.count, "span out of range: \(span)")
        var slice = String.UnicodeScalarView()
        slice.append(contentsOf: scalars[span.start..<span.end])
        precondition(String(slice) == span.text, "span text differs from the input slice: \(span)")
    }
    document.dateline.map { check($0.span) }
    document.headline.map { check($0.span) }
    document.dates.forEach { check($0.span) }
    document.persons.forEach { $0.mentions.forEach(check) }
    document.titles.forEach { check($0.span) }
    document.offices.forEach { check($0.span) }
    document.decrees.forEach { check($0.span) }
    _ = JSONWriter.encode(document)
    return 0
}

/// libFuzzer's driver, called from our own main (SwiftPM gives every executable a main of its own).
@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@main
struct FuzzMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        _ = runDriver(&argc, &argv) { data, size in
            guard let data else { return 0 }
            return fuzz(data, size)
        }
    }
}
