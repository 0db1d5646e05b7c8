/// A moment's calendar fields in UTC on the proleptic Gregorian calendar, found by integer
/// arithmetic alone: no locale, no time zone and no `Calendar`, so a time axis is the same
/// bytes on every machine. Leap seconds do not exist here, as in Unix time.
struct UTCTime: Sendable, Equatable {
    /// Days since 1970-01-01 (negative before it).
    var dayNumber: Int
    /// The year, e.g. 2026.
    var year: Int
    /// 1 (January) … 12.
    var month: Int
    /// Day of the month, 1 … 31.
    var day: Int
    /// Seconds since midnight, 0 … 86,399 (fractions dropped).
    var secondOfDay: Int

    /// Seconds in a day.
    static let secondsPerDay = 86_400

    /// English month abbreviations, fixed so labels do not follow the machine's language.
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// The fields of `seconds` since 1970-01-01 00:00:00 UTC (finite), rounded down to the second.
    init(seconds: Double) {
        precondition(seconds.isFinite, "a time must be finite")
        let whole = Int(seconds.rounded(.down))
        let days = Self.floorDivide(whole, Self.secondsPerDay)
        let (year, month, day) = Self.civil(dayNumber: days)
        self.dayNumber = days
        self.year = year
        self.month = month
        self.day = day
        self.secondOfDay = whole - days * Self.secondsPerDay
    }

    /// Hours, 0 … 23.
    var hour: Int { secondOfDay / 3600 }
    /// Minutes of the hour.
    var minute: Int { secondOfDay / 60 % 60 }
    /// Seconds of the minute.
    var second: Int { secondOfDay % 60 }
    /// Months since January 1970: one number per calendar month, for counting in months.
    var monthNumber: Int { (year - 1970) * 12 + month - 1 }

    /// `2026-12-03`.
    var isoDate: String { "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))" }
    /// `3 Dec`.
    var dayAndMonth: String { "\(day) \(Self.monthNames[month - 1])" }
    /// `14:05`.
    var hoursAndMinutes: String { "\(Self.padded(hour, 2)):\(Self.padded(minute, 2))" }
    /// `14:05:30`.
    var clock: String { hoursAndMinutes + ":" + Self.padded(second, 2) }

    /// Seconds since 1970 of midnight UTC starting `year`-`month`-`day` (month and day in range).
    static func seconds(year: Int, month: Int, day: Int) -> Double {
        Double(dayNumber(year: year, month: month, day: day) * secondsPerDay)
    }

    /// Seconds since 1970 of midnight UTC on the first day of month number `monthNumber`
    /// (months since January 1970, as `monthNumber` counts them).
    static func seconds(monthNumber: Int) -> Double {
        let year = 1970 + floorDivide(monthNumber, 12)
        return seconds(year: year, month: monthNumber - (year - 1970) * 12 + 1, day: 1)
    }

    /// Days since 1970-01-01 of a date (H. Hinnant's `days_from_civil`: eras of 400 years).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date of a day number (H. Hinnant's `civil_from_days`).
    static func civil(dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `a / b` rounded towards minus infinity (`b > 0`).
    static func floorDivide(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// `value` with leading zeros to `width` digits (`-` kept in front).
    private static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
