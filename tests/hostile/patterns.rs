//! The hostile inputs, as a table: a name, a unit of text and how often it
//! repeats at the size the tests use. The tests in `tests/hostile.rs` run
//! each at that size; `examples/scaling.rs` runs each at that size and at
//! eight times it, to show that the cost grows linearly.

/// One hostile input: `unit` repeated `times`.
pub struct Pattern {
    pub name: &'static str,
    pub unit: String,
    pub times: usize,
}

impl Pattern {
    /// The input, `scale` times its test size.
    pub fn text(&self, scale: usize) -> String {
        self.unit.repeat(self.times * scale)
    }
}

const MB: usize = 1 << 20;

fn p(name: &'static str, unit: &str, times: usize) -> Pattern {
    Pattern {
        name,
        unit: unit.to_string(),
        times,
    }
}

/// Every hostile input of the tests, at its test size.
pub fn patterns() -> Vec<Pattern> {
    let cues = "he said she told them they argued it shows we found ".repeat(28);
    let cue_sentence = format!("{}.\n\n", cues.trim_end());
    let list: String = (0..100).map(|i| format!("{i}. item ")).collect();
    let mut all = vec![
        // Quotation marks.
        p("straight marks", "\"", MB),
        p("curly marks", "“", MB / 3),
        p("single marks", "'", MB),
        p("guillemets", "«", MB / 2),
        p("low marks", "„", MB / 3),
        p(
            "unbalanced marks",
            "\"He said “no. « She ‘left.\" ” » ’ ( [ ",
            30_000,
        ),
        // No spaces.
        p("letters", "a", 2 * MB),
        p("dotted letters", "a.", MB),
        p("sentences without spaces", "Word.Word!Word?", 100_000),
        // Brackets.
        p("brackets and stops", "([{\"“Stop.”\"}]) ", 50_000),
        // Abbreviations and dots.
        p("a.a.a", "a.a.a.a.", 200_000),
        p("spaced initials", "a. ", 300_000),
        p("U.S.", "U.S. ", 200_000),
        p("dots", ".", MB),
        p("spaced dots", " .", MB / 2),
        p("ellipses", "… ", 200_000),
        // Titles and names.
        p("Mr.", "Mr. ", 300_000),
        p("names", "Maria Lopez Antony Blinken ", 20_000),
        p("initials", "J. R. R. ", 100_000),
        // Lists.
        p("numbered list", &list, 500),
        p("lettered list", "a. x b. y ", 100_000),
        p("bullets", "• ", 300_000),
        // Whitespace.
        p("blank lines", "\n", MB),
        p("crlf", "\r\n", MB / 2),
        p("mixed whitespace", "Rain.\n \n\t\n", 100_000),
        p("spaces", " ", MB),
        p("one line per word", "Word\n", 200_000),
        p(
            "wrapped lines",
            "the quick brown fox jumps over the lazy dog and the cat\n",
            20_000,
        ),
        p("one sentence", "the talks went on ", 100_000),
        // Quotations and reported speech.
        p(
            "quotes in one sentence",
            "Ana said \"yes\" and Ben said \"no\" while ",
            30_000,
        ),
        p("quote paragraphs", "\"We won,\" he said.\n\n", 30_000),
        p(
            "reported",
            "Officials said that the talks would resume, and ",
            30_000,
        ),
        p(
            "headline colons",
            "Sanders: Trump says polls show that Clinton said he argued: ",
            20_000,
        ),
        // Speakers against many names.
        p("split chain", "\"A,\" he said, \"B,\" ", 40_000),
        p(
            "names and pronouns",
            "Ana Ruiz and Ben Okafor met Carla Diaz, \"no,\" she said, \"yes,\" they said, ",
            8_000,
        ),
        p(
            "groups",
            "Serbia and Kosovo said \"now\" and both sides said \"later\" and ",
            8_000,
        ),
        p(
            "quotation paragraphs",
            "Mayor Ana Ruiz spoke. Ruiz is upbeat.\n\n\"We will win.\"\n\n\"Soon.\"\n\n",
            10_000,
        ),
    ];
    all.push(Pattern {
        name: "cue sentences",
        times: MB / cue_sentence.len(),
        unit: cue_sentence,
    });
    all
}
