/// `.help [topic]`: the language and the commands, with examples that run on
/// the bundled corpus.
enum Help {
    /// A dot-command's help: how to call it, what it does, examples.
    struct Command {
        let name: String
        let usage: String
        let summary: String
        let examples: [String]
    }

    static let commands: [Command] = [
        Command(name: ".help", usage: ".help [TOPIC | COMMAND]", summary: "help on the language and the commands",
                examples: [".help", ".help conditions", ".help .open"]),
        Command(name: ".open", usage: ".open PATH",
                summary: "open a corpus: a folder, a .jsonl or article file (indexed once, then cached), or an index file (.widx)",
                examples: [".open seeds", ".open ~/news/click_id.jsonl", ".open ~/news/click_id.widx"]),
        Command(name: ".info", usage: ".info", summary: "corpus statistics: articles, words, dates, sources",
                examples: [".info"]),
        Command(name: ".schema", usage: ".schema [UNIT]", summary: "the units and their fields",
                examples: [".schema", ".schema paragraphs"]),
        Command(name: ".format", usage: ".format [FORMAT]", summary: "how results print: table, json, jsonl, csv, markdown, kwic or svg",
                examples: [".format jsonl", ".format kwic", ".format table"]),
        Command(name: ".chart", usage: ".chart [on|off]", summary: "bars beside grouped counts, a sparkline under timelines (on at a terminal)",
                examples: [".chart off", ".chart on"]),
        Command(name: ".context", usage: ".context [left|right] N words|chars", summary: "context shown around a match in kwic lines",
                examples: [".context 8 words", ".context left 40 chars", ".context right 5 words"]),
        Command(name: ".entities", usage: ".entities FILE", summary: "add your own entities (TSV: name, type, aliases separated by |)",
                examples: [".entities newsroom.tsv"]),
        Command(name: ".timeout", usage: ".timeout [MILLISECONDS|off]", summary: "stop a statement that runs longer than this",
                examples: [".timeout 2000", ".timeout off"]),
        Command(name: ".timer", usage: ".timer [on|off]", summary: "print how long each statement took",
                examples: [".timer on"]),
        Command(name: ".pager", usage: ".pager [on|off]", summary: "page results longer than the screen ($PAGER, or less -FRX)",
                examples: [".pager off"]),
        Command(name: ".read", usage: ".read FILE", summary: "run the statements of a script",
                examples: [".read queries.wq"]),
        Command(name: ".output", usage: ".output [FILE]", summary: "send results to FILE (FILE.svg: a chart); with no FILE, back to the terminal",
                examples: [".output results.jsonl", ".output chart.svg", ".output"]),
        Command(name: ".sets", usage: ".sets", summary: "the named sets made with let, and their sizes",
                examples: [".sets"]),
        Command(name: ".set", usage: ".set [NAME VALUE]", summary: "bind $NAME in statements to a value (a literal, never statement text); alone, list them",
                examples: [".set who \"To Lam\"", ".set day 2024-06-20", ".set"]),
        Command(name: ".stories", usage: ".stories [THRESHOLD]", summary: "how alike two bodies must be to be one story (Jaccard of word 3-grams, 0.5 by default)",
                examples: [".stories", ".stories 0.7"]),
        Command(name: ".unset", usage: ".unset NAME", summary: "forget the parameter $NAME",
                examples: [".unset who"]),
        Command(name: ".history", usage: ".history [N]", summary: "the last N statements entered (20 by default)",
                examples: [".history", ".history 100"]),
        Command(name: ".quit", usage: ".quit", summary: "leave the shell (also .exit, or Ctrl-D on an empty line)",
                examples: [".quit"]),
        Command(name: ".exit", usage: ".exit", summary: "leave the shell, like .quit",
                examples: [".exit"]),
    ]

    static let topics: [(name: String, text: String)] = [
        ("statements", """
            Statements end with ; or at the end of a line when complete; a line
            ending in and, or, where, a comma or an open parenthesis or quote goes on
            at the next line (the prompt shows ...>).
              articles where mentions "To Lam" and date = 2024-06-20     articles
              count articles where mentions "Putin"                       a number
              count articles group by source                              a count per value
              count articles group by date.month                          per month
              articles order by date desc, id limit 3 offset 1 show id, date
              explain articles where mentions "Kim Jong Un"               how it runs
              paragraphs where mentions "Putin" and mentions "Vietnam"    both in one paragraph
              terms where article.date = 2024-06-20 order by count desc limit 20
                                                                          a frequency list
              articles where mentions "To Lam" show id, snippet           the best passage
              articles where mentions "To Lam" order by right show kwic   keyword in context
              let visits = articles where mentions "Putin" and mentions "Vietnam"
              visits                                                      a set's articles
              visits where date = 2024-06-20                              a set as the unit
              visits union quoted     visits intersect quoted     visits except quoted
            Comments start with -- or #.  More: .help conditions, clauses, sets
            """),
        ("conditions", """
            Text (words compared without case or diacritics, so "Kim Jong Un" finds Kim Jong-un):
              mentions "To Lam"                      the words, one after another
              mentions "kunjung*"                    a word starting with kunjung
              mentions stem "kunjungan"              any word of the same stem
              mentions /Putin\\s+tiba/i               a regular expression
              mentions "pakta" near 5 "pertahanan"   within 5 words, in either order
              mentions "Putin" at least 5 times      a count threshold
              mentions entity "Korut"                any alias: Korea Utara, Korut, DPRK, North Korea
              mentions person "Putin"                also place "…", org "…": the type is checked
              title contains "Vietnam"               the words in one field
              title matches /^Putin/                 a regular expression on one field
            Fields:
              date = 2024-06-20     date = 2024-06     date = 2024       a day, a month, a year
              date between 2024-06-19 and 2024-06-20      words > 500      id != "000_fb609a331a1786d6"
              source in ("virprom.com", "marwahkepri.com")     source not in ("virprom.com")
              date is null     source is not null     dates contains 2024-06-19
            Combine with and, or, not and parentheses; not binds tightest, then and.
              articles where (mentions "Putin" or mentions "Kim") and not date is null
            .schema lists the fields.
            """),
        ("clauses", """
            Clauses, in any order, each once:
              where CONDITION                   articles where mentions "Putin"
              group by FIELD                    count articles group by source   (count only;
                                                also date.year, date.month, date.week, date.day)
              order by FIELD [asc|desc], …      articles order by date desc, id
                                                (default: score when the query searches text, else id;
                                                keyword-in-context lines: order by left or right)
              limit N [offset M]                articles limit 2 offset 2
              show FIELD, …                     articles show id, title, words
                                                (default: id, title, date, source; also snippet, kwic)
              within SET | (QUERY)              count … group by source within (articles where …)
              sample N [seed S] [per FIELD M]   articles sample 10 seed 7 per source 1
            More: .help coverage
            """),
        ("units", """
            A row can be an article, or a stretch of one, or a count over articles:
              paragraphs where copies > 1 show id, copies, copies_in     wire copy, shared captions
              sentences where mentions "Putin" and mentions "Kim"        both in one sentence
              sentences where mentions "Mr" show text                    "Mr." does not end a sentence
              quotes where speaker = "To Lam"                            direct quotations and who said them
              count quotes group by speaker
              entities where name = "Korea Utara" show name, type, aliases
              entities where article.date = 2024-06-20 limit 10         the most mentioned that day
              terms limit 20                                             a frequency list, stop words left out
              terms limit 20 including stopwords
              terms where collocates "Putin" within 5 limit 10           collocations, scored by logDice
              terms where article.date = 2024-06-19 order by keyness     what sets a subset apart
            Paragraphs, sentences and quotes reach their article's fields as article.FIELD.
            .schema UNIT lists a unit's fields.
            """),
        ("sets", """
            A named set keeps the articles of a query for the session:
              let visits = articles where mentions "Putin" and mentions "Vietnam"
              let quoted = articles where mentions "Carl Thayer"
              visits where date = 2024-06-20
              count visits
              visits union quoted      visits intersect quoted      visits except quoted
              let both = visits intersect quoted
            .sets lists them; .open drops them (they name the old corpus's articles).
            """),
        ("coverage", """
            Counts with the size of each group (total) and the share = count / total:
              count articles where mentions "Putin" group by date.day      every day, empty ones with 0
              count sentences where mentions "Putin" group by source       a rate per sentence
              count articles group by source, date.month                   a pivot
              count articles where mentions "Kim" group by source within (articles where date >= 2024-06-20)
              compare (articles where mentions "Putin") as Putin, (articles where mentions "Kim") as Kim group by date.day
              compare visits, quoted                                       sets, one column each
            Stories (near-duplicate bodies; .stories 0.7 sets how alike) and who ran it first:
              count stories     stories where articles > 1 show id, articles, sources, members
              spread articles where mentions "To Lam"                      per outlet, first date
            Samples and parameters:
              articles sample 10 seed 7 per source 1                       the same rows every run
              .set who "To Lam"      articles where mentions $who          (warta --set who="To Lam")
            """),
        ("keys", """
            Editing keys (emacs style):
              Tab            complete a keyword, field, value, set, command or file name
                             (twice: list the choices)
              Up, Down       earlier and later statements (kept in ~/.warta_history)
              Ctrl-R         search earlier statements as you type
              Ctrl-A, Ctrl-E start, end of the line      Alt-B, Alt-F  a word back, forward
              Ctrl-K, Ctrl-U delete to the end, to the start of the line
              Ctrl-C         drop the line (or stop what runs)
              Ctrl-D         leave (on an empty line)
            """),
    ]

    /// Topics, then command names: what `.help` takes, for completion.
    static var topicNames: [String] {
        topics.map(\.name) + ["commands"] + commands.map { String($0.name.dropFirst()) }
    }

    static func text(topic: String) -> String {
        let t = topic.lowercased().trimmingCharacters(in: [" "])
        if t.isEmpty { return overview }
        if t == "commands" { return commandList }
        let bare = t.hasPrefix(".") ? String(t.dropFirst()) : t
        if let c = commands.first(where: { $0.name == "." + bare }) {
            return "\(c.usage)\n  \(c.summary)\nExamples:\n" + c.examples.map { "  \($0)\n" }.joined()
        }
        if let found = topics.first(where: { $0.name.hasPrefix(bare) }) {
            return found.text + "\n"
        }
        return "no help on '\(topic)'; topics: \(topics.map(\.name).joined(separator: ", ")), commands, or a command such as .help open\n"
    }

    static var overview: String {
        """
        warta: a query language for news corpora. Some statements to try:
          articles where mentions "To Lam" and date = 2024-06-20
          count articles where mentions "Putin"
          count articles group by source
          articles order by date desc limit 3 show id, date, title
          paragraphs where mentions "Putin" and mentions "Vietnam"
          articles where mentions "To Lam" show kwic
          explain articles where mentions "Kim Jong Un"
          let visits = articles where mentions "Putin" and mentions "Vietnam"
          count visits

        Commands:
        \(commandList)
        More help: .help statements | conditions | units | clauses | sets | keys | .help COMMAND

        """
    }

    static var commandList: String {
        let width = commands.map(\.usage.count).max() ?? 0
        return commands.filter { $0.name != ".exit" }
            .map { "  " + $0.usage.padding(width) + "  " + $0.summary + "\n" }.joined()
    }
}
