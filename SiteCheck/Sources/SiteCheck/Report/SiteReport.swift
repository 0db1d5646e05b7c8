/// What a check found over a whole site: totals per kind, the plots with the most problems,
/// and a few examples, worst first.
public struct SiteReport: Sendable {
    public let results: [PageResult]
    /// Every problem, in page order.
    public let problems: [Problem]

    public init(results: [PageResult]) {
        self.results = results
        problems = results.flatMap(\.problems)
    }

    /// Problems of `kind`: pairs for overlaps, texts for clipped and small, legend boxes, page views.
    public func count(_ kind: ProblemKind) -> Int { problems.lazy.filter { $0.kind == kind }.count }

    /// Texts drawn under 9 px (among those under 11).
    public var underNinePixels: Int { results.reduce(0) { $0 + $1.measurement.small.filter { $0.size < 9 }.count } }

    public var hasProblems: Bool { !problems.isEmpty }

    /// Distinct pages measured (each at every width).
    public var pages: Int { Set(results.map(\.page)).count }
    public var widths: [Int] { results.map(\.width).reduce(into: []) { if !$0.contains($1) { $0.append($1) } } }
    /// SVG elements and visible SVG texts, summed over every page at every width.
    public var svgs: Int { results.reduce(0) { $0 + $1.measurement.svgs } }
    public var texts: Int { results.reduce(0) { $0 + $1.measurement.texts } }

    /// Up to `limit` problems to show: the kinds taken in turn, each kind's worst first, and
    /// within a kind one per plot (or page) before a second of the same.
    public func examples(limit: Int) -> [Problem] {
        var queues = ProblemKind.allCases.map { kind -> [Problem] in
            let worstFirst = problems.filter { $0.kind == kind }.sorted { $0.severity > $1.severity }
            var seen = Set<String>()
            let (first, rest) = worstFirst.reduce(into: ([Problem](), [Problem]())) { split, problem in
                if seen.insert(problem.plot ?? problem.page).inserted { split.0.append(problem) } else { split.1.append(problem) }
            }
            return first + rest
        }
        var chosen: [Problem] = []
        while chosen.count < limit, queues.contains(where: { !$0.isEmpty }) {
            for index in queues.indices where !queues[index].isEmpty && chosen.count < limit {
                chosen.append(queues[index].removeFirst())
            }
        }
        return chosen
    }

    /// The plots with the most problems: title (an svg's, its panels' problems together), pages
    /// it is on, and counts per kind.
    public func worstPlots(limit: Int) -> [(plot: String, pages: Int, counts: [ProblemKind: Int])] {
        var byPlot: [String: (pages: Set<String>, counts: [ProblemKind: Int])] = [:]
        for problem in problems {
            guard let named = problem.plot else { continue }
            let plot = named.components(separatedBy: " › ")[0]
            byPlot[plot, default: ([], [:])].pages.insert(problem.page)
            byPlot[plot, default: ([], [:])].counts[problem.kind, default: 0] += 1
        }
        return byPlot.map { (plot: $0.key, pages: $0.value.pages.count, counts: $0.value.counts) }
            .sorted { ($0.counts.values.reduce(0, +), $1.plot) > ($1.counts.values.reduce(0, +), $0.plot) }
            .prefix(limit).map { $0 }
    }

    /// The report as printed: a summary line, the totals, the worst plots and the examples;
    /// or one line saying there is nothing to fix.
    public func text(examples limit: Int = 20, plots plotLimit: Int = 10) -> String {
        let scope =
            "\(grouped(pages)) page\(pages == 1 ? "" : "s") at \(widths.map(String.init).joined(separator: " and ")) px: "
            + "\(grouped(svgs)) SVGs, \(grouped(texts)) SVG texts"
        guard hasProblems else { return "check-site: no layout problems on \(scope)" }
        var lines = ["check-site: \(grouped(problems.count)) layout problems on \(scope)"]
        for kind in ProblemKind.allCases {
            var line = "  " + kind.title.padding(toLength: 28, withPad: " ", startingAt: 0) + grouped(count(kind)).leftPadded(6)
            switch kind {
            case .overlap: line += " pairs"
            case .small: line += " (\(grouped(underNinePixels)) under 9 px)"
            case .legend where count(.legend) > 0: line += " (\(legendBreakdown))"
            default: break
            }
            lines.append(line)
        }
        let plots = worstPlots(limit: plotLimit)
        if !plots.isEmpty {
            lines.append("Plots with the most problems:")
            for plot in plots {
                let counts = ProblemKind.allCases.compactMap { kind in plot.counts[kind].map { "\($0) \(kind.rawValue)" } }
                lines.append("  \"\(plot.plot)\" (\(plot.pages) page\(plot.pages == 1 ? "" : "s")): \(counts.joined(separator: ", "))")
            }
        }
        let shown = examples(limit: limit)
        lines.append("Examples (\(shown.count) of \(grouped(problems.count))):")
        lines += shown.map { "  " + $0.line }
        return lines.joined(separator: "\n")
    }

    /// How many legend boxes lie on data, on texts, and across the frame (one box may do several).
    private var legendBreakdown: String {
        let legends = results.flatMap(\.measurement.legends)
        let onData = legends.filter { !$0.data.isEmpty }.count
        let onTexts = legends.filter { !$0.texts.isEmpty }.count
        let acrossFrame = legends.filter(\.straddlesFrame).count
        return "\(onData) on data, \(onTexts) on texts, \(acrossFrame) across the frame"
    }
}

/// `1,189`: thousands separated by commas, as the site writes counts.
func grouped(_ number: Int) -> String {
    let digits = String(number.magnitude)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(digit)
    }
    return (number < 0 ? "-" : "") + out
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
