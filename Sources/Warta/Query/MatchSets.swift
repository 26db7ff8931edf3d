/// The articles a condition matches, as a bitset.
///
/// The plan, per node of the condition:
/// - a word (or a prefix, or a stem) sets the documents of its posting lists
///   straight into the result: no iterator, no per-document dispatch;
/// - `and` intersects its children's sets, removes its `not` children's and
///   confirms column filters (a date range reads the date column) on the
///   survivors only; when one child is far rarer than the others it
///   leapfrogs instead (posting iterators with galloping `advance`), so a
///   rare word joined with a common one costs the rare one's length;
/// - `or` is a union, `not` a complement;
/// - leaves that need positions (phrases, `near`, `at least N times`) and
///   entities run their posting iterators, which confirm positions only for
///   documents that survive the document-level join.
/// A count is the population count of the result: nothing is scored.
extension Evaluator {
    /// A child this many times rarer than every other of an `and` leads a leapfrog join.
    static let leapfrogRatio = 32

    /// The articles matching `condition`.
    func matchSet(_ condition: Condition) -> DocBits {
        let n = corpus.articles.count
        switch condition {
        case .all:
            return .all(n)
        case .and(let parts):
            return conjunctionSet(parts)
        case .or(let parts):
            var s = DocBits(capacity: n)
            for p in parts {
                if case .all = p { return .all(n) }
                addMatches(p, into: &s)
            }
            return s
        case .not(let inner):
            var s = matchSet(inner)
            s.complement()
            return s
        case .text(let search) where Evaluator.isPlainWord(search):
            var s = DocBits(capacity: n)
            addMatches(condition, into: &s)
            return s
        case .text(let search) where Evaluator.isExactPhrase(search):
            var s = DocBits(capacity: n)
            for field in search.fields { addPhrase(search, field, into: &s) }
            return s
        case .text, .entity:
            return drained(iterator(for: condition))
        case .compare(.id, let op, .string(let value)) where op == .equal || op == .notEqual:
            // The ids section, read once, instead of every article's id: `id = "…"` is a lookup.
            var s = DocBits(capacity: n)
            for d in corpus.ordinalByID.ordinals(ignoringCase: value) where d >= 0 && d < n { s.insert(d) }
            if op == .notEqual { s.complement() }
            return s
        default:
            // A column filter on its own: every article, checked.
            var s = DocBits.all(n)
            s.filter(stop: stop.shouldStop, articleCheck(condition))
            return s
        }
    }

    /// The articles matching a query: its condition at article level,
    /// within its set and its `within` scope.
    func matchingSet(_ q: CheckedQuery) -> DocBits {
        var condition = q.unitKind.isSpan ? Evaluator.articleLevel(q.condition) : q.condition
        if let scope = q.scope, scope.condition != .all {
            condition = condition == .all ? scope.condition : .and([condition, scope.condition])
        }
        var s = matchSet(condition)
        if let set = q.setName { s.formIntersection(setBits(set)) }
        if let set = q.scope?.setName { s.formIntersection(setBits(set)) }
        return s
    }

    /// The members of a named set.
    func setBits(_ name: String) -> DocBits {
        var s = DocBits(capacity: corpus.articles.count)
        for d in sets[name] ?? [] where d >= 0 && d < s.capacity { s.insert(d) }
        return s
    }

    /// Adds the articles matching `condition` to `s` (a union).
    private func addMatches(_ condition: Condition, into s: inout DocBits) {
        guard case .text(let search) = condition, Evaluator.isPlainWord(search) else {
            s.formUnion(matchSet(condition))
            return
        }
        for field in search.fields {
            for word in words(search.phrase[0]) {
                corpus.index.insertDocuments(of: word, in: field, into: &s)
            }
        }
    }

    /// The terms a word pattern stands for.
    func words(_ w: WordPattern) -> [String] {
        switch w {
        case .exact(let t): return [t]
        case .prefix(let p): return corpus.index.terms(withPrefix: p)
        case .stem(let word): return corpus.wordForms(sameStemAs: word)
        }
    }

    /// One word, no positions to check: its posting lists are its documents.
    static func isPlainWord(_ s: TextSearch) -> Bool {
        s.phrase.count == 1 && s.near == nil && s.minimumCount <= 1 && s.scope == .article
    }

    /// Every posting list a word pattern expands to in a field, unmerged.
    func documentLists(_ w: WordPattern, _ field: IndexedField) -> [PostingList] {
        words(w).map { corpus.index.postings(for: $0, in: field) }.filter { $0.count > 0 }
    }

    private func conjunctionSet(_ parts: [Condition]) -> DocBits {
        let n = corpus.articles.count
        var positive: [Condition] = []
        var negative: [Condition] = []
        var filters: [Condition] = []
        for p in parts {
            switch p {
            case .all: break
            case .not(let inner): negative.append(inner)
            case .and, .or, .text, .entity: positive.append(p)
            default: filters.append(p)
            }
        }
        let costs = positive.map(estimatedMatches)
        let order = positive.indices.sorted { costs[$0] < costs[$1] }
        if order.count >= 2, costs[order[0]] * Evaluator.leapfrogRatio < costs[order[1]] {
            // One child is far rarer: leapfrog from it rather than build every child's set.
            return drained(iterator(for: .and(parts)))
        }
        var s: DocBits
        if let first = order.first {
            s = matchSet(positive[first])
            for i in order.dropFirst() {
                if s.isEmpty || stop.shouldStop() { break }
                s.formIntersection(matchSet(positive[i]))
            }
        } else {
            s = .all(n)
        }
        for c in negative {
            if s.isEmpty || stop.shouldStop() { break }
            s.subtract(matchSet(c))
        }
        for f in filters {
            if s.isEmpty { break }
            s.filter(stop: stop.shouldStop, articleCheck(f))
        }
        return s
    }

    /// At most how many articles a condition can match, from posting
    /// list lengths (for choosing how to join).
    func estimatedMatches(_ c: Condition) -> Int {
        let n = corpus.articles.count
        switch c {
        case .text(let s):
            var best = n
            for w in s.phrase + (s.near?.phrase ?? []) {
                var total = 0
                for f in s.fields { total += documentLists(w, f).reduce(0) { $0 + $1.count } }
                best = min(best, total)
            }
            return best
        case .entity(let e):
            guard let id = corpus.entityIDs[e.name] else { return 0 }
            return IndexedField.allCases.reduce(0) { $0 + corpus.entityPostings[$1.rawValue][Int(id)].count }
        case .and(let ps): return ps.map(estimatedMatches).min() ?? n
        case .or(let ps): return min(n, ps.reduce(0) { $0 + estimatedMatches($1) })
        default: return n
        }
    }

    /// The confirmed documents of an iterator.
    func drained(_ it: DocIterator) -> DocBits {
        var s = DocBits(capacity: corpus.articles.count)
        var d = it.next()
        while d != noMoreDocs {
            if it.matches() { s.insert(d) }
            if stop.shouldStop() { break }
            d = it.next()
        }
        return s
    }

    /// Several exact words (a phrase), or two single words `near` each
    /// other, counted once per article: joined and confirmed on the posting
    /// arrays themselves.
    static func isExactPhrase(_ s: TextSearch) -> Bool {
        guard s.minimumCount <= 1, s.scope == .article else { return false }
        let exact = { (w: WordPattern) -> Bool in if case .exact = w { return true } else { return false } }
        guard s.phrase.allSatisfy(exact) else { return false }
        if let near = s.near { return s.phrase.count == 1 && near.phrase.count == 1 && near.phrase.allSatisfy(exact) }
        return s.phrase.count > 1
    }

    /// Adds the articles where the phrase (or the `near` pair) occurs in `field`.
    private func addPhrase(_ search: TextSearch, _ field: IndexedField, into s: inout DocBits) {
        var lists: [PostingList] = []
        for case .exact(let t) in search.phrase + (search.near?.phrase ?? []) {
            let l = corpus.index.postings(for: t, in: field)
            if l.count == 0 { return }
            lists.append(l)
        }
        let gap = search.near?.distance
        PostingView.with(lists[...], []) { views in
            PhraseJoin(views: views, nearGap: gap).forEachMatch { s.insert($0) }
        }
    }
}

/// A posting list's arrays, borrowed for the length of a join.
struct PostingView {
    let docs: UnsafeBufferPointer<UInt32>
    let starts: UnsafeBufferPointer<UInt32>
    let positions: UnsafeBufferPointer<UInt32>

    /// Calls `body` with views of `lists`, valid for the call.
    static func with<R>(_ lists: ArraySlice<PostingList>, _ views: [PostingView], _ body: ([PostingView]) -> R) -> R {
        guard let first = lists.first else { return body(views) }
        return first.docs.withUnsafeBufferPointer { d in
            first.positionStarts.withUnsafeBufferPointer { st in
                first.positions.withUnsafeBufferPointer { p in
                    with(lists.dropFirst(), views + [PostingView(docs: d, starts: st, positions: p)], body)
                }
            }
        }
    }

    /// The positions of posting `i`.
    @inline(__always)
    func positions(at i: Int) -> UnsafeBufferPointer<UInt32> {
        UnsafeBufferPointer(rebasing: positions[Int(starts[i])..<Int(starts[i + 1])])
    }
}

/// The documents where words occur consecutively (slot k at position p + k),
/// or, with `nearGap`, where two words occur within that many words of each
/// other in either order: leapfrogs from the rarest list, then reads the
/// positions of the documents every list holds.
struct PhraseJoin {
    let views: [PostingView]
    let nearGap: Int?

    func forEachMatch(_ body: (Int) -> Void) {
        guard !views.isEmpty else { return }
        let lead = views.indices.min { views[$0].docs.count < views[$1].docs.count }!
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * views.count) { scratch in
            let cursors = UnsafeMutableBufferPointer(rebasing: scratch[0..<views.count])
            let at = UnsafeMutableBufferPointer(rebasing: scratch[views.count...])
            for k in cursors.indices { cursors[k] = 0 }
            let leadDocs = views[lead].docs
            outer: for (i, d) in leadDocs.enumerated() {
                cursors[lead] = i
                for k in views.indices where k != lead {
                    let c = gallop(views[k].docs, to: d, from: cursors[k])
                    cursors[k] = c
                    if c == views[k].docs.count { return }
                    if views[k].docs[c] != d { continue outer }
                }
                if confirmed(cursors, at) { body(Int(d)) }
            }
        }
    }

    /// Whether the positions of the postings at `cursors` hold the phrase
    /// (`at` is scratch space, one slot per list).
    private func confirmed(_ cursors: UnsafeMutableBufferPointer<Int>, _ at: UnsafeMutableBufferPointer<Int>) -> Bool {
        if let gap = nearGap {
            return PhraseJoin.within(views[0].positions(at: cursors[0]), views[1].positions(at: cursors[1]), gap: gap)
        }
        return PhraseJoin.consecutive(slots: views.count, at) { views[$0].positions(at: cursors[$0]) }
    }

    /// Whether the position lists of slots `0..<slots` hold p, p + 1, …
    /// for some p (`at` is scratch space, one slot per list).
    @inline(__always)
    static func consecutive(slots n: Int, _ at: UnsafeMutableBufferPointer<Int>, _ positions: (Int) -> UnsafeBufferPointer<UInt32>) -> Bool {
        for k in 0..<n { at[k] = 0 }
        candidates: for p in positions(0) {
            for k in 1..<n {
                let list = positions(k)
                let want = p &+ UInt32(k)
                var c = at[k]
                while c < list.count && list[c] < want { c += 1 }
                at[k] = c
                if c == list.count { return false }
                if list[c] != want { continue candidates }
            }
            return true
        }
        return false
    }

    /// Whether some position of `a` and some of `b` are at most `gap` words
    /// apart (either order), not the same word.
    static func within(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, gap: Int) -> Bool {
        var j = 0
        for p32 in a {
            let p = Int(p32)
            let lo = p - gap - 1, hi = p + gap + 1
            while j < b.count && Int(b[j]) < lo { j += 1 }
            var k = j
            while k < b.count && Int(b[k]) <= hi {
                if Int(b[k]) != p { return true }
                k += 1
            }
            if j == b.count { return false }
        }
        return false
    }
}
