/// `.help [topic]`: the language and the commands, with examples that run on
/// the bundled corpus.
enum Help {
    static let topics: [(name: String, text: String)] = [
        ("statements", """
            Statements (end with ; or a line break when complete):
              articles where mentions "To Lam" and date = 2024-06-20
              count articles where mentions "Putin"
              count articles group by date.month
              articles where source = "virprom.com" show id, title, date
              articles order by date desc, id limit 3 offset 1
              explain articles where mentions "Kim Jong Un"
              let visits = articles where mentions "Putin" and mentions "Vietnam"
              visits where date = 2024-06-20
              visits except quoted          (also: union, intersect)
            """),
        ("mentions", """
            Text predicates (words are compared without case or diacritics;
            "Kim Jong Un" finds Kim Jong-un):
              mentions "To Lam"                     the words, consecutively
              mentions "kunjung*"                   a word starting with kunjung
              mentions "pakta" near 5 "pertahanan"  within 5 words, either order
              mentions "Putin" at least 5 times     a count threshold
              title contains "Vietnam"              the words in one field
            """),
        ("fields", """
            Comparisons:
              date = 2024-06-20      date = 2024-06 (the month)   date = 2024 (the year)
              date between 2024-06-19 and 2024-06-20
              date is null           source is not null
              source in ("virprom.com", "marwahkepri.com")
              words > 500            id != "000_fb609a331a1786d6"
              dates contains 2024-06-19
            Combine with and, or, not and parentheses (not binds tightest).
            .schema lists the fields.
            """),
        ("clauses", """
            Clauses, in this order:
              where CONDITION
              group by FIELD          (with count; date.year, date.month, date.week, date.day)
              order by FIELD [asc|desc], …   (default: score when the query searches text, else id)
              limit N [offset M]
              show FIELD, …           (default: id, title, date, source)
            """),
        ("commands", """
            Commands:
              .help [topic]        this help; topics: statements, mentions, fields, clauses, commands
              .open PATH           open another corpus (folder, .jsonl, article file)
              .info                corpus statistics
              .schema              units and fields
              .format FORMAT       table, json, jsonl, csv, markdown
              .timer on|off        print each statement's time
              .read FILE           run a script
              .output [FILE]       send results to FILE, or back to the terminal
              .sets                named sets and their sizes
              .history             recent statements
              .quit, .exit, Ctrl-D leave
            """),
    ]

    static func text(topic: String) -> String {
        let t = topic.lowercased()
        if t.isEmpty {
            return "warta: a query language for news corpora.\n\n"
                + topics.map(\.text).joined(separator: "\n\n") + "\n"
        }
        if let found = topics.first(where: { $0.name.hasPrefix(t) || t.hasPrefix($0.name) }) {
            return found.text + "\n"
        }
        return "no help on '\(topic)'; topics: \(topics.map(\.name).joined(separator: ", "))\n"
    }
}
