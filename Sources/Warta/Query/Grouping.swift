/// Grouped counts: `count … group by …` and `compare …`.
///
/// Each group carries its total — how many rows of the same unit the group
/// holds in the whole corpus, or in the `within` scope — so a count can be
/// read as a share of coverage rather than a volume of output. Date buckets
/// are listed from the first date of the scope to the last, empty ones with 0,
/// so a timeline has no holes.
extension Evaluator {
    /// `count … group by …`.
    func groupedCount(_ q: CheckedQuery) -> QueryResult {
        .groups(groupCounts([("count", q)], shared: q, isComparison: false))
    }

    /// `compare a, b … group by …`.
    func compare(_ c: Comparison) -> QueryResult {
        .groups(groupCounts(c.series, shared: c.shared, isComparison: true))
    }

    /// Buckets a timeline fills at most; a wider span lists the buckets that have rows.
    static let maximumFilledBuckets = 100_000

    func groupCounts(_ series: [(label: String, query: CheckedQuery)], shared: CheckedQuery, isComparison: Bool) -> GroupedCounts {
        let keys = shared.groupBy
        var spelling: [[Value: Value]] = Array(repeating: [:], count: keys.count)
        var perSeries: [[[Value]: Int]] = []
        var matched: [Int] = []
        for (_, q) in series {
            var scoped = q
            scoped.scope = shared.scope
            let (counts, n) = tally(scoped, keys, &spelling)
            perSeries.append(counts)
            matched.append(n)
        }
        // The totals: every row of the unit, in the scope (a set counts articles).
        let all = shared.totals(of: series.first?.query.unitKind ?? .articles)
        let (totals, _) = tally(all, keys, &spelling)

        return GroupedCounts(keys: keys, labels: series.map(\.label), isComparison: isComparison, unit: all.unitKind,
                             shared: shared, counts: perSeries, totals: totals, spelling: spelling, matched: matched)
    }

    /// Counts the rows of `q` by the values of `keys` (folded), noting each
    /// value's first spelling; a row of a list field counts in each of its groups.
    private func tally(_ q: CheckedQuery, _ keys: [GroupKey], _ spelling: inout [[Value: Value]]) -> ([[Value]: Int], Int) {
        let source = rowSource(q, withScores: false)
        var counts: [[Value]: Int] = [:]
        let columns = keys.map(Projection.groupColumn)
        for r in 0..<source.count {
            if r & 1023 == 0, stop.shouldStop() { break }
            var tuples: [[Value]] = [[]]
            for (i, key) in keys.enumerated() {
                let raw = source.value(columns[i], r)
                let values = Projection.groupValues(key, raw)
                for v in values where spelling[i][v] == nil { spelling[i][v] = Projection.displayValue(v, raw) }
                tuples = tuples.flatMap { t in values.map { t + [$0] } }
            }
            for t in tuples { counts[t, default: 0] += 1 }
        }
        return (counts, source.count)
    }

    /// Every bucket from `first` to `last`: days as dates, the rest as labels.
    static func buckets(from first: Day, to last: Day, _ bucket: String) -> [Value] {
        var out: [Value] = []
        var previous: String?
        var o = first.ordinal
        while o <= last.ordinal {
            let d = Day(ordinal: o)
            if bucket == "day" {
                out.append(.date(d))
            } else {
                let label = Projection.bucketLabel(d, bucket)
                if label != previous { out.append(.string(label)); previous = label }
            }
            o += 1
        }
        return out
    }

    /// The first day of a bucket label: `2024`, `2024-06`, `2024-W25`.
    static func firstDay(ofBucket label: String) -> Day? {
        let parts = label.split(separator: "-")
        guard let year = Int(parts[0]) else { return nil }
        if parts.count == 1 { return Day(year: year, month: 1, day: 1) }
        if parts[1].hasPrefix("W"), let week = Int(parts[1].dropFirst()), let jan4 = Day(year: year, month: 1, day: 4) {
            // ISO week 1 holds 4 January; weeks start on Monday.
            let monday = jan4.ordinal - Int32(jan4.weekday) + 1
            return Day(ordinal: monday + Int32((week - 1) * 7))
        }
        guard let month = Int(parts[1]) else { return nil }
        return Day(year: year, month: month, day: 1)
    }

    /// Values in order, nulls last whichever the direction.
    static func compareGroupValues(_ a: Value, _ b: Value, descending: Bool) -> Int {
        if a == .null || b == .null { return a == b ? 0 : (a == .null ? 1 : -1) }
        let c = Projection.compareForSort(a, b)
        return descending ? -c : c
    }

    static func compareNumbers<T: Comparable>(_ a: T, _ b: T, descending: Bool) -> Int {
        let c = a < b ? -1 : (a > b ? 1 : 0)
        return descending ? -c : c
    }
}

extension GroupedCounts {
    /// Grouped counts from tallies, however an executor made them: the
    /// matching rows of each series and all rows of the unit (in the scope)
    /// by their folded group values, and the first spelling of each value.
    /// Timelines are filled, groups sorted by `shared.groupOrder`, cut by its
    /// offset and limit.
    public init(keys: [GroupKey], labels: [String], isComparison: Bool, unit: Unit, shared: CheckedQuery,
                counts perSeries: [[[Value]: Int]], totals: [[Value]: Int], spelling: [[Value: Value]], matched: [Int]) {
        var groups = Set(perSeries.flatMap(\.keys))
        if keys.isEmpty { groups = [[]] }
        for (i, key) in keys.enumerated() {
            guard case .dateBucket(_, let bucket) = key else { continue }
            let days = totals.keys.compactMap { g -> Day? in
                switch g[i] {
                case .date(let d): return d
                case .string(let s): return Evaluator.firstDay(ofBucket: s)
                default: return nil
                }
            }
            guard let first = days.min(), let last = days.max(),
                  Int(last.ordinal - first.ordinal) < Evaluator.maximumFilledBuckets else { continue }
            let buckets = Evaluator.buckets(from: first, to: last, bucket)
            // A timeline alone lists every bucket; with a second key, every
            // bucket for each value of the other key that has rows.
            var templates = Set(groups.filter { $0[i] != .null }.map { g -> [Value] in var t = g; t[i] = .null; return t })
            if keys.count == 1 { templates = [[.null]] }
            for t in templates {
                for b in buckets {
                    var g = t
                    g[i] = b
                    groups.insert(g)
                }
            }
        }
        var rows = groups.map { g in
            GroupRow(group: g.enumerated().map { i, v in spelling[i][v] ?? v }, counts: perSeries.map { $0[g] ?? 0 },
                     total: totals[g] ?? 0)
        }
        rows.sort { a, b in
            for key in shared.groupOrder {
                let c: Int
                switch key {
                case .key(let i, let d): c = Evaluator.compareGroupValues(a.group[i], b.group[i], descending: d)
                case .count(let d): c = Evaluator.compareNumbers(a.counts[0], b.counts[0], descending: d)
                case .total(let d): c = Evaluator.compareNumbers(a.total, b.total, descending: d)
                case .share(let d):
                    c = Evaluator.compareNumbers(a.share() ?? -1, b.share() ?? -1, descending: d)
                }
                if c != 0 { return c < 0 }
            }
            for i in a.group.indices {
                let c = Evaluator.compareGroupValues(a.group[i], b.group[i], descending: false)
                if c != 0 { return c < 0 }
            }
            return false
        }
        let start = min(shared.offset, rows.count)
        let end = shared.limit.map { min(rows.count, start + $0) } ?? rows.count
        let kept = Array(rows[start..<end])
        self.init(keys: keys.map(\.name), series: labels, isComparison: isComparison,
                  unit: unit.rawValue, scope: shared.scope?.written, rows: kept, matched: matched,
                  groupsLeftOut: rows.count - kept.count)
    }
}

extension CheckedQuery {
    /// What a grouped count's totals count: every row of `unit` in the scope
    /// (no condition, no set, no sample).
    public func totals(of unit: Unit) -> CheckedQuery {
        var all = self
        all.unitKind = unit
        all.condition = .all
        all.rowFilter = .all
        all.setName = nil
        all.collocation = nil
        all.sample = nil
        return all
    }
}
