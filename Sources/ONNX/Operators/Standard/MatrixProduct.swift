/// Row-major matrix products for MatMul and Gemm.
///
/// Each output element sums its products in order of `k` in the element type (float for
/// float tensors), as a straightforward BLAS does, without fused multiply-adds.
enum MatrixProduct {
    /// `a` (`m`×`k`) times `b` (`k`×`n`), into a new `m`×`n` array.
    ///
    /// Loop order (i, k, j), so the inner loop runs over contiguous memory and vectorizes.
    static func multiply(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>, m: Int, k: Int, n: Int) -> [Double] {
        [Double](unsafeUninitializedCapacity: m * n) { c, done in
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

    /// `a` (`m`×`k`) times `b` (`k`×`n`) in float, into a new `m`×`n` array.
    ///
    /// Blocks of 4 rows × 8 columns are summed in SIMD registers (each B vector loaded once
    /// for 4 rows); each element still adds its products one after another in order of `k`,
    /// so results equal the plain (i, k, j) loop's bit for bit (a test checks this).
    static func multiply(_ a: UnsafeBufferPointer<Float>, _ b: UnsafeBufferPointer<Float>, m: Int, k: Int, n: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: m * n) { c, done in
            guard let cBase = c.baseAddress, let aBase = a.baseAddress, let bBase = b.baseAddress else {
                done = 0
                return
            }
            let wide = n - n % 8
            var i = 0
            while i < m {
                let rows = min(4, m - i)
                var j = 0
                while j < wide {
                    var acc = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>())
                    for p in 0..<k {
                        let bv = UnsafeRawPointer(bBase + p * n + j).loadUnaligned(as: SIMD8<Float>.self)
                        let aRow = aBase + i * k + p
                        acc.0 = acc.0 + SIMD8(repeating: aRow[0]) * bv
                        if rows > 1 { acc.1 = acc.1 + SIMD8(repeating: aRow[k]) * bv }
                        if rows > 2 { acc.2 = acc.2 + SIMD8(repeating: aRow[2 * k]) * bv }
                        if rows > 3 { acc.3 = acc.3 + SIMD8(repeating: aRow[3 * k]) * bv }
                    }
                    let out = UnsafeMutableRawPointer(cBase + i * n + j)
                    out.storeBytes(of: acc.0, as: SIMD8<Float>.self)
                    if rows > 1 { (out + 4 * n).storeBytes(of: acc.1, as: SIMD8<Float>.self) }
                    if rows > 2 { (out + 8 * n).storeBytes(of: acc.2, as: SIMD8<Float>.self) }
                    if rows > 3 { (out + 12 * n).storeBytes(of: acc.3, as: SIMD8<Float>.self) }
                    j += 8
                }
                for r in i..<(i + rows) {
                    for column in wide..<n {
                        var sum: Float = 0
                        for p in 0..<k { sum = sum + aBase[r * k + p] * bBase[p * n + column] }
                        (cBase + r * n + column).initialize(to: sum)
                    }
                }
                i += rows
            }
            done = m * n
        }
    }

    /// The plain (i, k, j) float product that ``multiply(_:_:m:k:n:)-(UnsafeBufferPointer<Float>,_,_,_,_)``
    /// must equal; for tests.
    static func plainMultiply(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for p in 0..<k {
                for j in 0..<n { c[i * n + j] = c[i * n + j] + a[i * k + p] * b[p * n + j] }
            }
        }
        return c
    }

    /// `values` (`rows`×`columns`) transposed.
    static func transpose<T>(_ values: [T], rows: Int, columns: Int) -> [T] {
        guard rows > 0, columns > 0 else { return values }
        return (0..<(rows * columns)).map { index in values[(index % rows) * columns + index / rows] }
    }
}
