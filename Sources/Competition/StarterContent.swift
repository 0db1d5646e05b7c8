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
        ("rules.md", rules),
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

    /// The Rules page: what to hand in, every accepted format with the call that saves it,
    /// every manifest key, how to check a folder, and how versions count. Every manifest key
    /// it lists (`- `key:``) is one the manifest parser accepts, and the reverse (a test holds
    /// both to it).
    static let rules = """
        # Rules

        Train on anything you like from the public data: the last rows of the data set are the
        hidden test rows, whose labels nobody outside the organizers sees. Entries are ranked by
        the area under the ROC curve (AUC) on those rows: the leaderboard shows the figures of
        their public part, the final ranking those of the private part.

        ## What to hand in

        One folder per team, `submissions/<team>/` (the folder is your team; its name is how
        the scorer knows you), holding:

        - **the model file**, one of the formats below;
        - **`manifest.yml`**, which says who you are and how the model reads the data (below);
        - your **notebook** (`.ipynb`, saved with its outputs) and a **PDF** of it, with your
          ROC curve and your loss and accuracy per epoch;
        - your training **scripts** (`.py`) and **images** (`.png`, `.jpg`);
        - a **`README.md`** describing your approach;
        - your **training history**: Keras' `CSVLogger` file (`training.log`, or any
          `*log*.csv`), or `history.history` saved as JSON (`history.json`).

        When the folder holds more than one file that could be the model, name the model with
        `model:` in the manifest.

        ## Accepted model files

        - **Keras 3**: `model.save('my_model.h5')` or `model.save('my_model.keras')`.
        - **tf.keras** (Keras 2): `model.save('my_model.h5')`.
        - **PyTorch**, through ONNX: `torch.onnx.export(model, (example,), 'model.onnx')`,
          `example` one row of the 28 features.
        - **scikit-learn**, through ONNX: `onx = skl2onnx.to_onnx(model, X[:1].astype(numpy.float32))`,
          then write `onx.SerializeToString()` to `model.onnx`.
        - **TensorFlow or Keras through ONNX**:
          `tf2onnx.convert.from_keras(model, input_signature=spec, output_path='model.onnx')`.
        - **XGBoost**: `model.save_model('model.json')` or `model.save_model('model.ubj')`.
        - **LightGBM**: `booster.save_model('model.txt')` (from the scikit-learn API,
          `model.booster_.save_model('model.txt')`).
        - **Any other framework**: a predictions file, `predictions.csv`: a header `id,score`,
          then one line `id,score` per hidden test row (ids from 0), each score the probability
          of signal, from 0 to 1.

        The model gives the probability that an event is signal. Pickles (`.pkl`, `joblib`)
        are not read, since loading one runs code: export the model to ONNX instead. Custom
        layers and `Lambda` layers are not read either.

        ## The manifest

        Every key is optional; a key not in this list is refused, so that a typo cannot change
        what is scored. `manifest.yaml` and `manifest.json` are read as well.

        ```yaml
        team: Higgs Hunters
        members: [Ada, Grace]
        title: Dense net on the 7 masses
        model: my_model.h5
        features: [m_jj, m_jjj, m_lv, m_jlv, m_bb, m_wbb, m_wwbb]
        standardization:
          mean:  [1.03, 1.02, 1.05, 1.01, 0.97, 1.03, 0.96]
          scale: [0.67, 0.38, 0.16, 0.40, 0.53, 0.36, 0.31]
        ```

        - `team:` the team's name as the site shows it (the folder's name otherwise).
        - `members:` the team members' names.
        - `title:` the entry's name (the model file's name otherwise).
        - `model:` the model file's path inside the folder.
        - `features:` the features the model reads, in the order it reads them, named as in the
          data set (`lepton pT` … `m_wwbb`; case, spaces, `_` and `-` do not matter). Without
          it the model reads all 28 in the data set's order.
        - `standardization:` `mean:` and `scale:`, one number per feature read: the model sees
          `(x - mean) / scale`. Without it the model sees the features as they are.
        - `output:` for an ONNX file with several outputs, the name of the output that is the
          probability of signal.
        - `final:` `final: true` selects this version for the final ranking (see below).

        ## Check your folder before you push it

        Run `leaderboard check submissions/<team>` (or `leaderboard check my_model.h5`): it reads
        the folder exactly as the scorer will, says which file it takes as the model and why,
        what it read of the manifest, history and README, and scores the model on the public
        validation rows. Every problem is one line that says what to do.

        ## Versions, final selection, deadline

        - Each push that changes your model or manifest is a new **version** of your team's
          entry; every version stays on your team's page with its time and figures.
        - The leaderboard ranks **teams**: by the versions you selected with `final: true` (up
          to the number the organizers allow), otherwise by your best public version.
        - Versions after the **deadline** are shown as late and do not count.
        - The organizers may set a **daily limit** of versions per team: extra versions are
          recorded and marked, not scored.
        - A version's time is when the scorer first saw it, never a time a file carries.
        """

    static let submissionsReadme = """
        # Submissions

        One folder per team (`submissions/<team>/`) holding one model file and, optionally,
        a `manifest.yml`, a training history and a `README.md`; or a single model file.
        """
}
