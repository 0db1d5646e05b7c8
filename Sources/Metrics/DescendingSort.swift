/// The one sort every ranking metric shares: rows ordered by descending score.
///
/// `radixOrder` is the fast path: a least-significant-digit radix sort on the scores' bit
/// patterns, O(n) with six passes of 11 bits (passes in which every key has the same digit
/// are skipped). It trades memory (two 16-byte records a row) for not comparing at all.
/// `comparisonOrder` is the plain version the tests compare it with.
enum DescendingSort {
    /// A row's sort key and its index in the caller's arrays.
    struct Item {
        /// Order-preserving image of the score: larger score, smaller key.
        var key: UInt64
        /// Index of the row in the input.
        var row: UInt32
    }

    /// The key for `score`: keys ascend as scores descend; -0.0 and +0.0 share a key.
    @inline(__always)
    static func key(_ score: Double) -> UInt64 {
        // Adding +0.0 turns -0.0 into +0.0, so the two zeros tie as they do in sklearn.
        let bits = (score + 0.0).bitPattern
        let ascending = bits >> 63 == 1 ? ~bits : bits | (1 << 63)
        return ~ascending
    }

    /// The score a key was made from (+0.0 for either zero).
    @inline(__always)
    static func score(_ key: UInt64) -> Double {
        let ascending = ~key
        let bits = ascending >> 63 == 1 ? ascending & ~(1 << 63) : ~ascending
        return Double(bitPattern: bits)
    }

    /// Rows by descending score (ties in input order), by radix sort.
    ///
    /// - Precondition: no score is NaN; fewer than 2^32 rows.
    static func radixOrder(_ scores: [Double]) -> [Item] {
        let count = scores.count
        precondition(count < Int(UInt32.max), "too many rows for 32-bit row indices")
        let digitBits = 11
        let passes = 6
        let radix = 1 << digitBits
        let mask = UInt64(radix - 1)

        var items = [Item](unsafeUninitializedCapacity: count) { buffer, initialized in
            scores.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    buffer[index] = Item(key: key(source[index]), row: UInt32(index))
                }
            }
            initialized = count
        }
        // All six digit histograms in one pass over the keys.
        var histograms = [Int](repeating: 0, count: passes * radix)
        histograms.withUnsafeMutableBufferPointer { counts in
            items.withUnsafeBufferPointer { source in
                for item in source {
                    var key = item.key
                    for pass in 0..<passes {
                        counts[pass * radix + Int(key & mask)] += 1
                        key >>= UInt64(digitBits)
                    }
                }
            }
        }
        var scratch = [Item](repeating: Item(key: 0, row: 0), count: count)
        var resultInItems = true
        histograms.withUnsafeMutableBufferPointer { counts in
            for pass in 0..<passes {
                let base = pass * radix
                // A digit shared by every key does not reorder anything.
                var trivial = false
                for digit in 0..<radix where counts[base + digit] != 0 {
                    trivial = counts[base + digit] == count
                    break
                }
                if trivial { continue }
                var offset = 0
                for digit in 0..<radix {
                    let size = counts[base + digit]
                    counts[base + digit] = offset
                    offset += size
                }
                let shift = UInt64(pass * digitBits)
                items.withUnsafeMutableBufferPointer { first in
                    scratch.withUnsafeMutableBufferPointer { second in
                        let (source, target) = resultInItems ? (first, second) : (second, first)
                        for item in source {
                            let digit = base + Int((item.key >> shift) & mask)
                            target[counts[digit]] = item
                            counts[digit] += 1
                        }
                    }
                }
                resultInItems.toggle()
            }
        }
        return resultInItems ? items : scratch
    }

    /// Rows by descending score (ties in input order), by the standard library's sort.
    ///
    /// The reference `radixOrder` is tested against; O(n log n) comparisons.
    static func comparisonOrder(_ scores: [Double]) -> [Item] {
        var items = scores.enumerated().map { Item(key: key($0.element), row: UInt32($0.offset)) }
        items.sort { $0.key != $1.key ? $0.key < $1.key : $0.row < $1.row }
        return items
    }
}
