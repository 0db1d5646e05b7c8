import CIsal

#if canImport(Glibc)
import Glibc
#endif

/// The inflated bytes of a gzip file, through ISA-L's igzip (about 3× zlib's speed here),
/// streamed: only a small compressed window is held. Files of several gzip members, as
/// `pigz` and our own writer make them, are read member after member; each member's
/// CRC-32 is checked.
final class GzipSource: ByteSource {
    private let file: FileDescriptor
    private let state: UnsafeMutablePointer<inflate_state>
    private let input: UnsafeMutableRawBufferPointer
    private var inputEnd = false
    private var memberFinished = false
    private(set) var consumedFileBytes = 0
    init(_ file: FileDescriptor) {
        self.file = file
        state = .allocate(capacity: 1)
        input = .allocate(byteCount: 1 << 20, alignment: 64)
        isal_inflate_init(state)
        state.pointee.crc_flag = UInt32(ISAL_GZIP)
        state.pointee.avail_in = 0
    }

    deinit {
        state.deallocate()
        input.deallocate()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(DataError) -> Int {
        guard let out = buffer.baseAddress, buffer.count > 0 else { return 0 }
        state.pointee.next_out = out.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_out = UInt32(min(buffer.count, Int(UInt32.max)))
        while state.pointee.avail_out > 0 {
            if memberFinished {
                guard try refill(), try skipZeroPadding() else { break }
                // Another gzip member follows.
                let next = state.pointee.next_in
                let avail = state.pointee.avail_in
                isal_inflate_reset(state)
                state.pointee.crc_flag = UInt32(ISAL_GZIP)
                state.pointee.next_in = next
                state.pointee.avail_in = avail
                memberFinished = false
            }
            if state.pointee.avail_in == 0, !inputEnd { _ = try refill() }
            let before = state.pointee.avail_out
            let status = isal_inflate(state)
            guard status >= 0 else { throw DataError(path: file.path, reason: .badGzip(Self.message(status))) }
            if state.pointee.block_state == ISAL_BLOCK_FINISH {
                memberFinished = true
                continue
            }
            if state.pointee.avail_in == 0, inputEnd, state.pointee.avail_out == before {
                throw DataError(path: file.path, reason: .badGzip("the file ends in the middle of a gzip member"))
            }
        }
        return buffer.count - Int(state.pointee.avail_out)
    }

    /// Reads more compressed input when the window is empty; false at the end of the file.
    private func refill() throws(DataError) -> Bool {
        if state.pointee.avail_in > 0 { return true }
        if inputEnd { return false }
        let n = try file.read(into: input)
        consumedFileBytes += n
        if n == 0 {
            inputEnd = true
            return false
        }
        state.pointee.next_in = input.baseAddress!.assumingMemoryBound(to: UInt8.self)
        state.pointee.avail_in = UInt32(n)
        return true
    }

    /// Skips zero bytes some writers pad after the last member; false if only padding remained.
    private func skipZeroPadding() throws(DataError) -> Bool {
        while true {
            while state.pointee.avail_in > 0, state.pointee.next_in.pointee == 0 {
                state.pointee.next_in += 1
                state.pointee.avail_in -= 1
            }
            if state.pointee.avail_in > 0 { return true }
            guard try refill() else { return false }
        }
    }

    private static func message(_ status: Int32) -> String {
        switch status {
        case ISAL_INVALID_BLOCK: "invalid deflate block"
        case ISAL_INVALID_SYMBOL: "invalid deflate symbol"
        case ISAL_INVALID_LOOKBACK: "invalid back-reference"
        case ISAL_INVALID_WRAPPER: "not a gzip header"
        case ISAL_UNSUPPORTED_METHOD: "unsupported compression method"
        case ISAL_INCORRECT_CHECKSUM: "CRC-32 mismatch"
        default: "inflate error \(status)"
        }
    }
}
