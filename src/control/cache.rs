//! The few most recent views' timelines, by voice mask. A mask seen for the first time
//! gets its timeline built on a background thread, one at a time, while resolutions
//! under it walk every place's claims (the same answer, without the wait).

use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use super::incremental::Moves;
use super::index::ControlIndex;
use super::splice::PLACES_IN_PLACE;
use super::timeline::Timeline;
use super::voice::VoiceMask;

/// How many views' timelines are kept.
const TIMELINES_KEPT: usize = 4;

/// Timelines built so far, and the one being built.
#[derive(Default)]
pub struct TimelineCache {
    state: Mutex<CacheState>,
    /// Signalled when a background build finishes.
    finished: Condvar,
}

#[derive(Default)]
struct CacheState {
    /// Least recently used first.
    built: Vec<(VoiceMask, Arc<Timeline>)>,
    /// The mask whose timeline a background thread is building.
    building: Option<VoiceMask>,
}

impl CacheState {
    /// The timeline for `mask`, marked most recently used.
    fn take(&mut self, mask: &VoiceMask) -> Option<Arc<Timeline>> {
        let i = self.built.iter().position(|(m, _)| m == mask)?;
        let entry = self.built.remove(i);
        let timeline = Arc::clone(&entry.1);
        self.built.push(entry);
        Some(timeline)
    }

    fn insert(&mut self, mask: VoiceMask, timeline: Arc<Timeline>) {
        if self.built.iter().any(|(m, _)| *m == mask) {
            return;
        }
        if self.built.len() >= TIMELINES_KEPT {
            self.built.remove(0);
        }
        self.built.push((mask, timeline));
    }
}

impl TimelineCache {
    fn lock(&self) -> MutexGuard<'_, CacheState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The timeline for `mask` if it is built; otherwise `None`, after starting its
    /// build on a background thread unless another build is under way.
    pub fn get_or_start(
        self: &Arc<Self>,
        index: &Arc<ControlIndex>,
        places: usize,
        mask: &VoiceMask,
        threads: usize,
    ) -> Option<Arc<Timeline>> {
        let mut state = self.lock();
        if let Some(timeline) = state.take(mask) {
            return Some(timeline);
        }
        if state.building.is_some() {
            return None;
        }
        state.building = Some(mask.clone());
        drop(state);
        let (cache, index, mask) = (Arc::clone(self), Arc::clone(index), mask.clone());
        let spawned = std::thread::Builder::new()
            .name("timeline".into())
            .spawn(move || {
                // Clears `building` even if the build panics, so no one waits forever.
                let done = BuildDone(&cache);
                let timeline = Arc::new(Timeline::build(&index, places, &mask, threads));
                done.0.lock().insert(mask, timeline);
            });
        if spawned.is_err() {
            self.lock().building = None;
        }
        None
    }

    /// The timeline for `mask`, waiting for its background build or building it here.
    pub fn get_or_build(
        &self,
        index: &ControlIndex,
        places: usize,
        mask: &VoiceMask,
        threads: usize,
    ) -> Arc<Timeline> {
        let mut state = self.lock();
        while state.building.as_ref() == Some(mask) {
            state = self
                .finished
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
        if let Some(timeline) = state.take(mask) {
            return timeline;
        }
        drop(state);
        let timeline = Arc::new(Timeline::build(index, places, mask, threads));
        self.lock().insert(mask.clone(), Arc::clone(&timeline));
        timeline
    }

    /// Drops every built timeline (a build under way still stores its own).
    pub fn clear(&self) {
        self.lock().built.clear();
    }

    /// A new cache holding the timelines built here (shared, not copied) and no build
    /// under way: what a copy of the engine starts from, so that an edit the copy
    /// follows patches its own cache and leaves this one whole.
    pub fn copy_built(&self) -> Self {
        Self {
            state: Mutex::new(CacheState {
                built: self.lock().built.clone(),
                building: None,
            }),
            finished: Condvar::new(),
        }
    }

    /// True when the timeline for `mask` is built.
    pub fn has(&self, mask: &VoiceMask) -> bool {
        self.lock().built.iter().any(|(m, _)| m == mask)
    }

    /// A new cache holding this one's timelines patched after a claim edit (see
    /// [`Timeline::patched`]); empty when the edit added voices, since masks made
    /// before it do not say whether a view counts the new ones. A build under way
    /// here stores its timeline (of the old index) here, not in the new cache.
    pub fn patched(&self, index: &ControlIndex, moves: &Moves) -> Self {
        if moves.voices_grew {
            return Self::default();
        }
        let built: Vec<(VoiceMask, Arc<Timeline>)> = std::mem::take(&mut self.lock().built);
        let built = built
            .into_iter()
            .map(|(mask, mut timeline)| {
                // In place when few places changed and no resolution holds it now.
                if moves.places.len() <= PLACES_IN_PLACE
                    && let Some(only) = Arc::get_mut(&mut timeline)
                {
                    only.patch_in_place(index, &mask, moves);
                    return (mask, timeline);
                }
                let patched = Arc::new(timeline.patched(index, &mask, moves));
                (mask, patched)
            })
            .collect();
        Self {
            state: Mutex::new(CacheState {
                built,
                building: None,
            }),
            finished: Condvar::new(),
        }
    }
}

/// Marks the background build finished when dropped.
struct BuildDone<'a>(&'a TimelineCache);

impl Drop for BuildDone<'_> {
    fn drop(&mut self) {
        self.0.lock().building = None;
        self.0.finished.notify_all();
    }
}
