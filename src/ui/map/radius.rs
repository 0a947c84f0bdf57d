//! The size of a place's marker on screen: one rule, from its population.

/// Smallest marker radius in screen points (places with no population figure).
pub const MIN_RADIUS: f32 = 3.0;
/// Largest marker radius in screen points.
pub const MAX_RADIUS: f32 = 14.0;

/// A marker's radius in screen points: grows with the square root of the population.
pub fn radius_for_population(population: u64) -> f32 {
    #[expect(clippy::cast_precision_loss, reason = "populations are far below 2^52")]
    let root = (population as f64).sqrt() as f32;
    (MIN_RADIUS + root * 0.007).min(MAX_RADIUS)
}
