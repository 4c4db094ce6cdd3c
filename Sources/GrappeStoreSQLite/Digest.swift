import COpenSSL

/// SHA-256 through OpenSSL's libcrypto, as hex.
enum Digest {
    /// The SHA-256 of `text`'s UTF-8 bytes, in lowercase hex.
    static func sha256Hex(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = bytes.withUnsafeMutableBufferPointer { input in SHA256(input.baseAddress, input.count, &digest) }
        return digest.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }
}
