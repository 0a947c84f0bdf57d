//! What is on screen: the moment, the view (perspective, hidden sources, what-if), the
//! layers shown and the extent. One type shared by the window (what it shows), the
//! command line (what the flags ask for), every export ([`crate::export::ExportJob`])
//! and snapshots ([`crate::export::Snapshot`]), so that they cannot drift apart.
//!
//! Nothing here knows about the window or about files.

use crate::control::View;
use crate::layers::Layers;
use crate::model::Moment;

/// A moment of a scenario seen one way.
#[derive(Clone, Debug, PartialEq)]
pub struct Viewpoint {
    /// The moment.
    pub at: Moment,
    /// Perspective, hidden sources and what-if assumptions.
    pub view: View,
    /// Which layers are shown.
    pub layers: Layers,
    /// The extent shown, W, S, E, N in degrees; `None` for the default extent.
    pub bbox_lonlat: Option<[f64; 4]>,
}

impl Viewpoint {
    /// The default view, layers and extent at `at`.
    pub fn at(at: Moment) -> Self {
        Self {
            at,
            view: View::default(),
            layers: Layers::default(),
            bbox_lonlat: None,
        }
    }
}
