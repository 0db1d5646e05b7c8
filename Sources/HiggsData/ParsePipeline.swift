import Foundation

extension ParallelRowReader {
    /// The hand-over between the reading thread, the parsing threads and the in-order sink:
    /// a fixed pool of slots cycling free → submitted → parsed → recycled.
    final class Pipeline: @unchecked Sendable {
        /// One block of text and the rows parsed from it.
        final class Slot {
            let text: UnsafeMutableRawBufferPointer
            var textCount = 0
            var index = 0
            var firstLine = 1
            var isLast = false
            private(set) var rowCapacity = 0
            var labels: UnsafeMutablePointer<UInt8>
            var features: UnsafeMutablePointer<Float>
            var values: UnsafeMutablePointer<Double>
            var rows = 0
            var float32Exact = true
            var problem: RowParser.Problem?

            init(blockBytes: Int) {
                text = .allocate(byteCount: blockBytes, alignment: 64)
                labels = .allocate(capacity: 1)
                features = .allocate(capacity: 1)
                values = .allocate(capacity: 1)
            }

            /// Grows the row buffers to hold `rows` rows; reused across blocks.
            func reserve(rows: Int) {
                guard rows > rowCapacity else { return }
                labels.deallocate()
                features.deallocate()
                values.deallocate()
                labels = .allocate(capacity: rows)
                features = .allocate(capacity: rows * FeatureSchema.featureCount)
                values = .allocate(capacity: rows * FeatureSchema.featureCount)
                rowCapacity = rows
            }

            deinit {
                text.deallocate()
                labels.deallocate()
                features.deallocate()
                values.deallocate()
            }
        }

        private let condition = NSCondition()
        private var free: [Slot]
        private var submitted: [Slot] = []
        private var parsed: [Int: Slot] = [:]
        private var nextToDeliver = 0
        private var producedCount = 0
        private var producing = true
        private var aborted = false

        init(slots: Int, blockBytes: Int) {
            free = (0..<slots).map { _ in Slot(blockBytes: blockBytes) }
        }

        /// A slot to fill, waiting for one if all are busy; `nil` once aborted.
        func freeSlot() -> Slot? {
            condition.lock()
            defer { condition.unlock() }
            while free.isEmpty, !aborted { condition.wait() }
            return aborted ? nil : free.removeLast()
        }

        /// Queues a filled slot for parsing.
        func submit(_ slot: Slot) {
            condition.lock()
            submitted.append(slot)
            producedCount += 1
            condition.broadcast()
            condition.unlock()
        }

        /// No more slots will be submitted.
        func finishProducing() {
            condition.lock()
            producing = false
            condition.broadcast()
            condition.unlock()
        }

        /// Stops the reading thread and skips the parsing of blocks not yet started.
        func abort() {
            condition.lock()
            aborted = true
            condition.broadcast()
            condition.unlock()
        }

        /// A parsing thread's loop: take a block, parse it, publish it.
        func parseLoop() {
            while true {
                condition.lock()
                while submitted.isEmpty, producing { condition.wait() }
                guard !submitted.isEmpty else {
                    condition.unlock()
                    return
                }
                let slot = submitted.removeFirst()
                let skip = aborted
                condition.unlock()
                slot.problem = nil
                slot.rows = 0
                slot.float32Exact = true
                if !skip {
                    do {
                        (slot.rows, slot.float32Exact) = try RowParser.parse(
                            UnsafeRawBufferPointer(rebasing: slot.text[..<slot.textCount]),
                            labels: slot.labels, features: slot.features, values: slot.values,
                            capacity: slot.rowCapacity, allowTrailingBlank: slot.isLast)
                    } catch {
                        slot.problem = error
                    }
                }
                condition.lock()
                parsed[slot.index] = slot
                condition.broadcast()
                condition.unlock()
            }
        }

        /// The next block in file order, waiting until it is parsed; `nil` when all are delivered.
        func nextInOrder() -> Slot? {
            condition.lock()
            defer { condition.unlock() }
            while parsed[nextToDeliver] == nil {
                if !producing, nextToDeliver >= producedCount { return nil }
                condition.wait()
            }
            let slot = parsed.removeValue(forKey: nextToDeliver)!
            nextToDeliver += 1
            return slot
        }

        /// Returns a delivered slot to the free pool.
        func recycle(_ slot: Slot) {
            condition.lock()
            free.append(slot)
            condition.broadcast()
            condition.unlock()
        }
    }
}
