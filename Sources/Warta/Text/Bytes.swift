extension String {
    /// Runs `body` over the string's UTF-8 bytes: in place for a native string (small strings are copied to the
    /// stack), else over a copy. Much faster than iterating `utf8`.
    @inline(__always)
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        utf8.withContiguousStorageIfAvailable(body) ?? Array(utf8).withUnsafeBufferPointer(body)
    }
}
