import Crypto

extension SHA256.Digest {
    /// The digest in lowercase hexadecimal, as entries record it.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
