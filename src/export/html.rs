//! The HTML report: one self-contained file a reporter can open, read and
//! send on.
//!
//! The page holds the diagram (the SVG Graphviz draws from
//! [`to_dot_with`], inlined, its claims and actors linking to the
//! table), the fact-checkers' verdicts when there
//! are any, and a table of who said what: one row per report, with the
//! actor, the cue, whether it is a quote or a paraphrase, the text, the
//! document, the span and the rule, and links to the rows of the reports
//! that contradict it. A search box filters the rows (every word must
//! appear, case and accents aside). Styles and the few lines of script
//! are inline and nothing is fetched, so the file works offline and as an
//! attachment; without JavaScript the table is simply all there. Every
//! piece of graph text is escaped. Without Graphviz the report has the
//! table but no diagram, and says so.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use super::dot::{DotOptions, render_bytes, to_dot_with};
use super::xml::{attr, text};
use super::{anchor, report_anchor, shorten, web_address};
use crate::graph::{
    Actor, ActorKind, ClaimGraph, DocumentNode, Edge, Evidence, GraphData,
    Node, Verdict,
};
use crate::model::CueClass;

const STYLE: &str = include_str!("report.css");
const SCRIPT: &str = include_str!("report.js");

/// The report for `g` with its diagram drawn by Graphviz, and a note for
/// the user when the diagram had to be left out.
pub fn report(g: &ClaimGraph, title: &str) -> (String, Option<String>) {
    let dot = to_dot_with(g, DotOptions { page_links: true });
    let (svg, note) = match render_bytes(&dot, "svg") {
        Ok(Some(bytes)) => {
            (Some(String::from_utf8_lossy(&bytes).into_owned()), None)
        }
        Ok(None) => (
            None,
            Some(
                "Graphviz's `dot` is not installed, so the report has no \
                  diagram"
                    .to_string(),
            ),
        ),
        Err(e) => (None, Some(format!("the report has no diagram: {e}"))),
    };
    let page = to_html(g, title, svg.as_deref());
    (page, note)
}

/// The report for `g`, with `svg` (a Graphviz SVG) as its diagram or,
/// when `None`, a note that there is none.
pub fn to_html(g: &ClaimGraph, title: &str, svg: Option<&str>) -> String {
    let data = g.to_data();
    let page = Page::new(&data);
    let mut out = String::new();
    head(&mut out, title);
    summary(&mut out, &data, page.rows.len());
    diagram(&mut out, svg);
    verdicts(&mut out, &data, &page);
    table(&mut out, &page);
    let _ = write!(
        out,
        "<footer>Made by claimgraph. Spans count Unicode code points from \
         the start of the document's text.</footer>\n<script>\n{SCRIPT}\
         </script>\n</body>\n</html>\n"
    );
    out
}

/// One report of a claim: a table row.
#[derive(Debug)]
struct Row<'g> {
    claim: &'g str,
    evidence: &'g Evidence,
    actor: Option<&'g str>,
    class: Option<CueClass>,
    direct: Option<bool>,
}

/// A link from one report to another: a counterclaim or a dispute.
#[derive(Debug)]
struct Conflict<'g> {
    /// The other report, for a counterclaim.
    other: Option<&'g Evidence>,
    /// What to show.
    label: String,
    /// Why, for the tooltip.
    why: String,
}

/// What the table needs, indexed.
struct Page<'g> {
    nodes: BTreeMap<&'g str, &'g Node>,
    rows: Vec<Row<'g>>,
    conflicts: BTreeMap<(&'g str, [u32; 2]), Vec<Conflict<'g>>>,
    anchors: BTreeSet<String>,
}

impl<'g> Page<'g> {
    fn new(data: &'g GraphData) -> Page<'g> {
        let nodes = data.nodes.iter().map(|n| (n.id(), n)).collect();
        let rows = rows(data);
        let anchors = rows.iter().map(|r| report_anchor(r.evidence)).collect();
        let conflicts = conflicts(data);
        Page { nodes, rows, conflicts, anchors }
    }

    fn actor(&self, id: &str) -> Option<&'g Actor> {
        match self.nodes.get(id) {
            Some(Node::Actor(a)) => Some(a),
            _ => None,
        }
    }

    fn document(&self, name: &str) -> Option<&'g DocumentNode> {
        match self.nodes.get(format!("doc:{name}").as_str()) {
            Some(Node::Document(d)) => Some(d),
            _ => None,
        }
    }

    fn verdicts(&self, claim: &str) -> &'g [Verdict] {
        match self.nodes.get(claim) {
            Some(Node::Claim(c)) => &c.verdicts,
            _ => &[],
        }
    }

    fn claim_text(&self, claim: &str) -> &'g str {
        match self.nodes.get(claim) {
            Some(Node::Claim(c)) => &c.text,
            _ => "",
        }
    }
}

/// One row per report: attributions with their actor, and reports with
/// no speaker, in reading order (document, then span).
fn rows(data: &GraphData) -> Vec<Row<'_>> {
    let mut rows: BTreeMap<(&str, [u32; 2], &str), Row> = BTreeMap::new();
    for e in &data.edges {
        let (evidence, actor, class, direct) = match &e.edge {
            Edge::Attributed { class, direct, evidence } => {
                (evidence, Some(e.from.as_str()), Some(*class), Some(*direct))
            }
            Edge::ReportedIn { evidence, direct } => {
                (evidence, None, None, Some(*direct))
            }
            _ => continue,
        };
        let claim = if actor.is_some() { &e.to } else { &e.from };
        let key = (&*evidence.document, evidence.span, claim.as_str());
        let row = rows.entry(key).or_insert(Row {
            claim,
            evidence,
            actor: None,
            class: None,
            direct: None,
        });
        row.actor = row.actor.or(actor);
        row.class = row.class.or(class);
        row.direct = row.direct.or(direct);
    }
    rows.into_values().collect()
}

/// Counterclaims and disputes by the report they concern.
fn conflicts(
    data: &GraphData,
) -> BTreeMap<(&str, [u32; 2]), Vec<Conflict<'_>>> {
    let mut out: BTreeMap<_, Vec<Conflict>> = BTreeMap::new();
    for e in &data.edges {
        match &e.edge {
            Edge::Contradicts { a, b, rule, reason, confidence, .. } => {
                let why = format!("{reason} ({rule}, {confidence}%)");
                for (this, other) in [(a, b), (b, a)] {
                    let ev = &this.evidence;
                    let list = out.entry((&*ev.document, ev.span));
                    add_conflict(list.or_default(), &other.evidence, &why);
                }
            }
            Edge::Disputes { report, marker, reason, rule, .. } => {
                let ev = &report.evidence;
                let key = (&*ev.document, ev.span);
                out.entry(key).or_default().push(Conflict {
                    other: None,
                    label: format!("disputed by {}: “{marker}”", ev.document),
                    why: format!("{reason} ({rule})"),
                });
            }
            _ => {}
        }
    }
    out
}

/// Adds a counterclaim to a report's list, or, when the list already
/// links to the same report (two rules found it, or the link was found
/// both ways round), adds the reason to that entry.
fn add_conflict<'g>(
    list: &mut Vec<Conflict<'g>>,
    other: &'g Evidence,
    why: &str,
) {
    if let Some(c) = list.iter_mut().find(|c| c.other == Some(other)) {
        if !c.why.split('\n').any(|w| w == why) {
            c.why.push('\n');
            c.why.push_str(why);
        }
        return;
    }
    list.push(Conflict {
        other: Some(other),
        label: other.text.to_string(),
        why: why.to_string(),
    });
}

fn head(out: &mut String, title: &str) {
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, \
         initial-scale=1\">\n<meta name=\"generator\" content=\"claimgraph\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>{}</h1>\n",
        text(title),
        text(title)
    );
}

fn summary(out: &mut String, data: &GraphData, reports: usize) {
    let count = |kind: fn(&Node) -> bool| {
        data.nodes.iter().filter(|n| kind(n)).count()
    };
    let counterclaims = data
        .edges
        .iter()
        .filter(|e| matches!(e.edge, Edge::Contradicts { .. }))
        .count();
    let sources = match count(|n| matches!(n, Node::Source(_))) {
        0 => String::new(),
        n => format!("{n} cited sources, "),
    };
    let _ = writeln!(
        out,
        "<p class=\"summary\">{} actors, {} claims, {} documents, \
         {sources}{reports} reports, {counterclaims} counterclaim links.</p>\
         </header>",
        count(|n| matches!(n, Node::Actor(_))),
        count(|n| matches!(n, Node::Claim(_))),
        count(|n| matches!(n, Node::Document(_)))
    );
}

fn diagram(out: &mut String, svg: Option<&str>) {
    out.push_str("<section id=\"diagram\">\n<h2>Diagram</h2>\n");
    match svg.and_then(|s| s.find("<svg").map(|at| &s[at..])) {
        Some(svg) => {
            out.push_str(
                "<p class=\"hint\">Hover over a node or an edge for the full \
                 text and its evidence; click a claim, an actor or an edge \
                 to go to its row in the table.</p>\n<div class=\"diagram\">\n",
            );
            out.push_str(svg.trim_end());
            out.push_str("\n</div>\n");
        }
        None => out.push_str(
            "<p class=\"note\">No diagram: Graphviz's <code>dot</code> was \
             not available when this report was made. The table below has \
             everything the diagram would show.</p>\n",
        ),
    }
    out.push_str("</section>\n");
}

fn verdicts(out: &mut String, data: &GraphData, page: &Page) {
    let rated: Vec<(&str, &str, &Verdict)> = data
        .nodes
        .iter()
        .filter_map(|n| match n {
            Node::Claim(c) => {
                Some((c.id.as_str(), c.text.as_str(), &c.verdicts))
            }
            _ => None,
        })
        .flat_map(|(id, t, vs)| vs.iter().map(move |v| (id, t, v)))
        .collect();
    if rated.is_empty() {
        return;
    }
    out.push_str(
        "<section id=\"verdicts\">\n<h2>Fact-checkers' verdicts</h2>\n\
         <table>\n<thead><tr><th>Claim</th><th>Rating</th><th>By</th>\
         <th>Date</th><th>Review</th></tr></thead>\n<tbody>\n",
    );
    for (id, claim, v) in rated {
        let claim = if page.anchors_claim(id) {
            format!("<a href=\"#{}\">{}</a>", anchor(id), text(claim))
        } else {
            text(claim)
        };
        let review = link(v.url.as_deref(), "review");
        let _ = writeln!(
            out,
            "<tr><td>{claim}</td><td><span class=\"verdict\">{}</span></td>\
             <td>{}</td><td>{}</td><td>{review}</td></tr>",
            text(&v.rating),
            text(&v.author),
            text(v.date.as_deref().unwrap_or(""))
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

impl Page<'_> {
    /// True when some row of the table carries the claim's anchor.
    fn anchors_claim(&self, claim: &str) -> bool {
        self.rows.iter().any(|r| r.claim == claim)
    }
}

fn table(out: &mut String, page: &Page) {
    let n = page.rows.len();
    let _ = write!(
        out,
        "<section id=\"who-said-what\">\n<h2>Who said what</h2>\n\
         <p class=\"search\"><label for=\"q\">Search</label> \
         <input type=\"search\" id=\"q\" placeholder=\"actor, words, \
         document, rule…\" autocomplete=\"off\"> <span class=\"count\">\
         showing <span id=\"shown\">{n}</span> of {n} reports</span></p>\n\
         <table id=\"reports\">\n<thead><tr><th>Actor</th><th>Cue</th>\
         <th title=\"Q: direct quote, P: paraphrase\">Q/P</th><th>Text</th>\
         <th>Document</th><th>Span</th><th>Rule</th>\
         <th>Counterclaims</th></tr></thead>\n<tbody>\n"
    );
    let mut seen = BTreeSet::new();
    for row in &page.rows {
        out.push_str(&table_row(row, page, &mut seen));
    }
    out.push_str("</tbody>\n</table>\n</section>\n");
}

/// One `<tr>`. The first row of each claim and of each actor carries
/// their anchors, which the diagram links to.
fn table_row<'g>(
    row: &Row<'g>,
    page: &Page<'g>,
    seen: &mut BTreeSet<&'g str>,
) -> String {
    let ev = row.evidence;
    let mut first = |id: &'g str| {
        if seen.insert(id) {
            format!("<a class=\"anchor\" id=\"{}\"></a>", anchor(id))
        } else {
            String::new()
        }
    };
    let actor_cell = match (row.actor, &ev.speaker) {
        (Some(id), _) => format!("{}{}", first(id), actor_label(id, page)),
        (None, Some(speaker)) => format!(
            "<span class=\"actor vague\" title=\"the speaker as written; \
             the actor is outside this view\">{}</span>",
            text(speaker)
        ),
        (None, None) => "<span class=\"none\">no speaker</span>".to_string(),
    };
    let claim_anchor = first(row.claim);
    format!(
        "<tr id=\"{}\"><td>{actor_cell}</td><td>{}</td><td>{}</td>\
         <td>{claim_anchor}{}</td><td>{}</td><td>{}</td>\
         <td><code>{}</code></td><td>{}</td></tr>\n",
        report_anchor(ev),
        cue_cell(row),
        quote_cell(row.direct),
        text_cell(row, page),
        document_cell(&ev.document, page),
        span_cell(ev),
        text(&ev.rule),
        conflicts_cell(ev, page)
    )
}

fn actor_label(id: &str, page: &Page) -> String {
    let Some(a) = page.actor(id) else { return text(id) };
    let vague = matches!(a.kind, ActorKind::Unresolved | ActorKind::Anonymous);
    let kind = if a.kind == ActorKind::Person {
        String::new()
    } else {
        format!(" <span class=\"kind\">{}</span>", a.kind.name())
    };
    let class = if vague { "actor vague" } else { "actor" };
    let mut tip = format!("{} ({})", a.name, a.kind.name());
    if !a.roles.is_empty() {
        tip.push_str(&format!("; roles: {}", a.roles.join(", ")));
    }
    tip.push_str(&format!("; mentions: {}", a.mentions.join(", ")));
    format!(
        "<span class=\"{class}\" title=\"{}\">{}</span>{kind}",
        attr(&tip),
        text(&a.name)
    )
}

fn cue_cell(row: &Row) -> String {
    let ev = row.evidence;
    let cue = ev.cue.as_deref().map(text).unwrap_or_default();
    match row.class {
        Some(class) if !cue.eq_ignore_ascii_case(class.name()) => {
            format!("{cue} <span class=\"kind\">{}</span>", class.name())
        }
        _ => cue,
    }
}

fn quote_cell(direct: Option<bool>) -> &'static str {
    match direct {
        Some(true) => "<span class=\"q\" title=\"direct quote\">Q</span>",
        Some(false) => "<span class=\"p\" title=\"paraphrase\">P</span>",
        None => "",
    }
}

/// The report's words, the claim's when it was grouped under other
/// words, and the claim's verdicts.
fn text_cell(row: &Row, page: &Page) -> String {
    let mut cell = text(&row.evidence.text);
    let claim = page.claim_text(row.claim);
    if !claim.is_empty() && *claim != *row.evidence.text {
        let _ =
            write!(cell, "<div class=\"claim\">claim: {}</div>", text(claim));
    }
    for v in page.verdicts(row.claim) {
        let _ = write!(
            cell,
            " <span class=\"verdict\" title=\"{}\">{}</span>",
            attr(&format!("rated by {}", v.author)),
            text(&v.rating)
        );
    }
    cell
}

fn document_cell(name: &str, page: &Page) -> String {
    let Some(d) = page.document(name) else { return text(name) };
    let tip: Vec<&str> = [&d.title, &d.publisher, &d.date]
        .into_iter()
        .filter_map(|f| f.as_deref())
        .collect();
    let label = format!(
        "<span title=\"{}\">{}</span>",
        attr(&tip.join(" · ")),
        text(name)
    );
    match d.url.as_deref().and_then(web_address) {
        Some(url) => format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{label}</a>",
            attr(url)
        ),
        None => label,
    }
}

fn span_cell(ev: &Evidence) -> String {
    let mut tip = Vec::new();
    if let (Some(s), Some([a, b])) = (&ev.speaker, ev.speaker_span) {
        tip.push(format!("speaker “{s}” {a}–{b}"));
    }
    if let (Some(c), Some([a, b])) = (&ev.cue, ev.cue_span) {
        tip.push(format!("cue “{c}” {a}–{b}"));
    }
    format!(
        "<span title=\"{}\">{}–{}</span>",
        attr(&tip.join("; ")),
        ev.span[0],
        ev.span[1]
    )
}

fn conflicts_cell(ev: &Evidence, page: &Page) -> String {
    let key = (&*ev.document, ev.span);
    let Some(list) = page.conflicts.get(&key) else { return String::new() };
    let items: Vec<String> = list
        .iter()
        .map(|c| {
            let label = text(&shorten(&c.label, 90));
            let why = attr(&c.why);
            match c.other.map(report_anchor) {
                Some(to) if page.anchors.contains(&to) => format!(
                    "<li><a href=\"#{to}\" title=\"{why}\">{label}</a></li>"
                ),
                _ => format!("<li><span title=\"{why}\">{label}</span></li>"),
            }
        })
        .collect();
    format!("<ul class=\"conflicts\">{}</ul>", items.concat())
}

/// An `<a>` for a web address, or nothing.
fn link(url: Option<&str>, label: &str) -> String {
    match url.and_then(web_address) {
        Some(url) => format!(
            "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
            attr(url),
            text(label)
        ),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, build_graph, extract_document};

    const STORY: &str = "\
“Here, we don’t produce fentanyl,” López Obrador said.

US officials say the vast majority of fentanyl is produced in Mexico.

“<script>alert(1)</script> & more,” said Anne Milgram.
";

    fn graph() -> ClaimGraph {
        let doc = Document {
            id: "story".into(),
            text: STORY.into(),
            url: Some("https://news.example/story?a=1&b=2".into()),
            ..Document::default()
        };
        let mut g = build_graph(&[extract_document(doc)]);
        let id = g
            .nodes()
            .find_map(|n| match n {
                Node::Claim(c) if c.text.contains("produce") => {
                    Some(c.id.clone())
                }
                _ => None,
            })
            .unwrap();
        g.claim_mut(&id).unwrap().verdicts.push(Verdict {
            rating: "False".into(),
            author: "Desk".into(),
            url: Some("javascript:alert(2)".into()),
            date: None,
        });
        g
    }

    #[test]
    fn the_table_has_a_row_per_report() {
        let page = to_html(&graph(), "Report", None);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert_eq!(page.matches("<tr id=\"r-story-").count(), 3);
        assert!(page.contains("<th>Counterclaims</th>"));
        assert!(page.contains("López Obrador"));
        assert!(page.contains("No diagram"));
    }

    #[test]
    fn everything_is_escaped_and_nothing_fetched() {
        let page = to_html(&graph(), "<Report>", None);
        assert!(!page.contains("<script>alert"), "quote escaped");
        assert!(
            page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
        );
        assert!(page.contains("<title>&lt;Report&gt;</title>"));
        assert!(!page.contains("javascript:alert(2)"), "not a link");
        assert!(
            page.contains("href=\"https://news.example/story?a=1&amp;b=2\"")
        );
        assert!(!page.contains("src="));
        assert!(!page.contains("<link"));
    }

    #[test]
    fn counterclaims_link_rows_both_ways() {
        let page = to_html(&graph(), "Report", None);
        let links: Vec<&str> = page
            .split("<ul class=\"conflicts\"><li><a href=\"#")
            .skip(1)
            .map(|s| &s[..s.find('"').unwrap()])
            .collect();
        assert_eq!(links.len(), 2, "{links:?}");
        for to in links {
            assert!(page.contains(&format!("<tr id=\"{to}\">")), "{to}");
        }
    }

    #[test]
    fn verdicts_are_listed_and_marked() {
        let page = to_html(&graph(), "Report", None);
        assert!(page.contains("<h2>Fact-checkers' verdicts</h2>"));
        assert!(page.contains(
            "<span class=\"verdict\" title=\"rated by Desk\">False</span>"
        ));
    }

    #[test]
    fn a_diagram_is_inlined_without_its_prolog() {
        let svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg><g/></svg>\n";
        let page = to_html(&graph(), "Report", Some(svg));
        assert!(
            page.contains("<div class=\"diagram\">\n<svg><g/></svg>\n</div>")
        );
        assert!(!page.contains("<?xml"));
        assert!(!page.contains("<!DOCTYPE svg"));
    }
}
