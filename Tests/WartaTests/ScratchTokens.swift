import Testing
@testable import Warta
#if canImport(Glibc)
import Glibc
#endif

struct ScratchTokens {
    @Test func dump() {
        guard let text = readText("/tmp/dates-tok.txt") else { return }
        let t = warta.tokenize(text)
        var out = ""
        for tok in t.tokens where !tok.isSpace { out += "[\(tok.text)|\(tok.kind)] " }
        print(out)
        #expect(true)
    }
}
