//! Text helpers every command's table output shares.

/// `text` on one line (runs of whitespace made one space), cut to `max`
/// characters with "…" when longer.
pub fn clip(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}
