/// One layout problem, located (page, window width, plot) and described for a reader.
public struct Problem: Sendable, Equatable {
    public var kind: ProblemKind
    public var page: String
    public var width: Int
    /// The plot's `<title>`; nil for a page-wide problem.
    public var plot: String?
    /// What is wrong, with the texts involved in quotes.
    public var detail: String
    /// How bad, within its kind, to show the worst first: overlap area (px²), px outside the
    /// plot, px under the limit, things a legend covers, px of sideways scroll.
    public var severity: Double

    /// `page at width px: kind in "plot": detail`.
    public var line: String {
        let place = plot.map { " in \"\($0)\"" } ?? ""
        return "\(page) at \(width) px: \(kind.title)\(place): \(detail)"
    }
}

extension PageResult {
    /// The page's problems, one per overlapping pair, clipped or small text, legend box in the
    /// way, and one when the page is wider than the window.
    public var problems: [Problem] {
        let m = measurement
        func problem(_ kind: ProblemKind, _ plot: String?, _ detail: String, _ severity: Double) -> Problem {
            Problem(kind: kind, page: page, width: width, plot: plot, detail: detail, severity: severity)
        }
        var found: [Problem] = []
        for o in m.overlaps {
            let plot = o.first.plot == o.second.plot ? o.first.plot : "\(o.first.plot)\" and \"\(o.second.plot)"
            found.append(
                problem(
                    .overlap, plot, "\"\(o.first.text)\" and \"\(o.second.text)\" (\(px(o.width)) × \(px(o.height)) px)", o.width * o.height
                ))
        }
        for c in m.clipped {
            found.append(problem(.clipped, c.text.plot, "\"\(c.text.text)\" reaches \(px(c.by)) px outside its plot", c.by))
        }
        for s in m.small {
            found.append(problem(.small, s.text.plot, "\"\(s.text.text)\" at \(px(s.size)) px", 11 - s.size))
        }
        for l in m.legends {
            var parts: [String] = []
            if !l.data.isEmpty { parts.append("over " + listed(l.data)) }
            if !l.texts.isEmpty { parts.append("over " + listed(l.texts.map { "\"\($0)\"" })) }
            if l.straddlesFrame { parts.append("across the frame's edge") }
            let severity = Double(l.data.count + l.texts.count + (l.straddlesFrame ? 1 : 0))
            found.append(problem(.legend, l.plot, "legend \"\(l.legend)\" lies \(parts.joined(separator: "; "))", severity))
        }
        if m.isWide {
            found.append(
                problem(.wide, nil, "\(px(m.scrollWidth)) px of page in a \(px(m.windowWidth)) px window", m.scrollWidth - m.windowWidth))
        }
        return found
    }
}

/// A length in px to one decimal, without a trailing `.0`.
func px(_ value: Double) -> String {
    let tenths = (value * 10).rounded() / 10
    return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
}

/// The first three items, and how many more.
func listed(_ items: [String]) -> String {
    items.prefix(3).joined(separator: ", ") + (items.count > 3 ? " and \(items.count - 3) more" : "")
}
