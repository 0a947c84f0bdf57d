//! Frontline: attributed claims about a war, resolved into who holds every place,
//! region and route at any moment, under any perspective, with the reasons.

pub mod io;
pub mod model;
