import HiggsData

extension ScoreRun {
    /// Runs the memorization check of the recorded entry of `identity` if it was scored from a
    /// model file before the tool had the check: the unchanged submission's file is predicted
    /// again, with the copies, from a snapshot of `files` (whose content must still be
    /// `identity` with the notebooks and PDFs of digest `handedIn`), and the check is stored
    /// beside its figures, which stay as they were. Done
    /// once per entry; when the child fails (or the file changed), the entry stays not checked
    /// and the next run tries again.
    func checkIfUnchecked(_ files: SubmissionFiles, identity: String, handedIn: String?) {
        let database = session.database
        guard let entryID = try? database.uncheckedEntry(contentSHA256: identity, datasetID: session.datasetID),
            let snapshot = try? SubmissionSnapshot(files)
        else {
            return
        }
        defer { snapshot.remove() }
        guard
            Submission.identity(
                modelSHA256: snapshot.modelSHA256, manifestSHA256: snapshot.manifestSHA256, handedInSHA256: handedIn) == identity,
            case let .scores(scores, _, _, copies) = sandbox.run(predictionRequest(snapshot)), !copies.isEmpty,
            let figures = try? MemorizationFigures(scores: scores, copies: copies, hidden: session.hidden)
        else {
            return
        }
        try? database.recordMemorization(entryID: entryID, all: figures.all, publicRows: figures.publicRows)
    }
}
