/// Row-major matrix products for MatMul and Gemm.
///
/// Each output element sums its products in order of `k` in the element type (float for
/// float tensors), as a straightforward BLAS does; the loop order (i, k, j) lets the inner
/// loop run over contiguous memory and vectorize.
enum MatrixProduct {
    /// `a` (`m`×`k`) times `b` (`k`×`n`), into a new `m`×`n` array.
    static func multiply<T: BinaryFloatingPoint>(_ a: UnsafeBufferPointer<T>, _ b: UnsafeBufferPointer<T>, m: Int, k: Int, n: Int) -> [T] {
        [T](unsafeUninitializedCapacity: m * n) { c, done in
            guard let cBase = c.baseAddress, let aBase = a.baseAddress, let bBase = b.baseAddress else {
                done = 0
                return
            }
            cBase.initialize(repeating: 0, count: m * n)
            for i in 0..<m {
                let row = cBase + i * n
                for p in 0..<k {
                    let x = aBase[i * k + p]
                    let bRow = bBase + p * n
                    for j in 0..<n { row[j] += x * bRow[j] }
                }
            }
            done = m * n
        }
    }

    /// `values` (`rows`×`columns`) transposed.
    static func transpose<T>(_ values: [T], rows: Int, columns: Int) -> [T] {
        guard rows > 0, columns > 0 else { return values }
        return (0..<(rows * columns)).map { index in values[(index % rows) * columns + index / rows] }
    }
}
