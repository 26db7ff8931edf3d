import Foundation

/// The analyses of articles that have identical copies, made once and
/// handed to every copy, whichever part meets it first; each is dropped
/// when its last copy has taken it, so memory holds only those still awaited.
final class SharedAnalyses: @unchecked Sendable {
    private enum Slot {
        case waiting
        case inProgress
        case made(AnalyzedArticle)
    }

    private let firsts: [Int32]
    private let analyze: (Int) -> AnalyzedArticle
    /// Per article that has copies: its slot; -1 for the others.
    private var slotOf: [Int32]
    private var slots: [Slot] = []
    /// Per slot: the copies (the first included) still to take it.
    private var usesLeft: [Int32] = []
    private let condition = NSCondition()

    init(firsts: [Int32], analyze: @escaping (Int) -> AnalyzedArticle) {
        self.firsts = firsts
        self.analyze = analyze
        slotOf = [Int32](repeating: -1, count: firsts.count)
        for (i, f) in firsts.enumerated() where f != Int32(i) {
            if slotOf[Int(f)] < 0 {
                slotOf[Int(f)] = Int32(slots.count)
                slots.append(.waiting)
                usesLeft.append(1)
            }
            usesLeft[Int(slotOf[Int(f)])] += 1
        }
    }

    /// The first of article `i`'s identical copies, nil when it has none:
    /// what a part remembers to add a later copy without numbering its words again.
    func copyKey(_ i: Int) -> Int32? {
        slotOf[Int(firsts[i])] < 0 ? nil : firsts[i]
    }

    /// The analysis of article `i`, made here or taken from its first copy.
    func analysis(of i: Int) -> AnalyzedArticle {
        take(i, wait: true)!
    }

    /// The analyses of a stretch of articles, in order. Copies another
    /// thread is analysing are taken last, so two parts meeting the same
    /// articles share the work rather than wait for each other.
    func analyses(of range: Range<Int>) -> [AnalyzedArticle] {
        var out = [AnalyzedArticle?](repeating: nil, count: range.count)
        var later: [Int] = []
        for i in range {
            if let a = take(i, wait: false) { out[i - range.lowerBound] = a } else { later.append(i) }
        }
        for i in later { out[i - range.lowerBound] = take(i, wait: true) }
        // Moved out, not copied: a copy would retain every array and string of every analysis.
        return out.indices.map { k in
            var a: AnalyzedArticle? = nil
            swap(&a, &out[k])
            return a!
        }
    }

    /// nil only when `wait` is false and another thread is analysing the article.
    private func take(_ i: Int, wait: Bool) -> AnalyzedArticle? {
        let s = Int(slotOf[Int(firsts[i])])
        if s < 0 { return analyze(i) }
        condition.lock()
        defer { condition.unlock() }
        while true {
            switch slots[s] {
            case .made(let a):
                release(s)
                return a
            case .waiting:
                slots[s] = .inProgress
                condition.unlock()
                let a = analyze(Int(firsts[i]))
                condition.lock()
                slots[s] = .made(a)
                condition.broadcast()
                release(s)
                return a
            case .inProgress:
                guard wait else { return nil }
                condition.wait()
            }
        }
    }

    /// One copy fewer awaits slot `s` (the lock is held).
    private func release(_ s: Int) {
        usesLeft[s] -= 1
        if usesLeft[s] == 0 { slots[s] = .waiting }
    }
}
