import Crypto
import Foundation
import ModelFiles
import Results

extension Submission {
    /// SHA-256 over the notebooks and PDFs the folder holds beside its model — each one's
    /// name and bytes, in name order, read beneath the folder within its size limit (one over
    /// it, or unreadable, by its name and listed size) — or `nil` when it holds none.
    ///
    /// It is part of the entry's identity (``identity(modelSHA256:manifestSHA256:handedInSHA256:)``),
    /// so a team that fixes its notebook or PDF beside an unchanged model hands in a new
    /// version, dated like any other, rather than being skipped as unchanged with the old
    /// notebook on its page. A folder without them keeps the identity it had before
    /// notebooks were read.
    func handedInDigest() -> String? {
        let shown = deliverables.filter { $0.kind == .notebook || $0.kind == .pdf }.sorted { $0.name < $1.name }
        guard !shown.isEmpty else { return nil }
        let folder = base.flatMap { try? $0.folder(relative) }
        var all = SHA256()
        for file in shown {
            all.update(data: Data("\(file.kind.rawValue)\u{0}\(file.name)\u{0}".utf8))
            let limit = file.kind == .notebook ? limits.maxNotebookBytes : limits.maxPDFBytes
            do throws(SubmissionError.FileReason) {
                guard let folder else { throw .missing }
                var digest = SHA256()
                try folder.file(file.name).read(maxBytes: limit) { chunk in
                    digest.update(bufferPointer: chunk)
                    return true
                }
                all.update(data: Data((digest.finalize().hexString + "\n").utf8))
            } catch {
                all.update(data: Data("unread \(file.bytes)\n".utf8))
            }
        }
        return all.finalize().hexString
    }
}
