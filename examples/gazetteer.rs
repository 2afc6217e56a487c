//! Loads the bundled gazetteer (read from its compiled form), reports its
//! size and load time, then the time of a customised build (one entity
//! added, one given an alias, one suppressed: the bundled rows are parsed
//! and compiled with the changes), and looks up the names given on the
//! command line.
//!
//! ```text
//! cargo run --release --example gazetteer -- "Lachin Corridor" Erdogan
//! ```

use byline::gazetteer::{EntityKind, EntityRow};

fn main() {
    let start = std::time::Instant::now();
    let gazetteer = match byline::gazetteer::Gazetteer::builder().build() {
        Ok(g) => g,
        Err(err) => {
            eprintln!("gazetteer: {err}");
            std::process::exit(1);
        }
    };
    println!(
        "{} entries, {} names and aliases, loaded in {:.1?}",
        gazetteer.len(),
        gazetteer.alias_count(),
        start.elapsed()
    );
    let start = std::time::Instant::now();
    let customised = byline::gazetteer::Gazetteer::builder()
        .add_entity(EntityRow::new(
            "byline:vale-ferry",
            EntityKind::Organization,
            "Vale Ferry Company",
        ))
        .add_aliases("Q227", ["Land of Fire"])
        .suppress("Q399")
        .build();
    match customised {
        Ok(g) => println!(
            "customised: {} entries, parsed and compiled in {:.1?}",
            g.len(),
            start.elapsed()
        ),
        Err(err) => {
            eprintln!("gazetteer: {err}");
            std::process::exit(1);
        }
    }
    for name in std::env::args().skip(1) {
        let found: Vec<_> = gazetteer.find_iter(&name).collect();
        if found.is_empty() {
            println!("{name}: not found");
        }
        for m in found {
            for &id in m.entries() {
                let e = gazetteer.entry(id);
                println!(
                    "{}: {} {} {:?} ({})",
                    &name[m.span()],
                    e.id(),
                    e.kind().as_str(),
                    e.name(),
                    e.entity_type().unwrap_or("-")
                );
            }
        }
    }
}
