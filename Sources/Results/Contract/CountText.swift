/// A count as people read it, with thousands separators (`11,000,000`): the one way the site,
/// the CLI and the texts stored with an entry (a model's summary) write counts. Here, beneath
/// them all, so that each of them can use it.
public enum CountText {
    public static func of(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }
}
