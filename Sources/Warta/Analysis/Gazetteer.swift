/// What kind of thing an entity is.
public enum EntityType: String, Sendable, Codable, CaseIterable {
    /// A person: "Vladimir Putin", "To Lam".
    case person
    /// A country, region, province or city: "Korea Utara", "Hanoi".
    case place
    /// An organisation, institution or outlet: "PBB", "Kremlin", "AFP".
    case org
    /// A capitalised name the gazetteer does not know.
    case other
}

/// One named entity: its canonical name, its type and the other names it goes by.
public struct Entity: Sendable, Hashable {
    /// The canonical name, as results show it ("Korea Utara").
    public var name: String
    /// Person, place, organisation or other.
    public var type: EntityType
    /// The other names, as written in the gazetteer ("Korut", "DPRK",
    /// "North Korea"); the canonical name is not repeated here.
    public var aliases: [String]

    /// An entity from its parts.
    public init(name: String, type: EntityType, aliases: [String] = []) {
        self.name = name
        self.type = type
        self.aliases = aliases
    }

    /// The canonical name followed by the aliases: every name that matches.
    public var names: [String] { [name] + aliases }
}

/// A line of a gazetteer file that could not be read.
public struct GazetteerError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file (or other origin) the text came from.
    public var origin: String
    /// 1-based line number.
    public var line: Int
    /// What is wrong with that line.
    public var message: String

    /// `origin:line: message`, the shape of compiler diagnostics.
    public var description: String { "\(origin):\(line): \(message)" }
}

/// A list of known entities and the index that finds their names in text.
///
/// Matching rules (shared by `EntityRecognizer` and `entity(named:)`):
/// an alias of at most five letters written all in capitals ("AS", "PBB",
/// "DPRK") is an acronym and matches only exactly so ("as" is a common
/// word); every other name matches case- and diacritic-insensitively, with
/// hyphens and spaces equivalent ("Kim Jong-un" is "Kim Jong Un").
public struct Gazetteer: Sendable {
    /// The entities, in file order (a merged gazetteer: the base's first).
    public private(set) var entities: [Entity]
    /// The recognition patterns, keyed by the folded first word.
    let patterns: [String: [AliasPattern]]
    /// Folded name (words joined by one space) → entity, for non-acronyms.
    private let byFoldedName: [String: Int]
    /// Acronym exactly as written → entity.
    private let byAcronym: [String: Int]

    /// The gazetteer that ships with warta (see `GazetteerData`).
    public static let standard: Gazetteer = {
        do {
            return try Gazetteer(tsv: GazetteerData.tsv, origin: "<standard gazetteer>")
        } catch {
            fatalError("the bundled gazetteer is invalid: \(error)")
        }
    }()

    /// The canonical names of the standard gazetteer, in file order, read
    /// without building its matcher (for suggestions when an index file is
    /// opened, which needs nothing else of it).
    static let standardNames: [String] = {
        var seen = Set<String>()
        var names: [String] = []
        // Lines and fields split on the UTF-8 bytes (newline and tab are graphemes of their own).
        for line in GazetteerData.tsv.utf8.split(separator: UInt8(ascii: "\n")) {
            guard let first = line.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                  first != UInt8(ascii: "#") else { continue }
            let name = trim(Substring(line.prefix(while: { $0 != UInt8(ascii: "\t") })))
            if seen.insert(name).inserted { names.append(name) }
        }
        return names
    }()

    /// Reads a gazetteer file: one entity a line,
    /// `canonical<TAB>type<TAB>alias|alias|…` (the aliases may be left out);
    /// blank lines and lines starting with `#` are skipped. A name that two
    /// different entities claim is an error, as is an unknown type.
    public init(tsv: String, origin: String) throws {
        var entities: [Entity] = []
        var canonical: [String: Int] = [:]  // canonical name's key → entity
        var owner: [String: (entity: Int, line: Int)] = [:]
        var lineNumber = 0
        // Lines and fields are split on the UTF-8 bytes, which is what splitting the
        // characters gives (newline and tab are graphemes of their own), only faster:
        // the standard gazetteer is read at every start.
        for rawLine in tsv.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.utf8.last == UInt8(ascii: "\r") { line = line.dropLast() }
            guard let first = line.utf8.first(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }),
                  first != UInt8(ascii: "#") else { continue }
            let fields = line.utf8.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false).map {
                Gazetteer.trim(Substring($0))
            }
            guard fields.count == 2 || fields.count == 3 else {
                throw GazetteerError(origin: origin, line: lineNumber, message:
                    "expected 'name<TAB>type<TAB>alias|alias|…', found \(fields.count) tab-separated field\(fields.count == 1 ? "" : "s")")
            }
            let name = fields[0]
            guard !name.isEmpty, let folded = Gazetteer.nameKey(name) else {
                throw GazetteerError(origin: origin, line: lineNumber, message: "the entity has no name")
            }
            guard let type = EntityType(rawValue: fields[1].lowercased()) else {
                throw GazetteerError(origin: origin, line: lineNumber, message:
                    "unknown type '\(fields[1])' (expected person, place, org or other)")
            }
            var aliases: [String] = []
            var aliasKeys: [String] = []
            if fields.count == 3 {
                for alias in Gazetteer.aliases(fields[2]) where !alias.isEmpty {
                    guard let folded = Gazetteer.nameKey(alias) else {
                        throw GazetteerError(origin: origin, line: lineNumber, message: "alias '\(alias)' has no letters or digits")
                    }
                    if alias != name && !aliases.contains(alias) {
                        aliases.append(alias)
                        aliasKeys.append(Gazetteer.lookupKey(alias, folded: folded))
                    }
                }
            }
            let key = Gazetteer.lookupKey(name, folded: folded)
            let index: Int
            if let existing = canonical[key] {
                // The same entity twice: the later line adds aliases.
                index = existing
                entities[index].type = type
                for a in aliases where !entities[index].names.contains(a) { entities[index].aliases.append(a) }
            } else {
                index = entities.count
                entities.append(Entity(name: name, type: type, aliases: aliases))
                canonical[key] = index
            }
            for (n, k) in zip([name] + aliases, [key] + aliasKeys) {
                if let other = owner[k], other.entity != index {
                    throw GazetteerError(origin: origin, line: lineNumber, message:
                        "'\(n)' already names '\(entities[other.entity].name)' (line \(other.line))")
                }
                owner[k] = (index, lineNumber)
            }
        }
        self.init(entities: entities)
    }

    /// A gazetteer over these entities. Later entities win a name two claim.
    public init(entities: [Entity]) {
        var patterns: [String: [AliasPattern]] = [:]
        var byFoldedName: [String: Int] = [:]
        var byAcronym: [String: Int] = [:]
        for (index, entity) in entities.enumerated() {
            for name in entity.names {
                guard let pattern = AliasPattern(name, entity: index) else { continue }
                if pattern.acronym {
                    byAcronym[name] = index
                } else {
                    byFoldedName[pattern.words.joined(separator: " ")] = index
                }
                patterns[pattern.words[0], default: []].append(pattern)
            }
            // The canonical name is found case-insensitively even when it is an
            // acronym ("nato" names NATO), since nothing else can mean it.
            if let key = Gazetteer.nameKey(entity.name), byFoldedName[key] == nil {
                byFoldedName[key] = index
            }
        }
        // A later entity that took a name over owns it; drop the earlier claim.
        for (key, list) in patterns where list.count > 1 {
            var seen: Set<String> = []
            var kept: [AliasPattern] = []
            for p in list.reversed() {
                let id = (p.acronym ? "A:" : "F:") + p.words.joined(separator: " ") + "|" + p.gaps.joined(separator: "|")
                if seen.insert(id).inserted { kept.append(p) }
            }
            // Longest alias first, so "Korea Utara" wins over a shorter name.
            kept.sort { $0.words.count != $1.words.count ? $0.words.count > $1.words.count : $0.entity < $1.entity }
            patterns[key] = kept
        }
        self.entities = entities
        self.patterns = patterns
        self.byFoldedName = byFoldedName
        self.byAcronym = byAcronym
    }

    /// This gazetteer with `other`'s entries added: an entity of the same
    /// canonical name takes `other`'s type and gains its aliases, and a name
    /// `other` gives to one of its entities is taken from any entity here.
    public func merging(_ other: Gazetteer) -> Gazetteer {
        var result = entities
        var position: [String: Int] = [:]
        for (i, e) in result.enumerated() { position[Gazetteer.lookupKey(e.name)] = i }
        var taken: Set<String> = []
        for e in other.entities { for n in e.names { taken.insert(Gazetteer.lookupKey(n)) } }
        for i in result.indices {
            result[i].aliases.removeAll { taken.contains(Gazetteer.lookupKey($0)) }
        }
        for e in other.entities {
            if let i = position[Gazetteer.lookupKey(e.name)] {
                result[i].type = e.type
                var aliases = e.aliases
                for a in result[i].aliases where !aliases.contains(a) { aliases.append(a) }
                result[i].aliases = aliases
            } else {
                position[Gazetteer.lookupKey(e.name)] = result.count
                result.append(e)
            }
        }
        return Gazetteer(entities: result)
    }

    /// The entity one of whose names is `named`, by the matching rules above:
    /// `entity(named: "korut")` and `entity(named: "DPRK")` give Korea Utara,
    /// `entity(named: "as")` gives nothing, `entity(named: "AS")` Amerika Serikat.
    public func entity(named: String) -> Entity? {
        let name = Gazetteer.trim(Substring(named))
        if let i = byAcronym[name] { return entities[i] }
        if let key = Gazetteer.nameKey(name), let i = byFoldedName[key] { return entities[i] }
        return nil
    }

    /// The folded words of a name joined by one space ("Kim Jong-un" →
    /// "kim jong un"); `nil` when it has no word.
    static func nameKey(_ name: String) -> String? {
        // Built in one string as the words come: no array of them, no join.
        var key = ""
        Tokenizer.forEachWord(name) { term, _ in
            if !key.isEmpty { key += " " }
            key += term
        }
        return key.isEmpty ? nil : key
    }

    /// The key under which a file's names must be unique: acronyms as written.
    private static func lookupKey(_ name: String) -> String {
        lookupKey(name, folded: nameKey(name) ?? name)
    }

    /// The same, given the name's `nameKey`.
    private static func lookupKey(_ name: String, folded: String) -> String {
        AliasPattern.isAcronym(name) ? "A:" + name : "F:" + folded
    }

    /// The `|`-separated aliases of a field, trimmed.
    private static func aliases(_ field: String) -> [String] {
        // ASCII splits the same on bytes as on characters, much faster (a `|` followed by a
        // combining mark is one character, so text that is not ASCII is split on characters).
        if field.utf8.allSatisfy({ $0 < 0x80 }) {
            return field.utf8.split(separator: UInt8(ascii: "|")).map { trim(Substring($0)) }
        }
        return field.split(separator: "|").map { trim($0) }
    }

    /// Without leading and trailing spaces and tabs (whole characters: a
    /// space carrying a combining mark stays).
    private static func trim(_ s: Substring) -> String {
        // In place rather than through reversed(): building the standard gazetteer trims every field, at start-up.
        // A character that is a space or a tab starts and ends with that byte: most fields need no look at characters.
        let blank = { (b: UInt8?) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        if !blank(s.utf8.first) && !blank(s.utf8.last) { return String(s) }
        var t = s
        while let c = t.first, c == " " || c == "\t" { t.removeFirst() }
        while let c = t.last, c == " " || c == "\t" { t.removeLast() }
        return String(t)
    }
}

/// One name of an entity, prepared for matching word by word.
struct AliasPattern: Sendable {
    /// Folded words ("kim", "jong", "un").
    var words: [String]
    /// What separates consecutive words (see `TextBytes.gapKey`): "" for
    /// spaces and hyphens, "." for "Mr. Putin".
    var gaps: [String]
    /// Matches only as written (acronyms); then `exact` holds the bytes.
    var acronym: Bool
    var exact: [UInt8]
    /// Index into `Gazetteer.entities`.
    var entity: Int

    init?(_ name: String, entity: Int) {
        var words: [String] = []
        var gaps: [String] = []
        var bytes = Array(name.utf8)
        let ok: Bool = bytes.withUnsafeBufferPointer { buf in
            let scanned = TextBytes.words(buf)
            guard !scanned.isEmpty else { return false }
            for (k, w) in scanned.enumerated() {
                words.append(TextBytes.fold(buf, w.start, w.end))
                if k > 0 { gaps.append(TextBytes.gapKey(buf, scanned[k - 1].end, w.start) ?? "") }
            }
            return true
        }
        guard ok else { return nil }
        self.words = words
        self.gaps = gaps
        self.acronym = AliasPattern.isAcronym(name)
        self.exact = acronym ? bytes : []
        self.entity = entity
        bytes.removeAll()
    }

    /// At most five letters, all capitals, and nothing but letters and digits:
    /// "AS", "PBB", "DPRK", "G20". Such names are common words in lower case.
    static func isAcronym(_ name: String) -> Bool {
        var letters = 0
        for b in name.utf8 {
            if b >= 0x41 && b <= 0x5A { letters += 1 } else if b >= 0x30 && b <= 0x39 { continue } else { return false }
        }
        return letters >= 1 && letters <= 5
    }
}
