//! Aligned text output for people.

use std::fmt::Write as _;

use super::report::{ResolveReport, RoutesReport};

/// "HYPOTHETICAL: Homs held by Rebels; no claim says so." under a what-if (names, not
/// ids), else nothing: a what-if is marked in everything it produces.
fn what_if_line(what_if: &[String]) -> String {
    if what_if.is_empty() {
        return String::new();
    }
    format!("HYPOTHETICAL: {}; no claim says so.\n", what_if.join(", "))
}

/// `resolve` as a table: places that have any claim, then regions.
pub fn resolve_table(report: &ResolveReport) -> String {
    let mut out = format!("as of {} ({})\n", report.at, report.perspective);
    out.push_str(&what_if_line(&report.what_if));
    out.push('\n');
    let _ = writeln!(
        out,
        "{:<24} {:<16} {:<10} {:>6}  sources",
        "place", "controller", "status", "claims"
    );
    for place in report.places.iter().filter(|p| p.claims > 0) {
        let _ = writeln!(
            out,
            "{:<24} {:<16} {:<10} {:>6}  {}",
            place.name,
            place.controller.as_deref().unwrap_or("-"),
            place.status,
            place.claims,
            place.sources.join(", ")
        );
    }
    let unknown = report.places.iter().filter(|p| p.claims == 0).count();
    let _ = writeln!(out, "({unknown} places with no claim are unknown)\n");
    let _ = writeln!(out, "{:<28} {:<16} shares", "region", "dominant");
    for region in &report.regions {
        let shares: Vec<String> = region
            .shares
            .iter()
            .map(|(faction, share)| format!("{faction} {:.0}%", share * 100.0))
            .collect();
        let _ = writeln!(
            out,
            "{:<28} {:<16} {}",
            region.name,
            region.dominant.as_deref().unwrap_or("-"),
            shares.join(", ")
        );
    }
    out
}

/// `routes` as a table: each route's segments, then connectivity.
pub fn routes_table(report: &RoutesReport) -> String {
    let mut out = format!("as of {} ({})\n", report.at, report.perspective);
    out.push_str(&what_if_line(&report.what_if));
    for route in &report.routes {
        let _ = write!(out, "\n{} ({})", route.name, route.id);
        if !route.severed_for.is_empty() {
            let _ = write!(out, "  severed for: {}", route.severed_for.join(", "));
        }
        out.push('\n');
        for segment in &route.segments {
            let _ = write!(
                out,
                "  {:<20} -> {:<20} {}",
                segment.from,
                segment.to,
                segment.holder.as_deref().unwrap_or("(front line)")
            );
            if !segment.severs_for.is_empty() {
                let _ = write!(out, "  cuts: {}", segment.severs_for.join(", "));
            }
            out.push('\n');
        }
    }
    out.push_str("\nconnectivity (through own or allied ground)\n");
    for link in &report.connectivity {
        let _ = writeln!(
            out,
            "  {:<16} -> {:<16} {:<16} {}",
            link.from,
            link.to,
            link.faction,
            if link.connected { "connected" } else { "CUT" }
        );
    }
    out
}
