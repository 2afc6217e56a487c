//! Gazetteers changed in code: entities added at build time, aliases added
//! to bundled entities, bundled entities replaced or suppressed; and the
//! errors for each, pinned word for word.

use byline::gazetteer::{EntityKind, EntityRow, Gazetteer, GazetteerBuilder, Gender};
use byline::{Document, ErrorKind, Extractor};

/// `text` analysed with the gazetteer `builder` builds.
fn extract(builder: &GazetteerBuilder, text: &str) -> Document {
    let gazetteer = builder.build().unwrap();
    Extractor::builder()
        .gazetteer(gazetteer)
        .build()
        .unwrap()
        .extract(text)
}

/// `(mention text, entity id, kind)` of every mention.
fn mentions<'t>(text: &'t str, doc: &'t Document) -> Vec<(&'t str, &'t str, EntityKind)> {
    doc.mentions()
        .iter()
        .map(|m| (&text[m.span()], m.entity(), m.kind()))
        .collect()
}

/// The message of the error `builder` fails with.
#[cfg(feature = "bundled")]
fn error(builder: &GazetteerBuilder) -> String {
    builder.build().unwrap_err().to_string()
}

#[test]
fn an_entity_added_in_code_is_found_and_linked() {
    let mut builder = Gazetteer::builder();
    builder.bundled(false).add_entity(
        EntityRow::new("byline:ines-marlow", EntityKind::Person, "Ines Marlow")
            .aliases(["Inès Marlow"])
            .gender(Gender::Female)
            .entity_type("politician")
            .role("Mayor of Eastport"),
    );
    let text = "\"We waited ten years for this bridge,\" said Inès Marlow, the mayor. \
                Marlow cut the ribbon at noon.";
    let doc = extract(&builder, text);
    let found = mentions(text, &doc);
    assert_eq!(
        found,
        [
            ("Inès Marlow", "byline:ines-marlow", EntityKind::Person),
            ("Marlow", "byline:ines-marlow", EntityKind::Person),
        ]
    );
    let entity = doc.entity("byline:ines-marlow").unwrap();
    assert_eq!(entity.name(), "Ines Marlow");
    assert!(!entity.is_local());
    let speaker = doc.quotes()[0].speaker().unwrap();
    assert_eq!(speaker.entity(), Some("byline:ines-marlow"));
}

#[test]
fn entities_added_in_code_come_after_the_tables() {
    let gazetteer = Gazetteer::builder()
        .bundled(false)
        .add_entity(EntityRow::new("byline:b", EntityKind::Place, "Bel"))
        .add_str("t.tsv", "byline:a\tplace\tAl\t\t\n")
        .build()
        .unwrap();
    let ids: Vec<&str> = gazetteer.entries().map(|(_, e)| e.id()).collect();
    assert_eq!(ids, ["byline:a", "byline:b"]);
}

#[test]
fn aliases_can_be_added_to_a_user_entity() {
    let gazetteer = Gazetteer::builder()
        .bundled(false)
        .add_str(
            "t.tsv",
            "byline:kura\tplace\tKura River\tKura\ttype=feature\n",
        )
        // "Kura" is known and skipped; "=KR" must match in capitals.
        .add_aliases("byline:kura", ["Mtkvari", "Kura", "=KR"])
        .build()
        .unwrap();
    let (_, entry) = gazetteer.get("byline:kura").unwrap();
    assert_eq!(
        entry.aliases().collect::<Vec<_>>(),
        ["Kura", "Mtkvari", "KR"]
    );
    assert_eq!(entry.entity_type(), Some("feature"));
    let text = "The Mtkvari (KR on the maps, not kr) rose.";
    let found: Vec<&str> = gazetteer.find_iter(text).map(|m| &text[m.span()]).collect();
    assert_eq!(found, ["Mtkvari", "KR"]);
    assert_eq!(gazetteer.alias_count(), 4);
}

#[cfg(feature = "bundled")]
#[test]
fn an_added_alias_links_to_the_bundled_entity() {
    let text = "Investors are returning to the Land of Fire, the ministry said.";
    let plain = Extractor::new().extract(text);
    assert!(mentions(text, &plain).iter().all(|m| m.1 != "Q227"));

    let mut builder = Gazetteer::builder();
    builder.add_aliases("Q227", ["Land of Fire"]);
    let doc = extract(&builder, text);
    assert!(mentions(text, &doc).contains(&("Land of Fire", "Q227", EntityKind::Place)));
    assert_eq!(doc.entity("Q227").unwrap().name(), "Azerbaijan");
    // The entity keeps its bundled names.
    let gazetteer = builder.build().unwrap();
    let (_, entry) = gazetteer.get("Q227").unwrap();
    assert_eq!(
        entry.aliases().collect::<Vec<_>>(),
        ["Republic of Azerbaijan", "Land of Fire"]
    );
    assert_eq!(gazetteer.len(), Gazetteer::bundled().len());
}

#[cfg(feature = "bundled")]
#[test]
fn a_suppressed_entity_is_no_longer_found() {
    let text = "Antony Blinken flew to Armenia on Tuesday.";
    let plain = Extractor::new().extract(text);
    assert_eq!(
        mentions(text, &plain),
        [
            ("Antony Blinken", "Q7821917", EntityKind::Person),
            ("Armenia", "Q399", EntityKind::Place),
        ]
    );
    let mut builder = Gazetteer::builder();
    builder.suppress("Q399").suppress("Q7821917");
    let doc = extract(&builder, text);
    let found = mentions(text, &doc);
    assert!(found.iter().all(|m| m.1 != "Q399" && m.1 != "Q7821917"));
    // A suppressed person is still a person by the form of the name, but
    // a document-local one.
    assert!(found.contains(&("Antony Blinken", "local:antony-blinken", EntityKind::Person)));
    let gazetteer = builder.build().unwrap();
    assert!(gazetteer.get("Q399").is_none());
    assert_eq!(gazetteer.len(), Gazetteer::bundled().len() - 2);
}

#[cfg(feature = "bundled")]
#[test]
fn an_override_replaces_a_bundled_entity_in_its_place() {
    // A sports desk whose "Armenia" is the national football team.
    let row = EntityRow::new(
        "Q399",
        EntityKind::Organization,
        "Armenia national football team",
    )
    .aliases(["Armenia"])
    .entity_type("sports")
    .country("AM")
    // Above the town of Armenia in Colombia, which shares the name.
    .prominence(70);
    let mut builder = Gazetteer::builder();
    builder.override_bundled(true).add_entity(row);
    let text = "Armenia won 2-1 in Yerevan on Saturday.";
    let doc = extract(&builder, text);
    assert_eq!(
        mentions(text, &doc)[0],
        ("Armenia", "Q399", EntityKind::Organization)
    );
    let entity = doc.entity("Q399").unwrap();
    assert_eq!(entity.name(), "Armenia national football team");
    assert_eq!(entity.kind(), EntityKind::Organization);

    let gazetteer = builder.build().unwrap();
    let bundled = Gazetteer::bundled();
    assert_eq!(
        gazetteer.get("Q399").unwrap().0,
        bundled.get("Q399").unwrap().0
    );
    assert_eq!(gazetteer.len(), bundled.len());
    // The old row's other name is gone with it.
    let old = "The Republic of Armenia";
    let longest =
        |g: &Gazetteer| -> Vec<&str> { g.find_iter(old).map(|m| &old[m.span()]).collect() };
    assert_eq!(longest(&bundled), ["Republic of Armenia"]);
    let now = longest(&gazetteer);
    assert!(now.contains(&"Armenia") && !now.contains(&"Republic of Armenia"));
}

#[cfg(feature = "bundled")]
#[test]
fn an_override_from_a_table() {
    let table = "Q399\torganization\tArmenia national football team\tArmenia\ttype=sports\n";
    let mut builder = Gazetteer::builder();
    builder.add_str("sport.tsv", table);
    assert_eq!(
        error(&builder),
        "sport.tsv:1:1: duplicate entry \"Q399\" (first defined at generated/countries.tsv:11:1)"
    );
    let gazetteer = builder.override_bundled(true).build().unwrap();
    let (_, entry) = gazetteer.get("Q399").unwrap();
    assert_eq!(entry.kind(), EntityKind::Organization);
    // Repeats within the user's own data stay errors.
    builder.add_str("more.tsv", table);
    assert_eq!(
        error(&builder),
        "more.tsv:1:1: duplicate entry \"Q399\" (first defined at sport.tsv:1:1)"
    );
}

#[cfg(feature = "bundled")]
#[test]
fn changes_to_bundled_entities_are_errors_when_unclear() {
    let row = || EntityRow::new("Q399", EntityKind::Place, "Armenia");
    let mut builder = Gazetteer::builder();
    builder.add_entity(row());
    assert_eq!(
        error(&builder),
        "entity \"Q399\": already defined at generated/countries.tsv:11:1, a bundled table \
         (override_bundled(true) replaces bundled entities)"
    );
    let mut builder = Gazetteer::builder();
    builder.suppress("Q399").add_aliases("Q399", ["Hayastan"]);
    assert_eq!(
        error(&builder),
        "entity \"Q399\": cannot add aliases: the entity is suppressed"
    );
}

#[test]
fn bad_changes_name_the_entity_and_the_value() {
    let table = "byline:kura\tplace\tKura River\t\t\n";
    let person = |id: &str| EntityRow::new(id, EntityKind::Person, "Ana Ruiz");
    let cases: Vec<(GazetteerBuilder, &str)> =
        vec![
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person(""));
                b
            },
            "entity \"\": invalid id (expected a Wikidata QID like Q42 or a namespaced \
             slug like byline:lachin-corridor)",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(EntityRow::new("byline:mayor-ana", EntityKind::Person, " Ana"));
                b
            },
            "entity \"byline:mayor-ana\": name \" Ana\" is empty or has surrounding whitespace",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana").aliases(["Ana|Ruiz"]));
                b
            },
            "entity \"byline:mayor-ana\": alias \"Ana|Ruiz\" contains '|'",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana").role("Mayor\tof Eastport"));
                b
            },
            "entity \"byline:mayor-ana\": role \"Mayor\\tof Eastport\" contains '\\t'",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana").entity_type("wizard"));
                b
            },
            "entity \"byline:mayor-ana\": invalid type \"wizard\" (not a type listed in \
             gazetteers/FORMAT.md)",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana").country("es"));
                b
            },
            "entity \"byline:mayor-ana\": invalid country \"es\" (expected an ISO 3166-1 alpha-2 \
             code like AZ)",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana").prominence(0));
                b
            },
            "entity \"byline:mayor-ana\": invalid prominence \"0\" (expected 1 to 100)",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana").aliases(["Ana Ruiz"]));
                b
            },
            "entity \"byline:mayor-ana\": alias \"Ana Ruiz\" repeats the name or another alias of \
             byline:mayor-ana",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_entity(person("byline:mayor-ana"))
                    .add_entity(person("byline:mayor-ana"));
                b
            },
            "entity \"byline:mayor-ana\": added twice",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_str("local.tsv", table).add_entity(EntityRow::new(
                    "byline:kura",
                    EntityKind::Place,
                    "Kura",
                ));
                b
            },
            "entity \"byline:kura\": already defined at local.tsv:1:1",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_aliases("byline:nowhere", ["Nowhere"]);
                b
            },
            "entity \"byline:nowhere\": cannot add aliases: no table or added entity has \
             this id",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_str("local.tsv", table)
                    .add_aliases("byline:kura", ["Mtkvari", ""]);
                b
            },
            "entity \"byline:kura\": alias \"\" is empty or has surrounding whitespace",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.add_str("local.tsv", table)
                    .add_aliases("byline:kura", ["Kura\nRiver"]);
                b
            },
            "entity \"byline:kura\": alias \"Kura\\nRiver\" contains '\\n'",
        ),
        (
            {
                let mut b = Gazetteer::builder();
                b.suppress("byline:nowhere");
                b
            },
            "entity \"byline:nowhere\": cannot suppress: no table or added entity has this id",
        ),
    ];
    for (mut builder, want) in cases {
        // Without the bundled tables too: the errors do not depend on them.
        for bundled in [true, false] {
            let err = builder.bundled(bundled).build().unwrap_err();
            assert_eq!(err.to_string(), want);
            assert!(matches!(err.kind(), ErrorKind::Entity { .. }), "{want}");
            assert!(err.location().is_none());
        }
    }
    let err = Gazetteer::builder().suppress("").build().unwrap_err();
    match err.kind() {
        ErrorKind::Entity { id, message } => {
            assert_eq!(id, "");
            assert_eq!(
                message,
                "cannot suppress: no table or added entity has this id"
            );
        }
        other => panic!("unexpected error: {other:?}"),
    }
}

#[test]
fn a_failed_build_changes_nothing() {
    let mut builder = Gazetteer::builder();
    builder.bundled(false).add_entity(EntityRow::new(
        "byline:kura",
        EntityKind::Place,
        "Kura River",
    ));
    let before = builder.build().unwrap();
    builder.suppress("byline:aras");
    assert!(builder.build().is_err());
    assert_eq!(before.len(), 1);
    assert!(before.get("byline:kura").is_some());
}
