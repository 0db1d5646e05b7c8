import Foundation
import Results

/// Reading what a submission folder holds beside its model: its notebooks (parsed and
/// checked) and PDFs (checked: `%PDF-`, within `maxPDFBytes`), each opened beneath the folder
/// like every other submitted file. A notebook or PDF that cannot be shown is recorded with
/// the one line that says why; it never fails the entry.
///
/// Several notebooks or PDFs: all are read, in name order, up to `maxNotebooks` and `maxPDFs`;
/// those beyond are recorded as not shown.
public struct SubmittedDeliverables: Sendable, Equatable {
    /// What the entry records of them.
    public var record: EntryDeliverables
    /// The PDFs to publish, with their bytes, in name order.
    public var pdfs: [DeliverablePDF]

    /// The `listed` files of the folder `folder`, named `displayName + "/" + name` in messages.
    public init(_ listed: [DeliverableFile], in folder: SubmissionRoot, displayName: String, limits: SubmissionLimits) {
        var notebooks: [EntryDeliverables.SubmittedNotebook] = []
        var published: [EntryDeliverables.SubmittedPDF] = []
        var pdfs: [DeliverablePDF] = []
        // The folder's notebooks share one budget of the page (`maxNotebookShownBytes`).
        var budget = limits.maxNotebookShownBytes
        for file in listed where file.kind == .notebook {
            let subject = displayName + "/" + file.name
            do throws(SubmissionError) {
                guard notebooks.count < limits.maxNotebooks else {
                    throw SubmissionError(
                        subject: subject, reason: .deliverable(.beyondCount(limit: limits.maxNotebooks, setting: .maxNotebooks)))
                }
                let data = try Self.contents(file.name, in: folder, subject: subject, limit: limits.maxNotebookBytes, .maxNotebookBytes)
                notebooks.append(
                    .init(
                        name: file.name, notebook: try Notebook(parsing: data, fileName: subject, limits: limits, budget: &budget),
                        problem: nil))
            } catch {
                notebooks.append(.init(name: file.name, notebook: nil, problem: error.description))
            }
        }
        for file in listed where file.kind == .pdf {
            let subject = displayName + "/" + file.name
            do throws(SubmissionError) {
                guard published.count < limits.maxPDFs else {
                    throw SubmissionError(subject: subject, reason: .deliverable(.beyondCount(limit: limits.maxPDFs, setting: .maxPDFs)))
                }
                let data = try Self.contents(file.name, in: folder, subject: subject, limit: limits.maxPDFBytes, .maxPDFBytes)
                guard data.starts(with: Array("%PDF-".utf8)) else {
                    throw SubmissionError(subject: subject, reason: .deliverable(.notPDF))
                }
                published.append(.init(name: file.name, bytes: data.count, problem: nil))
                pdfs.append(DeliverablePDF(name: file.name, bytes: data))
            } catch {
                published.append(.init(name: file.name, bytes: file.bytes, problem: error.description))
            }
        }
        record = EntryDeliverables(
            notebooks: notebooks, pdfs: published, files: listed.filter { $0.kind != .notebook && $0.kind != .pdf })
        self.pdfs = pdfs
    }

    /// The bytes of `name` beneath `folder`, at most `limit`.
    private static func contents(
        _ name: String, in folder: SubmissionRoot, subject: String, limit: Int, _ setting: Limit
    ) throws(SubmissionError) -> Data {
        try SubmissionError.reading(
            subject, { () throws(SubmissionError.FileReason) in try folder.file(name).contents(maxBytes: limit) },
            tooLarge: { .deliverable(.tooLarge(bytes: $0, limit: limit, setting: setting)) },
            unreadable: { .deliverable(.unreadable(detail: $0)) })
    }
}

extension SubmissionFolder {
    /// Reads this folder's notebooks and PDFs (``SubmittedDeliverables``), opening the folder
    /// again beneath the one holding it (a link there is not followed); `nil` for a single
    /// file or a folder that can no longer be opened.
    public func readDeliverables(displayName: String? = nil, limits: SubmissionLimits = SubmissionLimits()) -> SubmittedDeliverables? {
        guard !isSingleFile,
            let folder = try? SubmissionRoot(opening: location.deletingLastPathComponent().path).folder(location.lastPathComponent)
        else { return nil }
        return SubmittedDeliverables(deliverables, in: folder, displayName: displayName ?? location.lastPathComponent, limits: limits)
    }
}
