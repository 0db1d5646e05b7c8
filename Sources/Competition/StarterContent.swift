/// The editable starting pages of a new workspace.
enum StarterContent {
    static let pages: [(String, String)] = [
        (
            "overview.md",
            """
            # Searching for the Higgs boson

            Classify collision events: a Higgs-boson signal process against the top-quark
            background that mimics it, using the 28 features of the HIGGS data set
            (Baldi, Sadowski and Whiteson, *Nature Communications* 5, 4308, 2014).

            Entries are ranked by the area under the ROC curve on hidden test events.
            """
        ),
        (
            "rules.md",
            """
            # Rules

            - Train on anything you like from the public data; the last rows are the hidden test set.
            - Submit one model file per entry: a Keras `.h5` (`model.save("my_model.h5")`), a `.keras`
              file, or a predictions file `id,score` with one score per hidden-test row, each the
              probability of signal, from 0 to 1.
            - Add a `README.md` describing your approach and, if you have it, your training history
              (Keras `CSVLogger` output or `history.history` as JSON).
            - Run `leaderboard check MODEL` before you submit.
            """
        ),
        (
            "data.md",
            """
            # The data

            Each event has a label (1 signal, 0 background) and 28 features: 21 low-level
            kinematic properties measured by the detector and 7 high-level invariant masses
            derived from them.
            """
        ),
    ]

    static let submissionsReadme = """
        # Submissions

        One folder per team (`submissions/<team>/`) holding one model file and, optionally,
        a `manifest.yml`, a training history and a `README.md`; or a single model file.
        """
}
