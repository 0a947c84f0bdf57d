//! What the app remembers between runs, kept apart from the caches rebuilt at start.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::dialog::DialogMode;
use super::map::{MapLayers, MapMemory};
use crate::control::{Perspective, View};

/// The eframe storage key the state is saved under.
pub const STORAGE_KEY: &str = "frontline";

/// Everything persisted between runs (eframe storage, key [`STORAGE_KEY`]).
///
/// What-if assumptions and the selection are deliberately not persisted: they are
/// questions asked in one session, not settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// Which map layers are shown.
    pub layers: MapLayers,
    /// The moment shown, Unix seconds; `None` means the end of the scenario.
    pub time_secs: Option<i64>,
    /// Whose account the map shows.
    pub perspective: Perspective,
    /// Source ids hidden by hand.
    pub hidden_sources: BTreeSet<String>,
    /// The map camera.
    pub camera: MapMemory,
    /// Dark (true) or light theme.
    pub dark: bool,
    /// The second date of the comparison, if one was picked.
    pub compare_date: Option<jiff::civil::Date>,
    /// The renderer to use from the next start (the command line and
    /// `FRONTLINE_RENDERER` override it).
    pub renderer: Renderer,
    /// Let opened scenarios read files outside their folder (File > Allow paths
    /// outside the scenario's folder); off by default, for one's own files only.
    pub allow_outside_paths: bool,
    /// The left panel (search, perspective, layers) is shown.
    pub show_controls: bool,
    /// The right panel (the selected place, what-if, sources) is shown.
    pub show_sidebar: bool,
    /// Which file dialog File > Open, Save As, Export and Add article show
    /// (`FRONTLINE_DIALOG` overrides it).
    pub file_dialog: DialogMode,
    /// The scenarios and snapshots opened or saved last, newest first (File > Open
    /// Recent).
    pub recent_files: Vec<std::path::PathBuf>,
    /// How fast the timeline plays: hours of the timeline per second.
    pub play_hours_per_sec: f64,
    /// Playing starts again from the beginning when it reaches the end.
    pub play_loop: bool,
}

/// The play speed of a new user: six hours of the timeline a second.
pub const DEFAULT_PLAY_HOURS_PER_SEC: f64 = 6.0;

/// How the window is drawn. Glow (OpenGL) is about four times faster than wgpu under
/// software rendering (Xvfb with Mesa's llvmpipe).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
pub enum Renderer {
    /// OpenGL through glow.
    #[default]
    Glow,
    /// wgpu (Vulkan, GL or Metal).
    Wgpu,
}

impl Renderer {
    /// The name used on the command line and in `FRONTLINE_RENDERER`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Glow => "glow",
            Self::Wgpu => "wgpu",
        }
    }

    /// Parses `glow` or `wgpu` (any case).
    pub fn parse(text: &str) -> Result<Self, String> {
        match text.trim().to_ascii_lowercase().as_str() {
            "glow" => Ok(Self::Glow),
            "wgpu" => Ok(Self::Wgpu),
            other => Err(format!("unknown renderer {other:?}; use glow or wgpu")),
        }
    }
}

impl From<Renderer> for eframe::Renderer {
    fn from(renderer: Renderer) -> Self {
        match renderer {
            Renderer::Glow => eframe::Renderer::Glow,
            Renderer::Wgpu => eframe::Renderer::Wgpu,
        }
    }
}

impl Default for State {
    fn default() -> Self {
        Self {
            layers: MapLayers::default(),
            time_secs: None,
            perspective: Perspective::All,
            hidden_sources: BTreeSet::new(),
            camera: MapMemory::default(),
            dark: true,
            compare_date: None,
            renderer: Renderer::Glow,
            allow_outside_paths: false,
            show_controls: true,
            show_sidebar: true,
            file_dialog: DialogMode::Automatic,
            recent_files: Vec::new(),
            play_hours_per_sec: DEFAULT_PLAY_HOURS_PER_SEC,
            play_loop: false,
        }
    }
}

impl State {
    /// The engine view for this state plus the session's what-if assumptions.
    pub fn view(&self, assume: &std::collections::BTreeMap<String, String>) -> View {
        View {
            perspective: self.perspective.clone(),
            hidden_sources: self.hidden_sources.clone(),
            assume: assume.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderers_parse_and_old_settings_default_to_glow() {
        assert_eq!(Renderer::parse(" WGPU "), Ok(Renderer::Wgpu));
        assert_eq!(Renderer::parse("glow"), Ok(Renderer::Glow));
        assert!(Renderer::parse("vulkan").is_err());
        let old: Option<State> = ron::from_str("(dark: false)").ok();
        assert_eq!(old.map(|s| s.renderer), Some(Renderer::Glow));
        assert_eq!(
            eframe::Renderer::from(Renderer::Wgpu),
            eframe::Renderer::Wgpu
        );
    }

    #[test]
    fn state_round_trips_through_ron() {
        let mut state = State {
            time_secs: Some(1_733_600_000),
            dark: false,
            ..State::default()
        };
        state.hidden_sources.insert("rebels-said".into());
        state.layers.routes = false;
        state.layers.hidden_factions.insert("army".into());
        state.renderer = Renderer::Wgpu;
        state.camera.fit_requested = false; // not persisted
        let text = ron::to_string(&state).unwrap_or_default();
        let back: Option<State> = ron::from_str(&text).ok();
        assert_eq!(back, Some(state));
    }
}
