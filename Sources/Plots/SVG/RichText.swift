/// A one-line label with subscripts and superscripts, written as `<tspan>`s: `ε_{B}` and
/// `10^{-3}` in the TeX manner. Only the brace forms are markup, so `lepton_pT` stays as it is.
struct RichText: Sendable, Equatable {
    /// A run of text and its vertical position.
    enum Run: Sendable, Equatable {
        /// Text on the baseline.
        case normal(String)
        /// Text lowered and smaller.
        case subscripted(String)
        /// Text raised and smaller.
        case superscripted(String)
    }

    /// The runs, in order.
    let runs: [Run]

    /// Parses `source`; an unclosed `_{` or `^{` is kept as literal text.
    init(_ source: String) {
        var runs: [Run] = []
        var plain = ""
        var rest = Substring(source)
        while let index = rest.firstIndex(where: { $0 == "_" || $0 == "^" }) {
            let marker = rest[index]
            let after = rest.index(after: index)
            if after < rest.endIndex, rest[after] == "{",
                let close = rest[after...].firstIndex(of: "}")
            {
                plain += rest[..<index]
                if !plain.isEmpty { runs.append(.normal(plain)); plain = "" }
                let inner = String(rest[rest.index(after: after)..<close])
                runs.append(marker == "_" ? .subscripted(inner) : .superscripted(inner))
                rest = rest[rest.index(after: close)...]
            } else {
                plain += rest[...index]
                rest = rest[after...]
            }
        }
        plain += rest
        if !plain.isEmpty { runs.append(.normal(plain)) }
        self.runs = runs
    }

    /// The label without markup, for accessible text and width estimates.
    var plainText: String {
        runs.map { run -> String in
            switch run {
            case .normal(let s), .subscripted(let s), .superscripted(let s): return s
            }
        }.joined()
    }

    /// `text` with `_{` and `^{` defused (a zero-width space after the mark), so that data (a
    /// feature's name) or a text cut short is shown as written, never read as scripts.
    static func defused(_ text: String) -> String {
        text.replacingOccurrences(of: "_{", with: "_\u{200B}{").replacingOccurrences(of: "^{", with: "^\u{200B}{")
    }

    /// How far a superscript's baseline is raised, in em of the text: it stands that much above
    /// the text's line.
    static let superscriptRaise = 0.45

    /// Scripts are set at this fraction of the text's size, so that a tick label's `10^{4}` (12
    /// units) keeps its exponent above 11: the raise, more than the size, marks it as a script.
    static let scriptScale = 0.92

    /// The rendered width in user units at `fontSize`, from the font's metrics (`TextMetrics`).
    func width(fontSize: Double, bold: Bool = false) -> Double {
        runs.reduce(0) { total, run in
            switch run {
            case .normal(let s): return total + TextMetrics.width(s, fontSize: fontSize, bold: bold)
            case .subscripted(let s), .superscripted(let s):
                return total + TextMetrics.width(s, fontSize: fontSize * RichText.scriptScale, bold: bold)
            }
        }
    }

    /// The children of a `<text>` element: plain text nodes and shifted `<tspan>`s, each shift
    /// undone on the next run so the baseline stays put. Text is escaped.
    var nodes: [SVGNode] {
        var nodes: [SVGNode] = []
        var shift = 0.0  // in em, positive is down
        for run in runs {
            let (text, target, scripted): (String, Double, Bool)
            switch run {
            case .normal(let s): (text, target, scripted) = (s, 0, false)
            case .subscripted(let s): (text, target, scripted) = (s, 0.3, true)
            case .superscripted(let s): (text, target, scripted) = (s, -RichText.superscriptRaise, true)
            }
            if target == shift && !scripted {
                nodes.append(.text(text))
                continue
            }
            var attributes: [SVGAttribute] = []
            if target != shift { attributes.append(SVGAttribute("dy", SVGNumber.format(target - shift) + "em")) }
            if scripted { attributes.append(SVGAttribute("font-size", SVGNumber.format(RichText.scriptScale * 100) + "%")) }
            nodes.append(.element("tspan", attributes, [.text(text)]))
            shift = target
        }
        if shift != 0 {
            // A trailing script leaves the pen shifted; a zero-width run brings it back so any text
            // a renderer appends (or a copy-paste) stays on the baseline.
            nodes.append(.element("tspan", [SVGAttribute("dy", SVGNumber.format(-shift) + "em")], [.text("\u{200B}")]))
        }
        return nodes
    }
}
