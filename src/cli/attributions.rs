//! `claimgraph attributions`: extraction only, for people or the bench.
//!
//! The JSONL output is exactly the bench's prediction format, one line per
//! document with code-point offsets. It goes through the same
//! `extract_document` that `build` uses, so the accuracy measured on it is
//! the graph's.

use std::io::{self, Write};
use std::process::ExitCode;

use claimgraph::{
    CharIndex, Extracted, Resolution, extract_document, join_split_quotes,
};
use serde_json::{Value, json};

use crate::cli::args::{AttributionsArgs, Format};
use crate::cli::input::read_and_make;
use crate::cli::text::clip;

/// Runs the subcommand.
pub fn run(args: AttributionsArgs) -> anyhow::Result<ExitCode> {
    super::train::use_cue_model(args.cue_model.as_deref())?;
    super::train::open_gate(args.all_speakers, args.min_speaker_confidence)?;
    // On every core as the inputs are read; a document whose extraction
    // fails is named (see `read_and_make`).
    let join = args.join_split_quotes;
    let extracted = read_and_make(
        &args.inputs,
        args.keep_going,
        |doc| {
            let mut x = extract_document(doc);
            if join {
                let atts = std::mem::take(&mut x.attributions);
                x.attributions = join_split_quotes(&x.document.text, atts);
            }
            x
        },
        |x| x.document.id.as_str(),
    )?;
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    for x in extracted {
        match args.format {
            Format::Jsonl => writeln!(out, "{}", jsonl_line(&x))?,
            Format::Table => write_table(&mut out, &x, args.explain)?,
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// One document in the bench's prediction format.
fn jsonl_line(x: &Extracted) -> Value {
    let text = &x.document.text;
    let chars = CharIndex::new(text);
    let atts: Vec<Value> = x
        .attributions
        .iter()
        .map(|a| {
            let content: Vec<[usize; 2]> =
                a.content.iter().map(|s| s.to_chars(&chars)).collect();
            let mut row = json!({
                "speaker": a.speaker.as_ref().map(|s| s.span.to_chars(&chars)),
                "cue": a.cue.map(|c| c.to_chars(&chars)),
                "content": content,
                "direct": a.direct,
                "actor": a.speaker.as_ref().map(|s| s.name.clone()),
                "cue_class": a.class.name(),
                "rule": a.rule,
            });
            if let Some(w) = &a.withheld {
                row["withheld_speaker"] = json!({
                    "speaker": w.speaker.span.to_chars(&chars),
                    "actor": w.speaker.name,
                    "percent": w.percent,
                });
            }
            row
        })
        .collect();
    json!({"id": x.document.id, "attributions": atts})
}

fn write_table(
    out: &mut impl Write,
    x: &Extracted,
    explain: bool,
) -> io::Result<()> {
    let text = &x.document.text;
    writeln!(
        out,
        "== {} ({} attributions)",
        x.document.id,
        x.attributions.len()
    )?;
    for a in &x.attributions {
        let speaker = a.speaker.as_ref();
        let mention = speaker.map_or("-", |s| s.span.text(text));
        let actor =
            speaker.map_or(String::from("-"), |s| match &s.resolution {
                Resolution::Unresolved => format!("{} (unresolved)", s.name),
                _ => s.name.to_string(),
            });
        let cue = a.cue.map_or("-", |c| c.text(text));
        let content = clip(&a.content_text(text), 70);
        let mark = if a.direct { "Q" } else { "P" };
        let actor = clip(&actor, 28);
        let cue = clip(cue, 14);
        writeln!(out, "  {mark} {actor:<28} {cue:<14} {content}")?;
        if explain {
            let how = match speaker.map(|s| &s.resolution) {
                Some(Resolution::Named) => "named".to_string(),
                Some(Resolution::Alias(s)) => {
                    format!("alias of bytes {}..{}", s.start(), s.end())
                }
                Some(Resolution::Antecedent(s)) => {
                    format!("antecedent {:?}", s.text(text))
                }
                Some(Resolution::Unresolved) => "unresolved".to_string(),
                None => match &a.withheld {
                    Some(w) => format!(
                        "speaker {:?} withheld: {} % sure (speaker gate)",
                        w.speaker.span.text(text),
                        w.percent
                    ),
                    None => "no speaker".to_string(),
                },
            };
            writeln!(
                out,
                "      rule {}; mention {mention:?}; {how}",
                a.rule
            )?;
        }
    }
    Ok(())
}
