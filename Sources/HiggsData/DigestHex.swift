extension Sequence<UInt8> {
    /// The bytes in lowercase hexadecimal: digests as entries record them and as data caches
    /// are named.
    public var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
