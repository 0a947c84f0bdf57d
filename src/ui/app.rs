//! The app shell: persisted state, panels, and commands applied after drawing.

/// The Frontline window.
pub struct FrontlineApp {}

impl FrontlineApp {
    /// Creates the app, restoring persisted state.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let _ = cc;
        Self {}
    }
}

impl eframe::App for FrontlineApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let _ = (ui, frame);
    }
}
