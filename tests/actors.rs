use std::fs;

use claimgraph::store::builtin_aliases;
use claimgraph::{
    Actor, ActorKind, AliasEntry, AliasTable, ClaimGraph, Document, Node,
    build_graph, build_graph_with, extract_document,
};
use serde_json::Value;

use crate::hay;
use crate::util::{run, stderr, stdout, workdir};

fn graph_of(texts: &[&str], aliases: &AliasTable) -> ClaimGraph {
    let docs: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            extract_document(Document {
                id: format!("doc{i}"),
                text: text.to_string(),
                ..Document::default()
            })
        })
        .collect();
    build_graph_with(&docs, aliases)
}

fn actors(g: &ClaimGraph) -> Vec<Actor> {
    g.nodes()
        .filter_map(|n| match n {
            Node::Actor(a) => Some(a.clone()),
            _ => None,
        })
        .collect()
}

/// Fails when an actor of `g` is named one of `names`.
fn assert_no_actor_named(g: &ClaimGraph, names: &[&str]) {
    let all = actors(g);
    for name in names {
        assert!(all.iter().all(|a| a.name != *name), "{name}: {all:?}");
    }
}

/// The actor one of whose surface forms is `form`.
fn actor_with(g: &ClaimGraph, form: &str) -> Actor {
    actors(g)
        .into_iter()
        .find(|a| a.mentions.iter().any(|m| m == form))
        .unwrap_or_else(|| panic!("no actor has the form {form:?}"))
}

#[test]
fn same_surname_different_people_stay_apart() {
    let g = graph_of(&[hay::SHARED_SURNAME], &builtin_aliases());
    let bill = actor_with(&g, "Bill Clinton");
    let hillary = actor_with(&g, "Hillary Clinton");
    let clinton = actor_with(&g, "Clinton");
    assert_ne!(bill.id, hillary.id);
    assert_ne!(clinton.id, bill.id);
    assert_ne!(clinton.id, hillary.id);
}

#[test]
fn a_share_of_those_polled_is_a_group_of_its_own_article() {
    // Each poll's "four in 10" are other people, and the number alone
    // ("10") is no actor.
    let a = "The poll is out. About four in 10 said they were angry with the \
             government.";
    let b = "A second survey came out. About four in 10 said they expected \
             a recession next year.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let shares: Vec<Actor> = actors(&g)
        .into_iter()
        .filter(|x| x.mentions.iter().any(|m| m == "four in 10"))
        .collect();
    assert_eq!(shares.len(), 2, "{shares:?}");
    assert!(shares.iter().all(|x| x.kind == ActorKind::Group), "{shares:?}");
    assert!(actors(&g).iter().all(|x| x.name != "10"));
}

#[test]
fn a_surname_two_people_of_its_article_share_joins_neither() {
    // Only Linda Brennan is marked as a person, yet "Brennan" could be
    // the former mayor as well: it joins neither.
    let text = "A grand jury indicted former mayor Thomas Brennan on \
                Thursday, prosecutors said. Council member Linda Brennan \
                told reporters that she had raised concerns in 2019. \
                Brennan denied the charges.";
    let g = graph_of(&[text], &builtin_aliases());
    let linda = actor_with(&g, "Council member Linda Brennan");
    let alone = actor_with(&g, "Brennan");
    assert_ne!(linda.id, alone.id, "{:?}", actors(&g));
    // With one Brennan in the article, the surname is hers.
    let text = "Council member Linda Brennan told reporters that she had \
                raised concerns in 2019. Brennan said the vote was wrong.";
    let g = graph_of(&[text], &builtin_aliases());
    let linda = actor_with(&g, "Council member Linda Brennan");
    assert_eq!(linda.id, actor_with(&g, "Brennan").id, "{:?}", actors(&g));
}

#[test]
fn a_surname_of_a_name_with_jr_is_that_person_and_no_one_elses() {
    // "Admiral Harris" is the admiral of his article, not the senator
    // the corpus names in full elsewhere.
    let a = "Adm. Harry B. Harris Jr. said the patrols would go on. \
             \"We will sail,\" Admiral Harris said.";
    let b = "Senator Kamala Harris said the bill would pass.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let all = actors(&g);
    let senator = actor_with(&g, "Senator Kamala Harris");
    let admirals: Vec<&Actor> = all
        .iter()
        .filter(|x| x.mentions.iter().any(|m| m == "Admiral Harris"))
        .collect();
    assert!(admirals.iter().all(|x| x.id != senator.id), "{all:?}");
    // The quotation's speaker is the admiral named in full.
    assert!(
        admirals.iter().any(|x| x.name == "Harry B. Harris Jr."),
        "{all:?}"
    );
}

#[test]
fn a_titled_surname_in_two_unrelated_articles_is_two_people() {
    let g = graph_of(&[hay::MR_SMITH, hay::MR_SMITH], &builtin_aliases());
    let smiths: Vec<Actor> =
        actors(&g).into_iter().filter(|a| a.name == "Smith").collect();
    assert_eq!(smiths.len(), 2, "{smiths:?}");
}

#[test]
fn accents_hyphens_and_possessives_fold_to_one_actor() {
    let g = graph_of(&hay::LOPEZ_OBRADOR_SPELLINGS, &AliasTable::default());
    let a = actor_with(&g, "Lopez Obrador");
    assert_eq!(a.name, "Andrés Manuel López Obrador");
    assert_eq!(a.kind, ActorKind::Person);
    for form in
        ["López-Obrador", "López Obrador", "Andrés Manuel López Obrador"]
    {
        assert!(a.mentions.iter().any(|m| m == form), "{form} in {a:?}");
    }
    assert!(a.roles.contains(&"President".to_string()), "{a:?}");
    assert!(!a.evidence.is_empty());
}

#[test]
fn an_acronym_defined_in_one_article_is_known_in_another() {
    let g = graph_of(
        &[hay::ACRONYM_DEFINED, hay::ACRONYM_USED],
        &AliasTable::default(),
    );
    let dea = actor_with(&g, "The DEA");
    assert_eq!(dea.name, "Drug Enforcement Administration");
    assert_eq!(dea.kind, ActorKind::Organisation);
    assert!(dea.evidence.iter().any(|e| e.contains("acronym DEA")), "{dea:?}");
    assert!(
        dea.mentions.contains(&"Drug Enforcement Administration (DEA)".into())
    );
    // The statement of the second article is the agency's.
    let node = g.find(&dea.id).unwrap();
    assert_eq!(g.outgoing(node).count(), 1);
}

#[test]
fn a_merge_made_in_many_articles_is_one_reason_with_its_documents() {
    // The same short name joins the same full name in twelve articles,
    // and "the administration" refers back in two of them: one line each, naming
    // the documents (the first ten of the twelve, and how many more).
    let mut texts: Vec<String> = (0..12)
        .map(|i| {
            format!(
                "Anne Milgram said the agency seized {i} tons. Milgram said \
                 the traffickers were adapting."
            )
        })
        .collect();
    for text in &mut texts[..2] {
        text.push_str(
            " The Biden administration said it would act. The \
             administration said the seizures would go on.",
        );
    }
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let g = graph_of(&texts, &AliasTable::default());
    let milgram = actor_with(&g, "Milgram");
    let short: Vec<&String> =
        milgram.evidence.iter().filter(|e| e.contains("short form")).collect();
    assert_eq!(short.len(), 1, "{milgram:?}");
    assert_eq!(
        short[0],
        "“Milgram” is the short form of “Anne Milgram”, the only fuller \
         name it fits in 12 documents: doc0, doc1, doc10, doc11, doc2, \
         doc3, doc4, doc5, doc6, doc7 and 2 more"
    );
    let biden = actor_with(&g, "The administration");
    let back: Vec<&String> =
        biden.evidence.iter().filter(|e| e.contains("refers back")).collect();
    assert_eq!(
        back,
        ["“The administration” refers back to “Biden administration” in \
          doc0 and doc1"],
        "{biden:?}"
    );
}

#[test]
fn the_alias_table_is_applied() {
    let texts = ["Uncle Joe said the plan works.", "Joe Biden said it fails."];
    let apart = graph_of(&texts, &AliasTable::default());
    assert_ne!(
        actor_with(&apart, "Uncle Joe").id,
        actor_with(&apart, "Joe Biden").id
    );
    let table = AliasTable {
        entries: vec![AliasEntry {
            name: "Joe Biden".into(),
            aliases: vec!["Uncle Joe".into()],
        }],
    };
    let g = graph_of(&texts, &table);
    let biden = actor_with(&g, "Uncle Joe");
    assert_eq!(biden.name, "Joe Biden");
    assert!(biden.mentions.contains(&"Joe Biden".to_string()));
    assert!(biden.evidence.iter().any(|e| e.contains("alias table")));
    let g = graph_of(
        &["AMLO said no.", hay::LOPEZ_OBRADOR_SPELLINGS[0]],
        &builtin_aliases(),
    );
    assert_eq!(actor_with(&g, "AMLO").name, "Andrés Manuel López Obrador");
}

#[test]
fn anonymous_sources_are_never_merged_across_articles() {
    let g = graph_of(
        &[hay::ANONYMOUS_OFFICIAL, hay::ANONYMOUS_OFFICIAL],
        &builtin_aliases(),
    );
    let anonymous: Vec<Actor> = actors(&g)
        .into_iter()
        .filter(|a| a.kind == ActorKind::Anonymous)
        .collect();
    assert_eq!(anonymous.len(), 2, "{anonymous:?}");
    assert_ne!(anonymous[0].id, anonymous[1].id);
    assert!(
        anonymous[0].roles.contains(&"senior administration official".into())
    );
}

/// The actors whose surface forms include `form`.
fn actors_with(g: &ClaimGraph, form: &str) -> Vec<Actor> {
    actors(g)
        .into_iter()
        .filter(|a| a.mentions.iter().any(|m| m == form))
        .collect()
}

#[test]
fn pronouns_and_words_for_part_of_a_group_are_never_merged_across_articles() {
    // "He", "Which" and "Some" are someone else in every article; "He’s"
    // at the start of a sentence is no name either, but a pronoun: the
    // man named before it, where one is.
    let a = "Jane Roe spoke in Ohio. He’s claiming that the plan failed. \
             Some said the vote was close. The union, which said the talks \
             stalled, left.";
    let b = "John Doe spoke in Iowa. He’s claiming that taxes rose. Some \
             said the rally was loud. The board, which said the sale \
             closed, met.";
    let g = graph_of(&[a, b], &builtin_aliases());
    for a in actors(&g) {
        let lower = a.name.to_lowercase();
        for word in ["he", "which", "some"] {
            assert!(
                lower != word || a.id.contains('@'),
                "{word:?} is an actor shared by articles: {a:?}"
            );
        }
        assert!(a.kind != ActorKind::Person || a.name == "John Doe", "{a:?}");
    }
}

#[test]
fn a_share_of_those_polled_is_a_group_of_its_article() {
    // One poll's 42 percent is not another's.
    let a = "A poll came out in Ohio. In the poll, 42 percent said they \
             backed the plan, and Forty-one percent of voters said it failed.";
    let b = "A survey came out in Iowa. In the survey, 42 percent said the \
             rally was loud, and Forty-one percent of voters said it was not.";
    let g = graph_of(&[a, b], &builtin_aliases());
    for name in ["42 percent", "Forty-one percent"] {
        let shares = actors_with(&g, name);
        assert_eq!(shares.len(), 2, "{name}: {shares:?}");
        assert_ne!(shares[0].id, shares[1].id);
        assert!(
            shares.iter().all(|a| a.kind == ActorKind::Group),
            "{shares:?}"
        );
    }
}

#[test]
fn a_group_named_through_a_pronoun_stays_in_its_article() {
    // "his aides" are two people's aides; "US officials" are the one
    // group the seeds' gold keeps across articles.
    let a = "Jane Roe arrived. His aides said the plan failed. US officials \
             said the talks stalled.";
    let b = "John Doe arrived. His aides said taxes rose. US officials said \
             the sale closed.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let aides = actors_with(&g, "His aides");
    assert_eq!(aides.len(), 2, "{aides:?}");
    assert_ne!(aides[0].id, aides[1].id);
    assert_eq!(actors_with(&g, "US officials").len(), 1);
}

#[test]
fn an_office_without_a_name_is_its_holder_in_one_article_only() {
    // "Secretary of State" in 2013 and in 2016 are two people; with a
    // name after it, the name is the actor.
    let a = "The Secretary of State said the talks stalled.";
    let b = "The Secretary of State said the treaty was signed.";
    let c = "Secretary of State John Kerry said the talks resumed.";
    let g = graph_of(&[a, b, c], &builtin_aliases());
    let office: Vec<Actor> = actors(&g)
        .into_iter()
        .filter(|a| a.name.contains("Secretary of State"))
        .collect();
    assert_eq!(office.len(), 2, "{office:?}");
    assert!(office.iter().all(|a| a.kind == ActorKind::Anonymous));
    assert!(actors(&g).iter().all(|a| !a.name.starts_with("of ")));
    assert_eq!(
        actor_with(&g, "Secretary of State John Kerry").name,
        "John Kerry"
    );
}

#[test]
fn unnamed_sources_known_by_what_they_know_stay_in_their_article() {
    // The same words in two articles are two sources.
    let a = "People close to the campaign say the governor will resign. \
             A person familiar with the plans said the vote was delayed.";
    let b = "People close to the campaign say the mayor is angry. \
             A person familiar with the plans said the budget was cut.";
    let g = graph_of(&[a, b], &builtin_aliases());
    for form in
        ["People close to the campaign", "A person familiar with the plans"]
    {
        let found = actors_with(&g, form);
        assert_eq!(found.len(), 2, "{form}: {found:?}");
    }
    let group = actors_with(&g, "People close to the campaign");
    assert!(group.iter().all(|a| a.kind == ActorKind::Group), "{group:?}");
    let person = actors_with(&g, "A person familiar with the plans");
    assert!(
        person.iter().all(|a| a.kind == ActorKind::Anonymous),
        "{person:?}"
    );
}

#[test]
fn a_speaker_with_the_acronym_it_defines_is_the_body() {
    let text = "The Drug Enforcement Administration (DEA) said that seizures \
                rose. The DEA said prices fell.";
    let g = graph_of(&[text], &builtin_aliases());
    let all = actors(&g);
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].name, "Drug Enforcement Administration");
    assert_eq!(all[0].kind, ActorKind::Organisation);
}

#[test]
fn descriptions_qualified_apart_are_two_people() {
    // "The Republican nominee" does not refer back to the Democratic one,
    // and "a law that requires the nominee" introduces a law, not a
    // nominee.
    let text = "Congress passed a law that requires the nominee to file. \
                The Democratic presidential nominee said taxes would rise. \
                The Republican nominee said taxes would fall.";
    let g = graph_of(&[text], &builtin_aliases());
    let democrat = actor_with(&g, "The Democratic presidential nominee");
    let republican = actor_with(&g, "The Republican nominee");
    assert_ne!(democrat.id, republican.id);
    assert!(
        democrat.mentions.iter().all(|m| !m.contains("law")),
        "{democrat:?}"
    );
}

#[test]
fn words_joined_to_a_name_by_and_are_no_form_of_it() {
    // The speaker's words run from "target" to the name; only the name
    // and what describes its bearer are forms of it.
    let text = "Lawmakers moved to target drug cartels and Mexican President \
                Andrés Manuel López Obrador said the plan would fail. \
                Conservative radio host Rush Limbaugh said it would work.";
    let g = graph_of(&[text], &builtin_aliases());
    let amlo = actor_with(&g, "Andrés Manuel López Obrador");
    assert!(amlo.mentions.iter().all(|m| !m.contains("target")), "{amlo:?}");
}

#[test]
fn a_company_named_with_its_legal_form_is_an_organisation() {
    let text = "Apple Inc said on Tuesday that sales rose. Pfizer Inc. \
                said the trial went well.";
    let g = graph_of(&[text], &builtin_aliases());
    for form in ["Apple Inc", "Pfizer Inc"] {
        let a = actor_with(&g, form);
        assert_eq!(a.kind, ActorKind::Organisation, "{a:?}");
    }
}

/// Writes `files` into a fresh folder, builds it, and returns the graph's
/// path.
fn build(name: &str, files: &[(&str, &str)]) -> std::path::PathBuf {
    let dir = workdir(name);
    for (file, text) in files {
        fs::write(dir.join(file), text).unwrap();
    }
    let out = dir.join("out");
    let got = run(&[
        "build",
        dir.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--quiet",
    ]);
    assert!(got.status.success(), "{}", stderr(&got));
    out.join("graph.ron")
}

fn json_of(args: &[&str]) -> Value {
    let got = run(args);
    assert!(got.status.success(), "{}", stderr(&got));
    serde_json::from_str(&stdout(&got)).unwrap()
}

#[test]
fn publisher_from_originally_published_by_and_none_when_none() {
    let graph = build(
        "publishers",
        &[("a.txt", hay::ORIGINALLY_PUBLISHED), ("b.txt", hay::MR_SMITH)],
    );
    let docs = json_of(&[
        "documents",
        "--graph",
        graph.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let docs = docs.as_array().unwrap();
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(docs[0]["publisher"], "New York Post");
    let span = &docs[0]["publisher_evidence"];
    let (s, e) = (span[0].as_u64().unwrap(), span[1].as_u64().unwrap());
    let chars: Vec<char> = hay::ORIGINALLY_PUBLISHED.chars().collect();
    let said: String = chars[s as usize..e as usize].iter().collect();
    assert_eq!(said, "Originally published by the New York Post");
    assert_eq!(docs[1]["id"], "b");
    assert!(docs[1]["publisher"].is_null());
    assert!(docs[1]["publisher_evidence"].is_null());
}

#[test]
fn actors_and_documents_json_have_the_documented_shapes() {
    let graph = build(
        "shapes",
        &[
            ("a.txt", hay::ACRONYM_DEFINED),
            (
                "b.txt",
                "Prices rose, according to the National Center for \
                       Health Statistics. Feeley said so ([de4dbeca]).",
            ),
        ],
    );
    let graph = graph.to_str().unwrap();
    let list = json_of(&["actors", "--graph", graph, "--format", "json"]);
    let list = list.as_array().unwrap();
    assert!(!list.is_empty());
    for a in list {
        for key in ["id", "name", "kind"] {
            assert!(a[key].is_string(), "{key} in {a}");
        }
        for key in ["aliases", "roles", "affiliations"] {
            assert!(a[key].is_array(), "{key} in {a}");
        }
        assert!(a["claims"].is_u64(), "{a}");
        let kinds =
            ["person", "organisation", "government", "group", "anonymous"];
        assert!(kinds.contains(&a["kind"].as_str().unwrap()), "{a}");
    }
    let docs = json_of(&["documents", "--graph", graph, "--format", "json"]);
    let b = &docs.as_array().unwrap()[1];
    for key in ["id", "title", "publisher", "publisher_evidence", "date"] {
        assert!(b.get(key).is_some(), "{key} in {b}");
    }
    let cited = b["cited_sources"].as_array().unwrap();
    let kinds: Vec<&str> =
        cited.iter().map(|c| c["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["according_to", "citation_marker"]);
    for c in cited {
        assert!(c["name"].is_string());
        assert_eq!(c["span"].as_array().unwrap().len(), 2);
    }
    let table = run(&["documents", "--graph", graph]);
    assert!(stdout(&table).contains("according_to"));
}

#[test]
fn a_missing_graph_is_an_error_naming_it() {
    for command in ["actors", "documents"] {
        let got = run(&[command, "--graph", "no/such/graph.ron"]);
        assert_eq!(got.status.code(), Some(2));
        assert!(
            stderr(&got).contains("no/such/graph.ron"),
            "{}",
            stderr(&got)
        );
    }
}

#[test]
fn seeds_actors_merge_across_articles() {
    let files =
        claimgraph::ingest::collect_inputs(
            &[crate::util::root().join("data")],
        )
        .unwrap();
    let docs: Vec<_> = files
        .iter()
        .flat_map(|f| claimgraph::ingest::read_file(f))
        .map(|d| extract_document(d.unwrap()))
        .collect();
    let g = build_graph(&docs);
    let amlo = actor_with(&g, "AMLO");
    for form in ["Lopez Obrador", "López-Obrador", "President López Obrador"]
    {
        assert!(amlo.mentions.iter().any(|m| m == form), "{form}");
    }
    let dea = actor_with(&g, "DEA");
    assert!(
        dea.mentions.iter().any(|m| m == "Drug Enforcement Administration")
    );
    let milgram = actor_with(&g, "Anne Milgram");
    assert!(milgram.affiliations.contains(&dea.id));
    assert_eq!(milgram.roles, vec!["Administrator".to_string()]);
}

#[test]
fn a_plural_role_opening_a_sentence_is_a_group_of_its_article() {
    // "Supporters" and "Analysts at Jefferies" are capitalised because
    // they open their sentences: groups described in each article, not
    // people named "Supporters" merged across articles.
    let a = "Supporters say the law protects children. Analysts at \
             Jefferies said the warning was a clear negative.";
    let b = "Supporters say the plan will fail.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let supporters = actors_with(&g, "Supporters");
    assert_eq!(supporters.len(), 2, "{supporters:?}");
    assert!(
        supporters.iter().all(|a| a.kind == ActorKind::Group),
        "{supporters:?}"
    );
    let analysts = actors_with(&g, "Analysts at Jefferies");
    assert!(
        analysts.iter().all(|a| a.kind == ActorKind::Group),
        "{analysts:?}"
    );
    // So is one that speaks with no cue word before it and one that
    // never speaks.
    let c = "The bank raised rates. Economists predict two more rises \
             next year, depending on growth.";
    let d = "Economists were surprised by the move.";
    let g = graph_of(&[c, d], &builtin_aliases());
    let economists = actors_with(&g, "Economists");
    assert!(
        !economists.is_empty()
            && economists.iter().all(|a| a.kind == ActorKind::Group),
        "{economists:?}"
    );
    // A party's members are named by their party: one actor across
    // articles.
    let g = graph_of(
        &["Democrats say the law is wrong.", "Democrats say the plan works."],
        &builtin_aliases(),
    );
    assert_eq!(actors_with(&g, "Democrats").len(), 1, "{:?}", actors(&g));
}

#[test]
fn what_a_one_word_name_is_follows_the_evidence() {
    // No title, role or longer name shows a person: a company.
    let a = "Spotify said the fine was fair. Siemens said it would cut \
             5,000 jobs.";
    // A longer name with a middle initial ends with the word: a person,
    // and the same one.
    let b = "Warren E. Buffett, the investor, said taxes should rise. \
             Buffett added that the rich pay too little.";
    // A country's name: its government. "He" shows a person named by
    // surname only.
    let c = "France said the deal was fair. Feeley said the talks failed. \
             He said they would resume.";
    let g = graph_of(&[a, b, c], &builtin_aliases());
    let kind = |form: &str| actor_with(&g, form).kind;
    assert_eq!(kind("Spotify"), ActorKind::Organisation);
    assert_eq!(kind("Siemens"), ActorKind::Organisation);
    assert_eq!(
        actor_with(&g, "Buffett").id,
        actor_with(&g, "Warren E. Buffett").id
    );
    assert_eq!(kind("Buffett"), ActorKind::Person);
    assert_eq!(kind("France"), ActorKind::Government);
    assert_eq!(kind("Feeley"), ActorKind::Person);
}

#[test]
fn party_members_and_described_things_are_no_people() {
    let a = "The Social Democrats rejected the proposal. FBI data show \
             that violent crime rose. Sen. Ted Cruz (Tex.) said the bill \
             would fail.";
    let g = graph_of(&[a], &builtin_aliases());
    let kind = |form: &str| actor_with(&g, form).kind;
    assert_eq!(kind("Social Democrats"), ActorKind::Group);
    assert_eq!(kind("FBI data"), ActorKind::Anonymous);
    // A state alone in the parenthesis is the politician's tag too.
    assert_eq!(kind("Ted Cruz"), ActorKind::Person);
    assert_no_actor_named(&g, &["Ted Cruz (Tex.)"]);
}

#[test]
fn a_subject_described_by_which_is_no_person() {
    // Two capitalised words make a person's name unless something shows
    // a thing: a clause on "which" after the sentence's subject.
    let a = "Lockheed Martin, which builds the capsule, said it was \
             working with the agency. Paula Reyes said the test went well.";
    // A clause on "which" after a name inside a phrase is the phrase's:
    // the speech drew criticism, not the speaker.
    let b = "Critics attacked a speech by Dana Whitfield, which ran long. \
             Dana Whitfield said the speech was fine.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let kind = |form: &str| actor_with(&g, form).kind;
    assert_eq!(kind("Lockheed Martin"), ActorKind::Organisation);
    assert_eq!(kind("Paula Reyes"), ActorKind::Person);
    assert_eq!(kind("Dana Whitfield"), ActorKind::Person);
}

#[test]
fn a_name_with_and_in_it_is_one_actor() {
    let text = "The Food and Drug Administration said the pill was safe. \
                The Victoria and Albert Museum said it would lend the works. \
                A spokeswoman for the Department of Health and Human \
                Services said the cuts were unfair. The Centers for \
                Disease Control and Prevention said cases rose. The \
                Washington Post and ABC News said the poll was sound. The \
                University of Zurich and Gordon Hanson said wages fell.";
    let g = graph_of(&[text], &builtin_aliases());
    for form in [
        "Food and Drug Administration",
        "Victoria and Albert Museum",
        "Department of Health and Human Services",
        "Centers for Disease Control and Prevention",
    ] {
        let a = actor_with(&g, form);
        assert_eq!(a.kind, ActorKind::Organisation, "{a:?}");
    }
    for part in ["Drug Administration", "Albert Museum", "Human Services"] {
        assert!(actors_with(&g, part).is_empty(), "{:?}", actors(&g));
    }
    // Two names, each whole on its own side of "and", stay two.
    for form in ["Washington Post", "ABC News", "Gordon Hanson"] {
        actor_with(&g, form);
    }
}

#[test]
fn a_spokesperson_is_described_with_the_whole_name_of_the_body() {
    // The description ran only to " of " or to the list's first comma.
    let text = "A spokesperson for the Department of Agriculture said the \
                panel was reviewing the evidence. A spokeswoman for the \
                Department for Culture, Media and Sport said ministers \
                were considering it.";
    let g = graph_of(&[text], &builtin_aliases());
    for (form, role) in [
        (
            "A spokesperson for the Department of Agriculture",
            "spokesperson for the Department of Agriculture",
        ),
        (
            "A spokeswoman for the Department for Culture, Media and Sport",
            "spokeswoman for the Department for Culture, Media and Sport",
        ),
    ] {
        let a = actor_with(&g, form);
        assert_eq!(a.kind, ActorKind::Anonymous, "{a:?}");
        assert_eq!(a.roles, [role], "{a:?}");
    }
}

#[test]
fn people_somewhere_are_not_the_place() {
    // Voters in a state are a group of their article; officials in a
    // country speak for its government.
    let a = "Most Republican voters in Alabama said they felt betrayed. \
             Alabama is a red state.";
    let b = "Officials in Mexico said the plan was fair.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let voters = actor_with(&g, "Most Republican voters in Alabama");
    assert!(matches!(voters.kind, ActorKind::Group), "{voters:?}");
    assert_eq!(
        actor_with(&g, "Officials in Mexico").kind,
        ActorKind::Government
    );
    // Nor is someone inside or on a place or body that place or body;
    // what comes from a body is still the body's.
    let c = "One operative inside Trump Tower said the plans were no big \
             deal. Trump Tower is in New York. A protester outside Trump \
             Tower said the plans were old. A press \
             release from Judicial Watch said the emails were found.";
    let g = graph_of(&[c], &builtin_aliases());
    for form in
        ["One operative inside Trump Tower", "A protester outside Trump Tower"]
    {
        let a = actor_with(&g, form);
        assert!(!matches!(&*a.name, "Trump Tower" | "Twitter"), "{a:?}");
        assert_eq!(a.kind, ActorKind::Anonymous, "{a:?}");
    }
    let all = actors(&g);
    assert!(all.iter().any(|a| a.name == "Judicial Watch"), "{all:?}");
}

#[test]
fn a_part_of_a_group_is_named_by_its_whole_phrase() {
    // "One of them" and "One" had come out with an empty name (the
    // number word taken for a title) and "Many of his supporters" as
    // "Many".
    let a = "Two senior lawmakers said the vote was lost. One of them said \
             the campaign had failed. One said the plan was dead. Many of his \
             supporters say he will run.";
    let g = graph_of(&[a], &builtin_aliases());
    let all = actors(&g);
    assert!(all.iter().all(|x| !x.name.trim().is_empty()), "{all:?}");
    for name in ["One of them", "One", "Many of his supporters"] {
        assert_eq!(actors_with(&g, name).len(), 1, "{name}: {all:?}");
    }
}

#[test]
fn a_surname_with_a_particle_is_whole() {
    // "al-Jaber", "bin Salman": a small word in lower case inside the
    // name had cut it, leaving "Jaber" and "Salman" as actors.
    let text = "Its president, Sultan al-Jaber, told delegates that they \
                had won. Its energy minister, Prince Abdulaziz bin Salman, \
                insisted that each country should choose its own path. Her \
                lawyer, Ana de la Cruz, said the case was weak.";
    let g = graph_of(&[text], &builtin_aliases());
    for form in
        ["Sultan al-Jaber", "Prince Abdulaziz bin Salman", "Ana de la Cruz"]
    {
        let a = actor_with(&g, form);
        assert_eq!(a.kind, ActorKind::Person, "{a:?}");
    }
    assert_eq!(
        actor_with(&g, "Its president").id,
        actor_with(&g, "Sultan al-Jaber").id
    );
    assert_no_actor_named(&g, &["Jaber", "Salman", "Cruz", "Its president"]);
}

#[test]
fn an_agency_named_by_what_it_does_is_one_organisation() {
    let text = "Customs and Border Protection said its agents had stopped \
                250,000 migrants. The agency said it needed more staff. \
                Immigration and Customs Enforcement said it had made 300 \
                arrests.";
    let g = graph_of(&[text], &builtin_aliases());
    let cbp = actor_with(&g, "Customs and Border Protection");
    assert_eq!(cbp.kind, ActorKind::Organisation, "{cbp:?}");
    assert_eq!(actor_with(&g, "The agency").id, cbp.id);
    let ice = actor_with(&g, "Immigration and Customs Enforcement");
    assert_eq!(ice.kind, ActorKind::Organisation, "{ice:?}");
    assert_no_actor_named(
        &g,
        &["Customs", "Border Protection", "Immigration"],
    );
}

#[test]
fn a_plurals_possessive_names_its_owner() {
    // "Sanders’ campaign" is the campaign of Sanders, as "Clinton’s
    // campaign" is Clinton's; a party's or a common plural's possessive
    // owns no body.
    let text = "Sanders’ campaign said the count was unfair. Clinton’s \
                campaign said it was fair. Supporters' groups welcomed the \
                decision. Democrats' leaders said the vote was fair.";
    let g = graph_of(&[text], &builtin_aliases());
    let sanders = actor_with(&g, "Sanders’ campaign");
    let clinton = actor_with(&g, "Clinton’s campaign");
    assert_eq!(sanders.kind, clinton.kind, "{sanders:?}");
    assert_eq!(sanders.affiliations, ["actor:sanders"], "{sanders:?}");
    assert_eq!(actor_with(&g, "Supporters' groups").kind, ActorKind::Group);
    for owner in ["Supporters", "Democrats"] {
        assert!(
            actors(&g)
                .iter()
                .all(|a| a.kind != ActorKind::Government || a.name != owner),
            "{:?}",
            actors(&g)
        );
    }
}

#[test]
fn a_title_word_opening_a_bodys_name_is_no_title() {
    // "Justice" and "Democratic" stand before names as titles do, but
    // before a body's head word they are part of its name: the Justice
    // Department had been "Department", one actor with the State
    // Department, and every state's party one "Party".
    let a = "The State Department said the talks would resume. The \
             Justice Department said the company broke the law. Justice \
             Department officials said the case was strong.";
    let b = "The Iowa Democratic Party said turnout was high. The Ohio \
             Republican Party said it was low.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let justice = actor_with(&g, "Justice Department");
    assert_ne!(justice.id, actor_with(&g, "State Department").id);
    assert_eq!(justice.kind, ActorKind::Organisation, "{justice:?}");
    let iowa = actor_with(&g, "Iowa Democratic Party");
    assert_ne!(iowa.id, actor_with(&g, "Ohio Republican Party").id);
    assert_no_actor_named(&g, &["Department", "Party"]);
}

#[test]
fn a_partys_tag_after_a_name_is_no_part_of_it() {
    // "(D-Wis.)" had made a second actor of the same representative.
    let text = "Rep. Gwen Moore (D-Wis.) said the bill was weak. Gwen Moore \
                has served since 2005. Gov. Chris Christie (R) said the plan \
                was fair.";
    let g = graph_of(&[text], &builtin_aliases());
    assert_eq!(
        actor_with(&g, "Rep. Gwen Moore").id,
        actor_with(&g, "Gwen Moore").id
    );
    actor_with(&g, "Chris Christie");
    assert!(
        actors(&g).iter().all(|a| !a.name.contains('(')),
        "{:?}",
        actors(&g)
    );
}

#[test]
fn a_companys_name_is_known_by_its_last_word() {
    // "Motors", "Semiconductor", "Pharmaceuticals" end companies' names;
    // two capitalised words had made each a person.
    let text = "Halvorsen Motors said it would recall the cars. Arcadia \
                Semiconductor said its chips were faster. Salix \
                Pharmaceuticals said the drug was safe.";
    let g = graph_of(&[text], &builtin_aliases());
    for form in
        ["Halvorsen Motors", "Arcadia Semiconductor", "Salix Pharmaceuticals"]
    {
        let a = actor_with(&g, form);
        assert_eq!(a.kind, ActorKind::Organisation, "{a:?}");
    }
}

#[test]
fn a_sheriff_is_named_without_county_or_title_and_an_energy_company_is_a_company()
 {
    let text = "Boulder County Sheriff Curtis Lyle said deputies had gone \
                door to door. Xcel Energy, the region's main utility, said \
                it had shut off power to 20,000 customers.";
    let g = graph_of(&[text], &builtin_aliases());
    let all = actors(&g);
    let lyle = all.iter().find(|a| a.name.contains("Lyle")).unwrap();
    assert_eq!(lyle.name, "Curtis Lyle", "{all:?}");
    let xcel = all.iter().find(|a| a.name == "Xcel Energy").unwrap();
    assert_eq!(xcel.kind, ActorKind::Organisation, "{xcel:?}");
}

#[test]
fn where_a_named_person_works_is_no_part_of_the_name() {
    let text = "“Just 9 percent said the debate changed their minds,” \
                wrote Dan McLaughlin at the National Review. Citizens for \
                Tax Justice said the plan was regressive.";
    let g = graph_of(&[text], &builtin_aliases());
    let all = actors(&g);
    let names: Vec<&str> = all.iter().map(|a| a.name.as_str()).collect();
    assert!(names.contains(&"Dan McLaughlin"), "{names:?}");
    assert!(names.contains(&"Citizens for Tax Justice"), "{names:?}");
}

#[test]
fn the_owner_of_a_team_is_no_place() {
    // "Mexico's foreign ministry" names a country; "Trump's team" names
    // no place.
    let text = "Donald Trump spoke in Iowa. Trump's team thinks she does \
                not understand the mood of the electorate. Mexico's \
                foreign ministry said the wall would not be paid for.";
    let g = graph_of(&[text], &builtin_aliases());
    let all = actors(&g);
    let trump = all.iter().find(|a| a.name == "Donald Trump").unwrap();
    assert_eq!(trump.kind, ActorKind::Person, "{all:?}");
    let mexico = all.iter().find(|a| a.name == "Mexico").unwrap();
    assert_eq!(mexico.kind, ActorKind::Government, "{all:?}");
}

#[test]
fn a_capitalised_plural_role_is_each_articles_own_group() {
    let a = "Proponents say the bill keeps enough safeguards in place.";
    let b = "Reporters asked whether the plan would pass. Proponents say \
             the law will cut costs.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let proponents: Vec<Actor> =
        actors(&g).into_iter().filter(|x| x.name == "Proponents").collect();
    assert_eq!(proponents.len(), 2, "{proponents:?}");
    assert!(proponents.iter().all(|x| x.kind == ActorKind::Group));
}

#[test]
fn a_common_noun_in_capitals_is_no_actor_shared_across_articles() {
    // Two headlines' "Poll" are two polls, two towns' "Police" two
    // forces, and two papers' "The Post" two papers; a plural group
    // ("Democrats") still recurs.
    let g = graph_of(
        &[
            "Poll: Trump and Clinton hold narrow leads in Florida.\n\nThe \
             race is close. Police said the suspect fled. Democrats said \
             the count was fair. The Post reported that the mayor quit.",
            "Poll: Clinton and Sanders in dead heat.\n\nThe race is close. \
             Police said the crowd had gone home. Democrats said the vote \
             was late. The Post reported that the mayor stayed.",
        ],
        &builtin_aliases(),
    );
    let named =
        |name: &str| actors(&g).iter().filter(|a| a.name == name).count();
    assert_eq!(named("Poll"), 2);
    assert_eq!(named("Police"), 2);
    // Which paper "The Post" is, each article says.
    assert_eq!(named("Post"), 2);
    assert_eq!(named("Democrats"), 1);
}

#[test]
fn a_restrictive_clause_leaves_the_kind_to_the_noun_before_it() {
    // The clause ends on a newspaper's name and a plural: the speakers
    // are a group of officials, and one man.
    let a = "Current and former aides who spoke with The Ledger said the \
             office was in chaos. A man who lost his savings hoping the \
             proceeds would come said the scheme was a fraud.";
    let g = graph_of(&[a], &builtin_aliases());
    let aides =
        actor_with(&g, "Current and former aides who spoke with The Ledger");
    assert_eq!(aides.kind, ActorKind::Group, "{aides:?}");
    let man = actor_with(
        &g,
        "A man who lost his savings hoping the proceeds would come",
    );
    assert_eq!(man.kind, ActorKind::Anonymous, "{man:?}");
}

#[test]
fn a_speaker_that_is_a_government_phrase_is_that_government() {
    // The speaker's words are the government phrase: one actor with the
    // claim, not a government beside an anonymous "Biden administration".
    let a = "President Joe Biden met the leaders on Monday.\n\nThe Biden \
             administration opposes the designation, an official said.";
    let g = graph_of(&[a], &builtin_aliases());
    let named: Vec<Actor> = actors(&g)
        .into_iter()
        .filter(|x| x.name.eq_ignore_ascii_case("Biden administration"))
        .collect();
    assert_eq!(named.len(), 1, "{named:?}");
    assert_eq!(named[0].kind, ActorKind::Government, "{named:?}");
    // "the government" refers back to the government named before, and
    // an actor several articles name keeps its plain id.
    let b = "The Mexican government said the talks had failed. On Friday, \
             the government said it would try again.";
    let c = "The Mexican government said the border would stay open.";
    let g = graph_of(&[b, c], &builtin_aliases());
    let mexico = actor_with(&g, "The Mexican government");
    assert!(
        mexico.mentions.iter().any(|m| m == "the government"),
        "{mexico:?}"
    );
    assert!(!mexico.id.contains('@'), "{mexico:?}");
}

#[test]
fn a_member_of_a_party_is_no_name_shared_across_articles() {
    // "A Republican" of one article is not "the Republican" of another.
    let a = "A Republican said the bill would fail.";
    let b = "Republican Jim Banks said the plan was sound. The Republican \
             added that it would pass.";
    let g = graph_of(&[a, b], &builtin_aliases());
    let one = actor_with(&g, "A Republican");
    assert!(!one.mentions.iter().any(|m| m == "Jim Banks"), "{one:?}");
    let members = actors_with(&g, "Republican");
    assert_eq!(members.len(), 2, "{members:?}");
}
