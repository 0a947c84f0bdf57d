//! Where things go on the printed page: the title band, the map, the legend panel and
//! the footer, scaled with the picture.

/// Where things go on the page, scaled with the picture (`u` = pixels per design pixel
/// of a 1920 × 1080 page).
#[derive(Clone, Copy, Debug)]
pub(super) struct Layout {
    pub u: f64,
    pub width: f64,
    pub height: f64,
    pub panel_x: f64,
    pub title_h: f64,
    pub footer_h: f64,
}

impl Layout {
    pub fn new((width, height): (u32, u32)) -> Self {
        let (width, height) = (f64::from(width), f64::from(height));
        let u = (width / 1920.0).min(height / 1080.0);
        Self {
            u,
            width,
            height,
            panel_x: width - 470.0 * u,
            title_h: 84.0 * u,
            footer_h: 56.0 * u,
        }
    }

    /// The map's rectangle: left, top, width, height.
    pub fn map_rect(&self) -> [f64; 4] {
        [
            0.0,
            self.title_h,
            self.panel_x,
            self.height - self.title_h - self.footer_h,
        ]
    }
}
