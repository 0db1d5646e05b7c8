import Foundation

/// Reads a HIGGS CSV stream on every core: one thread cuts the stream into blocks of whole
/// lines (reading or inflating), the others parse blocks in parallel, and the calling thread
/// hands finished blocks to a sink strictly in file order.
///
/// Memory stays bounded by a fixed pool of block buffers, whatever the file's size: the
/// text is never held whole, and the matrix is only ever written once, by the sink.
struct ParallelRowReader: Sendable {
    /// Bytes of text per block.
    var blockBytes = 4 << 20
    /// Parsing threads; the reading thread comes on top.
    var parsers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Called from the reading thread with the file bytes consumed so far.
    var progress: (@Sendable (Int) -> Void)?

    /// Receives parsed rows in order: the labels and row-major features of a block, in float32
    /// and, when some value of the block is not a float32, as written (float64; else `nil`).
    typealias Sink = (
        _ labels: UnsafeBufferPointer<UInt8>, _ features: UnsafeBufferPointer<Float>, _ values: UnsafeBufferPointer<Double>?
    ) throws -> Void

    /// Reads every row of `source`, feeding `sink` in order, and returns the row count.
    ///
    /// - Parameter observe: sees each raw chunk as it is read (for hashing), on the reading thread.
    /// - Throws: `DataError` for unreadable or malformed input (the first bad line in file
    ///   order), or whatever `sink` throws.
    func read(
        _ source: any ByteSource, path: String,
        observe: ((UnsafeRawBufferPointer) -> Void)? = nil,
        sink: Sink
    ) throws -> Int {
        let pipeline = Pipeline(slots: parsers * 2 + 2, blockBytes: blockBytes)
        let done = DispatchGroup()
        for _ in 0..<parsers {
            done.enter()
            let thread = Thread {
                pipeline.parseLoop(); done.leave()
            }
            thread.start()
        }
        let producer = Unchecked((source: source, observe: observe, error: Error?.none))
        done.enter()
        Thread {
            do {
                try produce(producer.value.source, path: path, into: pipeline, observe: producer.value.observe)
            } catch {
                producer.value.error = error
                pipeline.abort()
            }
            pipeline.finishProducing()
            done.leave()
        }.start()

        var rows = 0
        var firstError: Error?
        while let slot = pipeline.nextInOrder() {
            defer { pipeline.recycle(slot) }
            guard firstError == nil else { continue }
            if let problem = slot.problem {
                firstError = DataError(
                    path: path,
                    reason: .badRow(
                        line: slot.firstLine + problem.lineInBlock, column: problem.column,
                        found: problem.found, problem: problem.kind))
                pipeline.abort()
                continue
            }
            do {
                try sink(
                    UnsafeBufferPointer(start: slot.labels, count: slot.rows),
                    UnsafeBufferPointer(start: slot.features, count: slot.rows * FeatureSchema.featureCount),
                    slot.float32Exact ? nil : UnsafeBufferPointer(start: slot.values, count: slot.rows * FeatureSchema.featureCount))
                rows += slot.rows
            } catch {
                firstError = error
                pipeline.abort()
            }
        }
        done.wait()
        // A reading error comes before any parse error of the blocks it cut short.
        if let error = producer.value.error { throw error }
        if let firstError { throw firstError }
        return rows
    }

    /// Cuts the stream into blocks that end at a line end, carrying the partial last line over.
    private func produce(
        _ source: any ByteSource, path: String, into pipeline: Pipeline,
        observe: ((UnsafeRawBufferPointer) -> Void)?
    ) throws {
        var carry = [UInt8]()
        var nextLine = 1
        var index = 0
        var atEnd = false
        while !atEnd {
            guard let slot = pipeline.freeSlot() else { return }
            carry.withUnsafeBytes { bytes in
                if let from = bytes.baseAddress { slot.text.baseAddress!.copyMemory(from: from, byteCount: bytes.count) }
            }
            var filled = carry.count
            do {
                while filled < slot.text.count {
                    let n = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: slot.text[filled...]))
                    if n == 0 { atEnd = true; break }
                    observe?(UnsafeRawBufferPointer(rebasing: slot.text[filled..<(filled + n)]))
                    filled += n
                }
            } catch {
                pipeline.recycle(slot)
                throw error
            }
            progress?(source.consumedFileBytes)
            var cut = filled
            if !atEnd {
                // End the block after its last line feed; the rest opens the next block.
                var lastFeed = filled - 1
                while lastFeed >= 0, slot.text[lastFeed] != 0x0A { lastFeed -= 1 }
                guard lastFeed >= 0 else {
                    pipeline.recycle(slot)
                    throw DataError(
                        path: path,
                        reason: .badRow(
                            line: nextLine, column: 0, found: "a line longer than \(slot.text.count >> 20) MB",
                            problem: .wrongFieldCount))
                }
                cut = lastFeed + 1
            }
            carry = Array(UnsafeRawBufferPointer(rebasing: slot.text[cut..<filled]))
            let lines = RowParser.countLines(UnsafeRawBufferPointer(rebasing: slot.text[..<cut]))
            slot.textCount = cut
            slot.index = index
            slot.firstLine = nextLine
            slot.isLast = atEnd
            slot.reserve(rows: lines)
            nextLine += lines
            index += 1
            pipeline.submit(slot)
        }
    }
}

/// A box that lets a value cross into a thread whose hand-over is synchronized by other
/// means (here: a `DispatchGroup` wait before the value is read again).
package final class Unchecked<Value>: @unchecked Sendable {
    package var value: Value
    package init(_ value: Value) { self.value = value }
}
