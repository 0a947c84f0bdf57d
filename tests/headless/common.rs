//! Helpers every test module shares.

/// The binary under test; `FRONTLINE_TEST_BIN` overrides it where several checkouts
/// share a target folder (each builds its own `target/debug/frontline`).
pub fn binary() -> String {
    std::env::var("FRONTLINE_TEST_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_frontline").into())
}
